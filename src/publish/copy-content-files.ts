/**
 * Publishes the checked files beside the Markdown (the course's inventory of
 * content/) into the output folder, and nothing else: each is written with its
 * content, never as a link, to its own site path. An SVG image or HTML page is
 * written from the bytes that were checked, never read again; any other file
 * is copied from the file itself, its links resolved by the inventory.
 * Eleventy's passthrough copy is not used, as it copies by glob whatever is
 * there, and its dev server serves passthrough files straight from content/.
 *
 * One copier lives as long as a run: in the dev server it copies only what
 * changed since the last build and removes what is no longer published (a
 * file deleted, or edited so that it fails its check).
 */
import { createHash } from "node:crypto";
import {
  constants,
  copyFileSync,
  lstatSync,
  mkdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import type { Stats } from "node:fs";
import path from "node:path";

export interface FileToCopy {
  /** Where it is published: `/topics/x/figure.svg`. */
  sitePath: string;
  absolutePath: string;
  /** The bytes to publish, when they were checked: then `absolutePath` is not read. */
  bytes?: Uint8Array;
}

interface Copy {
  /** What was published: the source's size and modification time, or a digest of the checked bytes. */
  version: string;
  /** The output file as written, so that only our own copy is ever replaced or removed. */
  written: string;
}

export class ContentFileCopier {
  /** Output file → what was copied there. */
  private copied = new Map<string, Copy>();

  /** Copies `files` into `outDir`; returns how many were written (unchanged ones are not). */
  publish(outDir: string, files: readonly FileToCopy[]): number {
    const previous = this.copied;
    this.copied = new Map();
    let written = 0;
    for (const file of files) {
      const target = path.join(outDir, ...file.sitePath.split("/").filter(Boolean));
      const version =
        file.bytes === undefined
          ? `${file.absolutePath}:${sourceVersion(file.absolutePath)}`
          : `sha256:${createHash("sha256").update(file.bytes).digest("hex")}`;
      const before = previous.get(target);
      const ours = before !== undefined && before.written === outputVersion(target);
      if (ours && before.version === version) {
        this.copied.set(target, before);
        continue;
      }
      mkdirSync(path.dirname(target), { recursive: true });
      clearTarget(target);
      // Exclusive: should anything appear at the target meanwhile, fail rather than write through it.
      if (file.bytes === undefined)
        copyFileSync(file.absolutePath, target, constants.COPYFILE_EXCL);
      else writeFileSync(target, file.bytes, { flag: "wx" });
      this.copied.set(target, { version, written: outputVersion(target)! });
      written++;
    }
    for (const [target, copy] of previous) {
      // A path no longer published: removed only if it still holds our copy (a page may be written there now).
      if (!this.copied.has(target) && copy.written === outputVersion(target)) unlinkSync(target);
    }
    return written;
  }
}

/**
 * Removes what an earlier run left at `target` (the dev server writes into the last
 * site): a file, or a link, which copying onto would write through. A folder cannot
 * be there: the course claims every published path once, and none inside another
 * (course/load-course.ts), away from what Syllabus generates (core/urls.ts).
 */
function clearTarget(target: string): void {
  let stats: Stats;
  try {
    stats = lstatSync(target);
  } catch {
    return;
  }
  if (stats.isDirectory())
    throw new Error(
      `Cannot publish ${target}: a folder is there (remove the output folder and build again)`,
    );
  unlinkSync(target);
}

function sourceVersion(file: string): string {
  const stats = statSync(file);
  return `${stats.size}:${stats.mtimeMs}`;
}

/** A regular file's identity and version at `file`, or undefined when there is none. */
function outputVersion(file: string): string | undefined {
  let stats: Stats;
  try {
    stats = lstatSync(file);
  } catch {
    return undefined;
  }
  return stats.isFile() ? `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}` : undefined;
}
