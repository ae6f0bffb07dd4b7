/**
 * Reading progress, kept in this browser only (localStorage; no server, no
 * tracking). Learners mark articles as read; the sidebar, article lists and
 * the graph show it, and the home page suggests what is ready next: unread
 * articles whose prerequisites are all read, in learning order. Progress can
 * be exported and imported as a small JSON file. Without JavaScript none of
 * this appears.
 */
import type { GraphJson, GraphJsonNode } from "../core/browser/graph-json.js";

const siteRoot = new URL("../", import.meta.url);
const STORAGE_KEY = `syllabus-progress:${siteRoot.pathname}`;

interface Progress {
  version: 1;
  /** slug → when it was marked read (ISO date). */
  read: Record<string, string>;
}

function load(): Progress {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null") as unknown;
    return isProgress(parsed) ? parsed : { version: 1, read: {} };
  } catch {
    return { version: 1, read: {} };
  }
}

function save(progress: Progress): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(progress));
  } catch {
    // Storage full or unavailable: progress lasts for this page only.
  }
}

export function isProgress(value: unknown): value is Progress {
  if (typeof value !== "object" || value === null) return false;
  const { version, read } = value as { version?: unknown; read?: unknown };
  if (version !== 1 || typeof read !== "object" || read === null || Array.isArray(read))
    return false;
  return Object.entries(read).every(
    ([slug, when]) => /^[\w-]+$/.test(slug) && typeof when === "string",
  );
}

let cachedGraph: Promise<GraphJson> | undefined;
/** The course's graph.json, whose site path every page gives (`data-graph-json`), found under any path prefix. */
function courseGraph(sitePath: string): Promise<GraphJson> {
  cachedGraph ??= fetch(new URL(sitePath.replace(/^\/+/, ""), siteRoot)).then(
    (r) => r.json() as Promise<GraphJson>,
  );
  return cachedGraph;
}

/** Unread articles whose prerequisites are all read, in learning order. */
export function readyNext(graph: GraphJson, read: Record<string, string>): GraphJsonNode[] {
  const prerequisites = new Map<string, string[]>();
  for (const { from, to } of graph.edges)
    prerequisites.set(to, [...(prerequisites.get(to) ?? []), from]);
  return graph.nodes.filter(
    (n) => !read[n.slug] && (prerequisites.get(n.slug) ?? []).every((p) => read[p]),
  );
}

export function enhanceProgress(): void {
  let progress = load();
  const words = document.querySelector<HTMLElement>("[data-progress-words]")?.dataset ?? {};

  const render = () => {
    const read = progress.read;
    // Ticks wherever an article is linked with its slug (sidebar, lists, cards).
    for (const link of document.querySelectorAll<HTMLElement>("[data-slug]:not(.graph-node)")) {
      const isRead = Boolean(read[link.dataset.slug!]);
      link.classList.toggle("is-read", isRead);
      let note = link.querySelector(":scope > .read-note");
      if (isRead && !note) {
        note = Object.assign(document.createElement("span"), {
          className: "read-note visually-hidden",
          textContent: ` (${words.readLabel ?? "read"})`,
        });
        link.append(note);
      } else if (!isRead) note?.remove();
    }
    for (const button of document.querySelectorAll<HTMLButtonElement>(".mark-read")) {
      const isRead = Boolean(read[button.dataset.slug!]);
      button.hidden = false;
      button.setAttribute("aria-pressed", String(isRead));
      button.querySelector(".mark-read-label")!.textContent = isRead
        ? (words.markedRead ?? "")
        : (words.markRead ?? "");
    }
    void renderCourseWide();
  };

  const renderCourseWide = async () => {
    const ready = document.querySelector<HTMLElement>(".ready-next");
    const graphNodes = document.querySelectorAll<SVGElement>(".course-graph .graph-node");
    const summary = document.querySelector<HTMLElement>(".progress-summary");
    if (!ready && graphNodes.length === 0 && !summary) return;
    if (!words.graphJson) return;
    const graph = await courseGraph(words.graphJson);
    const readyList = readyNext(graph, progress.read);
    const readySlugs = new Set(readyList.map((n) => n.slug));
    for (const node of graphNodes) {
      const slug = node.dataset.slug!;
      node.classList.toggle("is-read", Boolean(progress.read[slug]));
      node.classList.toggle("is-ready", readySlugs.has(slug));
      node.classList.toggle("is-locked", !progress.read[slug] && !readySlugs.has(slug));
    }
    for (const legend of document.querySelectorAll<HTMLElement>(".progress-legend"))
      legend.hidden = false;
    if (summary) {
      const done = graph.nodes.filter((n) => progress.read[n.slug]).length;
      summary.hidden = false;
      summary.querySelector(".progress-count")!.textContent = `${done} / ${graph.nodes.length}`;
      summary.querySelector<HTMLProgressElement>("progress")!.max = graph.nodes.length;
      summary.querySelector<HTMLProgressElement>("progress")!.value = done;
    }
    if (ready) {
      const list = ready.querySelector("ol")!;
      list.replaceChildren(
        ...readyList.slice(0, 6).map((node) => {
          const item = document.createElement("li");
          const link = Object.assign(document.createElement("a"), {
            href: node.url,
            textContent: node.title,
          });
          item.append(link, ` · ${node.readingMinutes} ${words.minutes ?? "min"}`);
          return item;
        }),
      );
      ready.hidden = false;
      ready.querySelector<HTMLElement>(".ready-empty")!.hidden = readyList.length > 0;
    }
  };

  const toggle = (slug: string) => {
    progress = load();
    if (progress.read[slug]) delete progress.read[slug];
    else progress.read[slug] = new Date().toISOString();
    save(progress);
    render();
  };

  for (const button of document.querySelectorAll<HTMLButtonElement>(".mark-read")) {
    button.addEventListener("click", () => toggle(button.dataset.slug!));
  }

  document.querySelector<HTMLButtonElement>(".progress-export")?.addEventListener("click", () => {
    const blob = new Blob([JSON.stringify(load(), null, 2)], { type: "application/json" });
    const link = Object.assign(document.createElement("a"), {
      href: URL.createObjectURL(blob),
      download: "course-progress.json",
    });
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(link.href);
  });

  const importInput = document.querySelector<HTMLInputElement>(".progress-import-file");
  const importStatus = document.querySelector<HTMLElement>(".progress-import-status");
  importInput?.addEventListener("change", () => void importFile());
  const importFile = async () => {
    const file = importInput?.files?.[0];
    if (!importInput || !file) return;
    try {
      const parsed = JSON.parse(await file.text()) as unknown;
      if (!isProgress(parsed)) throw new Error("not a progress file");
      progress = { version: 1, read: { ...load().read, ...parsed.read } };
      save(progress);
      render();
      if (importStatus) importStatus.textContent = words.importDone ?? "";
    } catch {
      if (importStatus) importStatus.textContent = words.importFailed ?? "";
    }
    importInput.value = "";
  };
  for (const tools of document.querySelectorAll<HTMLElement>(".progress-tools"))
    tools.hidden = false;

  // Another tab changed progress: show it here too.
  window.addEventListener("storage", (event) => {
    if (event.key !== STORAGE_KEY) return;
    progress = load();
    render();
  });
  render();
}
