/**
 * The full-text search index, built with Pagefind's Node API over the written
 * site. Articles mark their body (`data-pagefind-body`), their block and
 * difficulty as filters; previews and repeated navigation are left out.
 */
import path from "node:path";
import * as pagefind from "pagefind";

export interface SearchIndexResult {
  pages: number;
  errors: string[];
}

export async function buildSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  const { index, errors } = await pagefind.createIndex({
    // KaTeX prints each formula twice (HTML for the eye, MathML for assistive
    // technology, with the TeX source); index the MathML only. Preview cards repeat the reference list.
    excludeSelectors: [".katex-html", "annotation", ".cite-card", ".backlinks"],
  });
  if (!index) return { pages: 0, errors };
  try {
    const added = await index.addDirectory({ path: siteDir });
    const written = await index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
    return { pages: added.page_count, errors: [...errors, ...added.errors, ...written.errors] };
  } finally {
    await index.deleteIndex();
  }
}

/** Shuts Pagefind's service down, so that the process can exit. */
export async function closeSearchIndexer(): Promise<void> {
  await pagefind.close();
}
