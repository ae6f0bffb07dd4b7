/** Highlights the table-of-contents entry of the section being read. */
export function enhanceToc(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>(".toc-side .toc-list a")];
  const entries = links
    .map((link) => ({
      link,
      heading: document.getElementById(decodeURIComponent(link.hash.slice(1))),
    }))
    .filter((e): e is { link: HTMLAnchorElement; heading: HTMLElement } => e.heading !== null);
  if (entries.length === 0) return;

  let scheduled = false;
  const update = () => {
    scheduled = false;
    // The current section is the last one whose heading is above the top third of the screen.
    const limit = window.innerHeight / 3;
    let current = entries[0]!;
    for (const entry of entries)
      if (entry.heading.getBoundingClientRect().top <= limit) current = entry;
    for (const { link } of entries) {
      if (link === current.link) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(update);
  };
  window.addEventListener("scroll", schedule, { passive: true });
  window.addEventListener("resize", schedule, { passive: true });
  update();
}
