/**
 * Writing one file of the site, its folder created first. Node names the file
 * in an error from `open` but not in one from `write` (a full disk fails
 * there): the path is added, so that the fault report says which file.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export function writeSiteFile(file: string, data: string | Uint8Array): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, data);
  } catch (error) {
    const errno = error as NodeJS.ErrnoException;
    if (typeof errno === "object" && errno !== null && errno.path === undefined) errno.path = file;
    throw error;
  }
}
