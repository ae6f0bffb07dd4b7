/**
 * The search page, on Pagefind's JavaScript API. The index lives beside our
 * scripts (`<site>/pagefind/`), so both are found under any path prefix.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results?: { title: string; url: string; excerpt: string }[];
}

interface Pagefind {
  options(options: { baseUrl?: string }): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(
    query: string | null,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const siteRoot = new URL("../", import.meta.url);

async function loadPagefind(): Promise<Pagefind> {
  const pagefind = (await import(
    /* @vite-ignore */ new URL("pagefind/pagefind.js", siteRoot).href
  )) as Pagefind;
  await pagefind.options({ baseUrl: siteRoot.pathname });
  return pagefind;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Pagefind's excerpts are text with <mark> around matches; keep only that markup. */
function setExcerpt(node: HTMLElement, excerpt: string): void {
  const template = document.createElement("template");
  template.innerHTML = excerpt;
  for (const part of [...template.content.childNodes]) {
    if (part.nodeType === Node.TEXT_NODE) node.append(part.textContent ?? "");
    else if (part instanceof HTMLElement && part.tagName === "MARK")
      node.append(element("mark", undefined, part.textContent ?? ""));
    else node.append(part.textContent ?? "");
  }
}

export function enhanceSearch(): void {
  const form = document.querySelector<HTMLFormElement>(".search-form");
  const results = document.querySelector<HTMLOListElement>(".search-results");
  const status = document.querySelector<HTMLElement>(".search-status");
  if (!form || !results || !status) return;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const selects = [...form.querySelectorAll<HTMLSelectElement>("select[data-filter]")];
  const words = form.closest<HTMLElement>(".search")?.dataset ?? {};
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";

  let pagefind: Promise<Pagefind> | undefined;
  let generation = 0;

  const run = async () => {
    const query = input.value.trim();
    const filters: Record<string, string> = {};
    for (const select of selects) if (select.value) filters[select.dataset.filter!] = select.value;
    const url = new URL(location.href);
    url.searchParams.set("q", query);
    for (const select of selects) {
      if (select.value) url.searchParams.set(select.name, select.value);
      else url.searchParams.delete(select.name);
    }
    history.replaceState(null, "", url);
    const current = ++generation;
    if (!query && Object.keys(filters).length === 0) {
      results.replaceChildren();
      status.textContent = "";
      return;
    }
    status.textContent = words.searchLoading ?? "";
    pagefind ??= loadPagefind();
    const api = await pagefind;
    const search = await api.search(query || null, { filters });
    const data = await Promise.all(search.results.slice(0, 30).map((r) => r.data()));
    if (current !== generation) return;
    const count = search.results.length;
    status.textContent =
      count === 0
        ? `${words.searchNoResults ?? ""} “${query}”`
        : `${count} ${(count === 1 ? words.searchResult : words.searchResults) ?? ""} “${query}”`;
    results.replaceChildren(...data.map(renderResult));
  };

  const renderResult = (result: PagefindResultData) => {
    const item = element("li", "search-result");
    const heading = element("h2", "search-result-title");
    const link = element("a", undefined, result.meta.title ?? result.url);
    link.href = result.url;
    heading.append(link);
    const meta = element(
      "p",
      "search-result-meta",
      [result.meta.block, result.meta.difficulty].filter(Boolean).join(" · "),
    );
    const excerpt = element("p", "search-result-excerpt");
    setExcerpt(excerpt, result.excerpt);
    item.append(heading, meta, excerpt);
    const subs = (result.sub_results ?? []).filter((s) => s.url !== result.url).slice(0, 3);
    if (subs.length > 0) {
      const list = element("ul", "search-subresults");
      for (const sub of subs) {
        const li = element("li");
        const a = element("a", undefined, sub.title);
        a.href = sub.url;
        const text = element("p", "search-result-excerpt");
        setExcerpt(text, sub.excerpt);
        li.append(a, text);
        list.append(li);
      }
      item.append(list);
    }
    return item;
  };

  const fillFilters = async () => {
    pagefind ??= loadPagefind();
    const available = await (await pagefind).filters();
    for (const select of selects) {
      const values = Object.keys(available[select.dataset.filter!] ?? {}).sort();
      for (const value of values) {
        const option = element("option", undefined, value);
        option.value = value;
        select.append(option);
      }
      select.value = params.get(select.name) ?? "";
    }
    form.querySelector<HTMLElement>(".search-filters")!.hidden = false;
  };

  let timer: number | undefined;
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), 200);
  });
  for (const select of selects) select.addEventListener("change", () => void run());
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run();
  });
  void fillFilters().then(run);
}
