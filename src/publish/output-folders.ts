/**
 * The folders a build keeps beside its output, named here once. They sit
 * beside it (not in the system's temporary folder) so that one rename swaps
 * a finished site in, and so that the next build finds and removes whatever
 * a killed build left behind.
 */
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { displayPath, Fault } from "../core/faults.js";
import { isInside } from "../core/paths.js";

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

/** The project's own folders, which a build reads and must never replace. */
const PROJECT_FOLDERS = ["content", "_data", "_includes"] as const;

/**
 * Throws a Fault when `output` would take the project with it: a build
 * renames its output folder aside and removes it, and the dev server writes
 * into it, so it may not be the project root or hold it, nor be (or be in)
 * `content/`, `_data/` or `_includes/`. Links are followed: `_site` may be a
 * link to anywhere else.
 */
export function refuseProjectOutput(root: string, output: string): void {
  const out = realPath(output);
  const holdsProject = isInside(out, realPath(root));
  const folder = holdsProject
    ? undefined
    : PROJECT_FOLDERS.find((name) => isInside(realPath(path.join(root, name)), out));
  if (!holdsProject && folder === undefined) return;
  const what =
    folder === undefined
      ? `it holds the project ${displayPath(root)}/`
      : `it is the project's ${folder}/ or in it`;
  throw new Fault(
    `cannot build into ${displayPath(output)}/: ${what}, and a build replaces and removes its output folder; build into a folder of its own, such as _site/`,
  );
}

/** The path with every link resolved, as far as it exists (the rest need not, yet). */
function realPath(file: string): string {
  const absolute = path.resolve(file);
  if (existsSync(absolute)) return realpathSync.native(absolute);
  const parent = path.dirname(absolute);
  return parent === absolute ? absolute : path.join(realPath(parent), path.basename(absolute));
}
