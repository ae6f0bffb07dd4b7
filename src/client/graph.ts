/**
 * The course graph scrolls inside its frame. Bring the article named in the
 * URL (`/graph/#node-<slug>`) to the middle of the frame, or else the top of
 * the graph, instead of its left edge.
 */
export function enhanceGraph(): void {
  const frame = document.querySelector<HTMLElement>(".course-graph-scroll");
  if (!frame) return;
  const focus = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target =
      (id ? document.getElementById(id) : null) ?? frame.querySelector<SVGElement>(".graph-node");
    if (!target || !frame.contains(target)) return;
    const box = target.getBoundingClientRect();
    const outer = frame.getBoundingClientRect();
    frame.scrollLeft += box.left + box.width / 2 - (outer.left + outer.width / 2);
    if (id) frame.scrollTop += box.top + box.height / 2 - (outer.top + outer.height / 2);
  };
  focus();
  window.addEventListener("hashchange", focus);
}
