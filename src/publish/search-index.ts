/**
 * The full-text search index, built with Pagefind's Node API from the
 * course's pages (see search-documents.ts). The documents are written to a
 * scratch folder that Pagefind reads with all its threads, in its own
 * process, so the build renders pages meanwhile.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as pagefind from "pagefind";
import type { SearchDocument } from "./search-documents.js";

export interface SearchIndexResult {
  pages: number;
  errors: string[];
}

export async function buildSearchIndex(
  siteDir: string,
  documents: Iterable<SearchDocument>,
): Promise<SearchIndexResult> {
  const scratch = mkdtempSync(path.join(tmpdir(), "syllabus-search-"));
  try {
    for (const document of documents) {
      // Pagefind takes each page's URL from its path: /topics/x/ ← topics/x/index.html.
      const file = path.join(scratch, ...document.url.split("/").filter(Boolean), "index.html");
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, document.html);
    }
    const { index, errors } = await pagefind.createIndex({});
    if (!index) return { pages: 0, errors };
    try {
      const added = await index.addDirectory({ path: scratch });
      const written = await index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
      return { pages: added.page_count, errors: [...errors, ...added.errors, ...written.errors] };
    } finally {
      await index.deleteIndex();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Shuts Pagefind's service down, so that the process can exit. */
export async function closeSearchIndexer(): Promise<void> {
  await pagefind.close();
}
