/**
 * One walk of `content/` that decides, for every entry, what it is: a
 * Markdown source, a file published beside it (checked first when it is an
 * SVG image or an HTML page), or a problem with its location. Only what this
 * inventory lists is published (see publish/copy-content-files.ts), so that
 * whatever passes `npm run check` is exactly what the build writes.
 *
 * Names starting with `.` or `_` are never published (a warning lists
 * them), except Syllabus's own (`_block.json`), which are never published
 * silently. Symbolic links are followed while they stay inside content/: a
 * link elsewhere in the project would publish `_data/`, `_site/` or the
 * project itself (`content/up -> ..`).
 */
import { accessSync, constants, readdirSync, realpathSync, statSync } from "node:fs";
import type { Dirent } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../core/diagnostics.js";
import { isInside } from "../core/paths.js";
import { generatedUrlAt, SITE_PATHS } from "../core/urls.js";
import { fileKind } from "./content-file-kinds.js";
import {
  checkDocument,
  errorCode,
  unreadable as unreadableDiagnostic,
} from "./content-documents.js";
import { classify, type SourcePath } from "./find-sources.js";

/** A file beside the Markdown, checked, to be published as it is. */
export interface PublishedFile {
  /** Where it is published: `/topics/vectors/figure.svg`. */
  sitePath: string;
  /** From the project root, forward slashes (a symbolic link's own path). */
  path: string;
  /** The file itself, every symbolic link resolved: what is copied when `bytes` is absent. */
  absolutePath: string;
  /** An SVG's or HTML page's bytes as they were checked: what is published, not the file read again. */
  bytes?: Buffer;
}

export interface ContentInventory {
  /** Every Markdown source, sorted by path for stable output. */
  sources: SourcePath[];
  /** Every file to publish beside them, sorted by site path. */
  files: PublishedFile[];
  /** The course's own favicon (`_data/favicon.svg`), checked, when it has one. */
  favicon: string | undefined;
  diagnostics: Diagnostic[];
}

export interface InventoryOptions {
  /** Extensions published besides the built-in list (site.json's `publishedFileExtensions`). */
  extensions?: readonly string[];
  /** Origins HTML pages may embed iframes from (site.json's `embeds`). */
  embeds?: readonly string[];
}

/** Where a course may put its own favicon, which replaces Syllabus's. */
export const COURSE_FAVICON = "_data/favicon.svg";

const NOT_PUBLISHED_SHOWN = 10;

/** Syllabus's own names in content/: never published, and no warning says so. */
const OWN_NAMES = new Set(["_block.json"]);

