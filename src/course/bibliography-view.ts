/** The course bibliography: every work cited anywhere, with the pages citing it. */
import type { Article, Course, Page } from "./course.js";
import type { Bibliography } from "../citations/bibliography.js";
import type { CitationFormatter } from "../citations/formatter.js";

/** Every work cited anywhere, with the pages citing it, for the course bibliography page. */
export function bibliographyView(
  articles: (Article | Page)[],
  bibliography: Bibliography,
  formatter: CitationFormatter | undefined,
): Course["bibliography"] {
  if (!formatter) return [];
  const citing = new Map<string, (Article | Page)[]>();
  for (const article of articles) {
    for (const id of article.citedIds) citing.set(id, [...(citing.get(id) ?? []), article]);
  }
  return [...citing.keys()]
    .sort((a, b) => sortKey(bibliography, a).localeCompare(sortKey(bibliography, b)))
    .map((id) => ({
      id,
      entryHtml: formatter.entry(id),
      link: bibliography.works.get(id)?.link,
      citedBy: citing.get(id)!.map((a) => ({ url: a.url, title: a.title })),
    }));
}

/** Alphabetical by first author's family name, then year, then title. */
function sortKey(bibliography: Bibliography, id: string): string {
  const item = bibliography.works.get(id)?.item;
  const author = item?.author?.[0];
  const year = String(item?.issued?.["date-parts"]?.[0]?.[0] ?? "");
  return `${author?.family ?? author?.literal ?? item?.title ?? id}\u0000${year}\u0000${item?.title ?? ""}`.toLowerCase();
}
