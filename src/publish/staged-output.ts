/**
 * Replacing the output folder so that no failure destroys it. A build writes
 * the new site into `<output>.staging`; only once everything is written does
 * it rename the output aside, the staging folder into place, and remove the
 * old one. A failure at any step leaves the previous site in place and the
 * next build working:
 *
 * - before rendering, the leftovers of a killed build are cleared (a build
 *   killed between the two renames leaves the previous site only in
 *   `<output>.previous`: it is put back), and the output is checked to be
 *   replaceable, so that a read-only or immutable `_site/` fails before
 *   anything is written;
 * - a failed rename mid-swap puts the previous site back.
 *
 * The caller holds the output's lock (output-lock.ts) throughout.
 */
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
} from "node:fs";
import path from "node:path";
import { displayPath } from "../core/faults.js";
import type { OutputFolders } from "./output-folders.js";

/**
 * What a killed build or dev server left: a site stranded in `.previous` is
 * put back; staging and scratch folders are removed.
 */
export function clearLeftovers(folders: OutputFolders, note: (line: string) => void): void {
  if (!existsSync(folders.output) && existsSync(folders.previous)) {
    renameSync(folders.previous, folders.output);
    note(
      `note: a build stopped while replacing ${displayPath(folders.output)}/; its previous site is back in place.`,
    );
  }
  for (const leftover of [folders.staging, folders.previous, folders.search])
    rmSync(leftover, { recursive: true, force: true });
}

/**
 * Clears leftovers, checks the output can be replaced, and creates an empty
 * staging folder. Throws the file-system error (with its path) if any of it
 * cannot be done; nothing has been replaced then.
 */
export function prepareStaging(folders: OutputFolders, note: (line: string) => void): void {
  clearLeftovers(folders, note);
  if (existsSync(folders.output)) {
    // The swap renames the output and later removes it: try the rename now
    // (an immutable folder or a mount point refuses it), and check that
    // every folder in it is writable (or its files cannot be removed).
    renameSync(folders.output, folders.previous);
    renameSync(folders.previous, folders.output);
    checkWritableFolders(folders.output);
  }
  mkdirSync(folders.staging);
}

/** Throws an EACCES, EPERM or EROFS error naming the first folder that cannot be written. */
function checkWritableFolders(dir: string): void {
  accessSync(dir, constants.W_OK);
  for (const entry of readdirSync(dir, { withFileTypes: true }))
    if (entry.isDirectory()) checkWritableFolders(path.join(dir, entry.name));
}

/** Removes the staging and scratch folders of a build that failed or was stopped. */
export function discardStaging(folders: OutputFolders): void {
  rmSync(folders.staging, { recursive: true, force: true });
  rmSync(folders.search, { recursive: true, force: true });
}

/**
 * Puts the staged site in place of the output. Returns the error met while
 * removing the previous site (the new one is in place then; the next build
 * removes it, or says why it cannot).
 */
export function swapIntoPlace(folders: OutputFolders): unknown {
  const hadOutput = existsSync(folders.output);
  if (hadOutput) renameSync(folders.output, folders.previous);
  try {
    renameSync(folders.staging, folders.output);
  } catch (error) {
    if (hadOutput) renameSync(folders.previous, folders.output);
    throw error;
  }
  try {
    rmSync(folders.previous, { recursive: true, force: true });
    return undefined;
  } catch (error) {
    return error;
  }
}