/** Takes stock of `<root>/content/`: see the module's comment. */
export function contentInventory(root: string, options: InventoryOptions = {}): ContentInventory {
  const contentDir = path.join(root, "content");
  const diagnostics: Diagnostic[] = [];
  const sources: SourcePath[] = [];
  const files: PublishedFile[] = [];
  const hidden: string[] = [];
  const underscored: string[] = [];
  const error = (file: string, rule: string, message: string, hint?: string) =>
    diagnostics.push({
      file,
      line: 1,
      column: 1,
      severity: "error",
      rule,
      message,
      ...(hint === undefined ? {} : { hint }),
    });
  /** One warning listing the entries not published because of how their names start. */
  const notPublished = (entries: string[], start: string, hint: string) => {
    if (entries.length === 0) return;
    const shown = entries.slice(0, NOT_PUBLISHED_SHOWN).join(", ");
    const more = entries.length - NOT_PUBLISHED_SHOWN;
    diagnostics.push({
      file: entries[0]!.replace(/\/$/, ""),
      line: 1,
      column: 1,
      severity: "warning",
      rule: "not-published",
      message: `Not published, as their names start with "${start}": ${shown}${more > 0 ? ` and ${more} more` : ""}`,
      hint,
    });
  };
  const project = realPath(root);
  const contentReal = realPath(contentDir);

  /** What a symbolic link leads to, or undefined (with an error) when it may not be followed. */
  const follow = (absolute: string, shown: string) => {
    let real: string;
    try {
      real = realpathSync(absolute);
    } catch (cause) {
      const code = errorCode(cause);
      if (code === "ENOENT")
        error(
          shown,
          "content-symlink",
          `${shown} is a symbolic link to nothing: its target does not exist`,
        );
      else if (code === "ELOOP")
        error(shown, "content-symlink", `${shown} is a symbolic link in a loop`);
      else unreadable(shown, cause);
      return undefined;
    }
    if (!isInside(project, real)) {
      error(
        shown,
        "content-symlink",
        `${shown} is a symbolic link to ${real}, outside the project: it would publish a file from elsewhere`,
        "copy the file into the project instead",
      );
      return undefined;
    }
    const inProject = path.relative(project, real).split(path.sep).join("/") || ".";
    if (!isInside(contentReal, real)) {
      error(
        shown,
        "content-symlink",
        `${shown} is a symbolic link to ${inProject}, outside content/: only what is in content/ is published`,
        "move or copy the file into content/",
      );
      return undefined;
    }
    const inContent = path.relative(contentReal, real).split(path.sep);
    if (inContent.some((segment) => segment.startsWith("."))) {
      error(
        shown,
        "content-symlink",
        `${shown} is a symbolic link to ${inProject}, a hidden file: hidden files are never published`,
      );
      return undefined;
    }
    if (inContent.some((segment) => segment.startsWith("_"))) {
      error(
        shown,
        "content-symlink",
        `${shown} is a symbolic link to ${inProject}, whose name starts with "_": such files are never published`,
      );
      return undefined;
    }
    try {
      const stats = statSync(real);
      return { real, directory: stats.isDirectory(), file: stats.isFile() };
    } catch (cause) {
      unreadable(shown, cause);
      return undefined;
    }
  };

  const unreadable = (shown: string, cause: unknown) =>
    diagnostics.push(unreadableDiagnostic(shown, cause));

  /** `absolute`: the entry in content/; `real`: the file it is, every link resolved. */
  const addFile = (absolute: string, real: string, relative: string, shown: string) => {
    const kind = fileKind(path.posix.basename(relative), options.extensions);
    if (kind.kind === "markdown") {
      sources.push({ path: shown, absolutePath: absolute, origin: classify(relative) });
      return;
    }
    const sitePath = `/${relative}`;
    const generated = generatedUrlAt(sitePath);
    if (generated !== undefined) {
      const at = sitePath.toLowerCase();
      const what =
        generated === at
          ? ""
          : at === `${generated}index.html`
            ? `, the file of the page ${generated}`
            : generated.endsWith("/")
              ? `, inside ${generated}`
              : `, inside the file ${generated}`;
      error(
        shown,
        "generated-url",
        `${shown} would be published at ${sitePath}${what}, which Syllabus generates`,
        generated === SITE_PATHS.favicon
          ? `a course's own favicon is ${COURSE_FAVICON}`
          : "site-wide files are set by maintainers (in _data/ or _data/site.json), not by files in content/; rename or move this file",
      );
      return;
    }
    if (kind.kind === "refused") {
      error(shown, kind.rule, kind.message, kind.hint);
      return;
    }
    if (kind.kind === "svg" || kind.kind === "html") {
      const checked = checkDocument(real, shown, kind.kind, options.embeds ?? []);
      diagnostics.push(...checked.problems);
      if (checked.bytes)
        files.push({ sitePath, path: shown, absolutePath: real, bytes: checked.bytes });
      return;
    }
    try {
      accessSync(real, constants.R_OK);
    } catch (cause) {
      unreadable(shown, cause);
      return;
    }
    files.push({ sitePath, path: shown, absolutePath: real });
  };

  /** `ancestors`: the real paths of the folders being walked, to stop at a loop of links. */
  const walk = (dir: string, fromContent: string, ancestors: string[]) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (cause) {
      if (fromContent === "" && errorCode(cause) === "ENOENT") {
        error(
          "content/",
          "content-missing",
          "The project has no content/ folder: the course's pages are Markdown files there",
          "run Syllabus in the project's root folder (the one holding content/ and _data/)",
        );
        return;
      }
      unreadable(fromContent === "" ? "content/" : `content/${fromContent}/`, cause);
      return;
    }
    entries.sort((a, b) => compare(a.name, b.name));
    for (const entry of entries) {
      const relative = fromContent === "" ? entry.name : `${fromContent}/${entry.name}`;
      const shown = `content/${relative}`;
      const absolute = path.join(dir, entry.name);
      if (entry.name.startsWith(".")) {
        hidden.push(entry.isDirectory() ? `${shown}/` : shown);
        continue;
      }
      // Never published, never pages; said so unless it is one of Syllabus's own files.
      if (entry.name.startsWith("_")) {
        if (!OWN_NAMES.has(entry.name)) underscored.push(entry.isDirectory() ? `${shown}/` : shown);
        continue;
      }
      let real = path.join(ancestors.at(-1)!, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = follow(absolute, shown);
        if (!target) continue;
        ({ real, directory: isDirectory, file: isFile } = target);
      }
      if (isDirectory) {
        if (ancestors.includes(real))
          error(
            shown,
            "content-symlink",
            `${shown} is a symbolic link in a loop: it leads to a folder that holds it`,
          );
        else walk(absolute, relative, [...ancestors, real]);
      } else if (isFile) {
        addFile(absolute, real, relative, shown);
      } else {
        error(shown, "content-file-type", `${shown} is not a regular file`);
      }
    }
  };
  if (!isInside(project, contentReal)) {
    error(
      "content",
      "content-symlink",
      `content/ is a symbolic link to ${contentReal}, outside the project: it would publish files from elsewhere`,
      "keep the course's content inside the project",
    );
  } else {
    walk(contentDir, "", [contentReal]);
  }

  notPublished(
    hidden,
    ".",
    "hidden files and folders are never published, and Markdown in them is not a page",
  );
  notPublished(
    underscored,
    "_",
    `names starting with "_" are kept for Syllabus's own files (${[...OWN_NAMES].join(", ")}): rename the file or folder to publish it`,
  );

  const favicon = courseFavicon(root, diagnostics);
  return {
    sources: sources.sort((a, b) => compare(a.path, b.path)),
    files: files.sort((a, b) => compare(a.sitePath, b.sitePath)),
    favicon,
    diagnostics,
  };
}

/** `_data/favicon.svg`, when the course has one and it passes the SVG check. */
function courseFavicon(root: string, diagnostics: Diagnostic[]): string | undefined {
  const absolute = path.join(root, COURSE_FAVICON);
  try {
    if (!statSync(absolute).isFile()) return undefined;
  } catch {
    return undefined;
  }
  const { problems } = checkDocument(absolute, COURSE_FAVICON, "svg", []);
  diagnostics.push(...problems);
  return problems.length === 0 ? absolute : undefined;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A path with every symbolic link resolved, or as it is when it cannot be (it does not exist). */
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}
