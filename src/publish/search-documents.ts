/**
 * What the search index reads of each page: its title, block and difficulty
 * (as filters and metadata) and its body, straight from memory rather than
 * from the written pages, without the layout around it and with each formula
 * once, as its TeX source, instead of KaTeX's two renderings.
 */
import type { Course } from "../course/course.js";
import { escapeHtml } from "../core/html.js";

export interface SearchDocument {
  /** Site path, without the path prefix (the search page adds it). */
  url: string;
  html: string;
}

/** One at a time, so that they need not all be in memory at once. */
export function* searchDocuments(course: Course): Generator<SearchDocument> {
  const { ui } = course.options;
  for (const a of course.articles) {
    const block = course.graph.node(a.slug)?.blockTitle ?? "";
    const difficulty = a.difficulty ? ui[a.difficulty] : "";
    // Filters sit outside the indexed body, so that they are not read as text.
    const filters =
      `<span data-pagefind-filter="block" data-pagefind-meta="block">${escapeHtml(block)}</span>` +
      (difficulty
        ? `<span data-pagefind-filter="difficulty" data-pagefind-meta="difficulty">${escapeHtml(difficulty)}</span>`
        : "");
    yield {
      url: a.url,
      html: document(
        course.options.lang,
        a.title,
        `<p>${escapeHtml(a.description)}</p>${forSearch(a.html)}${forSearch(a.referencesHtml)}`,
        filters,
      ),
    };
  }
  for (const p of course.pages)
    yield { url: p.url, html: document(course.options.lang, p.title, forSearch(p.html), "") };
}

function document(lang: string, title: string, bodyHtml: string, filtersHtml: string): string {
  // The language picks Pagefind's stemming and word splitting.
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><title>${escapeHtml(title)}</title></head><body>${filtersHtml}<main data-pagefind-body><h1 data-pagefind-meta="title">${escapeHtml(title)}</h1>${bodyHtml}</main></body></html>`;
}

/** The body without what search should not read twice: KaTeX's visual rendering, preview cards, back-links. */
export function forSearch(html: string): string {
  let out = removeElements(html, '<span class="katex-html"');
  out = removeElements(out, '<span class="cite-card"');
  out = removeElements(out, '<span class="term-card"');
  out = removeElements(out, '<span class="backlinks"');
  return out.replace(/<annotation encoding="application\/x-tex">[\s\S]*?<\/annotation>/g, "");
}

/** Removes every `<span …>…</span>` that starts with `opening`, counting nested spans. */
function removeElements(html: string, opening: string): string {
  let out = "";
  let from = 0;
  for (let start = html.indexOf(opening); start >= 0; start = html.indexOf(opening, from)) {
    out += html.slice(from, start);
    let depth = 0;
    let i = start;
    const tag = /<(\/?)span\b[^>]*>/g;
    tag.lastIndex = start;
    for (let m = tag.exec(html); m; m = tag.exec(html)) {
      depth += m[1] ? -1 : 1;
      i = m.index + m[0].length;
      if (depth === 0) break;
    }
    from = i;
  }
  return out + html.slice(from);
}
