/**
 * The full-text search index, built with Pagefind's Node API from the
 * course's pages (see search-documents.ts). The documents are written to a
 * scratch folder that Pagefind reads with all its threads, in its own
 * process, so the build renders pages meanwhile.
 *
 * The scratch folder sits beside the output (output-folders.ts), not in the
 * system's temporary folder, so that the next build removes it if this one
 * is killed. The index files are written by us, not by Pagefind: Pagefind
 * panics with a Rust backtrace when it cannot write (an unwritable or full
 * output folder), while our own writes fail with the path and the errno
 * code, which the command reports in one line.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { outputFolders } from "./output-folders.js";
import type { SearchDocument } from "./search-documents.js";
import { writeSiteFile } from "./write-file.js";

export interface SearchIndexResult {
  pages: number;
  errors: string[];
}

/**
 * Indexes the documents into `<siteDir>/pagefind/`, through a scratch folder
 * (by default the one beside `siteDir`; the build, whose site is staged,
 * passes the one beside its output).
 */
export async function buildSearchIndex(
  siteDir: string,
  documents: Iterable<SearchDocument>,
  scratch = outputFolders(siteDir).search,
): Promise<SearchIndexResult> {
  rmSync(scratch, { recursive: true, force: true });
  try {
    for (const document of documents) {
      // Pagefind takes each page's URL from its path: /topics/x/ ← topics/x/index.html.
      writeSiteFile(
        path.join(scratch, ...document.url.split("/").filter(Boolean), "index.html"),
        document.html,
      );
    }
    const { index, errors } = await pagefind.createIndex({});
    if (!index) return { pages: 0, errors };
    try {
      const added = await index.addDirectory({ path: scratch });
      const bundle = await index.getFiles();
      writeBundle(path.join(siteDir, "pagefind"), bundle.files);
      return { pages: added.page_count, errors: [...errors, ...added.errors, ...bundle.errors] };
    } finally {
      await index.deleteIndex();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function writeBundle(dir: string, files: readonly { path: string; content: Uint8Array }[]): void {
  for (const file of files) writeSiteFile(path.join(dir, file.path), file.content);
}

/**
 * Shuts Pagefind's service down, so that the process can exit. Its work is
 * synchronous (the promise only reports it), so that a build stopped by a
 * signal can call it on the way out: the service is killed before our end of
 * its pipes closes, instead of panicking (onto our stderr) when it next writes.
 */
export function closeSearchIndexer(): Promise<void> {
  return pagefind.close().then(() => undefined);
}
