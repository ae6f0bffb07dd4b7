/**
 * The folders a build keeps beside its output, named here once. They sit
 * beside it (not in the system's temporary folder) so that one rename swaps
 * a finished site in, and so that the next build finds and removes whatever
 * a killed build left behind.
 */

export interface OutputFolders {
  /** The published site: `_site`. */
  output: string;
  /** Where a build writes the new site before it replaces the output. */
  staging: string;
  /** The replaced site, for the moment between the two renames of a swap. */
  previous: string;
  /** The search index's scratch copy of the pages (see search-index.ts). */
  search: string;
  /** Held by the one build or dev server writing the output (see output-lock.ts). */
  lock: string;
}

export function outputFolders(output: string): OutputFolders {
  return {
    output,
    staging: `${output}.staging`,
    previous: `${output}.previous`,
    search: `${output}.search`,
    lock: `${output}.lock`,
  };
}
