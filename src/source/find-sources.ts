/**
 * What a Markdown source in `content/` is: an article or another page. The
 * sources themselves are found by the walk of content/ (content-inventory.ts).
 */

export type SourceKind = { kind: "article"; slug: string } | { kind: "page"; url: string };

export interface SourcePath {
  /** From the project root, forward slashes. */
  path: string;
  absolutePath: string;
  origin: SourceKind;
}

/** `topics/<slug>.md` and `topics/<slug>/index.md` are articles; anything else is a page. */
export function classify(fromContent: string): SourceKind {
  const article = /^topics\/([^/]+)(?:\.md|\/index\.md)$/.exec(fromContent);
  if (article) return { kind: "article", slug: article[1]! };
  const withoutExt = fromContent.replace(/\.md$/, "");
  const dir = withoutExt === "index" ? "" : withoutExt.replace(/\/index$/, "");
  return { kind: "page", url: dir === "" ? "/" : `/${dir}/` };
}
