/**
 * Publishes the checked files beside the Markdown (the course's inventory of
 * content/) into the output folder, and nothing else: each is copied with its
 * content, never as a link, to its own site path. Eleventy's passthrough copy
 * is not used, as it copies by glob whatever is there, and its dev server
 * serves passthrough files straight from content/.
 *
 * One copier lives as long as a run: in the dev server it copies only what
 * changed since the last build and removes what is no longer published (a
 * file deleted, or edited so that it fails its check).
 */
import { constants, copyFileSync, lstatSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

export interface FileToCopy {
  /** Where it is published: `/topics/x/figure.svg`. */
  sitePath: string;
  absolutePath: string;
}

export class ContentFileCopier {
  /** Output file → the source's size and modification time when it was copied. */
  private copied = new Map<string, string>();

  /** Copies `files` into `outDir`; returns how many were written (unchanged ones are not). */
  publish(outDir: string, files: readonly FileToCopy[]): number {
    const previous = this.copied;
    this.copied = new Map();
    let written = 0;
    for (const file of files) {
      const target = path.join(outDir, ...file.sitePath.split("/").filter(Boolean));
      const stats = statSync(file.absolutePath);
      const version = `${file.absolutePath}:${stats.size}:${stats.mtimeMs}`;
      this.copied.set(target, version);
      if (previous.get(target) === version && existsAsFile(target)) continue;
      mkdirSync(path.dirname(target), { recursive: true });
      // Whatever is at the target goes first: were it a link, copying onto it would write through it.
      rmSync(target, { force: true });
      copyFileSync(file.absolutePath, target, constants.COPYFILE_EXCL);
      written++;
    }
    for (const target of previous.keys()) {
      if (!this.copied.has(target)) rmSync(target, { force: true });
    }
    return written;
  }
}

function existsAsFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}
