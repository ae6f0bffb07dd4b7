/**
 * The production build: load and check the whole course first; only when it
 * has no errors, render it with Eleventy into a staging folder, and replace
 * the output folder only once everything has succeeded.
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { loadCourse } from "../course/load-course.js";
import { hasErrors, type Diagnostic } from "../core/diagnostics.js";
import { syllabus, type EleventyConfig } from "./plugin.js";
import { timedAsync } from "../core/phases.js";
import { buildSearchIndex, closeSearchIndexer } from "../publish/search-index.js";
import { searchDocuments } from "../publish/search-documents.js";
import { normalizePathPrefix } from "../core/urls.js";

export interface BuildOptions {
  /** Project root: holds `content/` and `_data/`. */
  root: string;
  /** Output folder (default `<root>/_site`). */
  outDir?: string;
  includeDrafts?: boolean;
  /** Serve the site under this path (`/course/`); else PATH_PREFIX, else `pathPrefix` in site.json. */
  pathPrefix?: string;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  outDir: string;
  /** Files Eleventy wrote. */
  pageCount: number;
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const root = path.resolve(options.root);
  const outDir = path.resolve(options.outDir ?? path.join(root, "_site"));
  const { course, diagnostics } = loadCourse({
    root,
    includeDrafts: options.includeDrafts ?? false,
  });
  if (hasErrors(diagnostics)) return { ok: false, diagnostics, outDir, pageCount: 0 };
  const pathPrefix = normalizePathPrefix(
    options.pathPrefix ?? process.env.PATH_PREFIX ?? course.options.pathPrefix,
  );
  course.options.pathPrefix = pathPrefix;

  const staging = `${outDir}.staging`;
  rmSync(staging, { recursive: true, force: true });
  const eleventy = new Eleventy(
    path.relative(process.cwd(), path.join(root, "content")) || ".",
    staging,
    {
      configPath: false,
      quietMode: true,
      pathPrefix,
      config: (config: EleventyConfig) => syllabus(config, { root, course }),
    },
  );
  let written: [unknown[], { url?: string }[]];
  try {
    // Pagefind indexes in its own process while Eleventy renders.
    const search = timedAsync("search", () => buildSearchIndex(staging, searchDocuments(course)));
    written = (await timedAsync("eleventy", () => eleventy.write())) as [
      unknown[],
      { url?: string }[],
    ];
    const indexed = await timedAsync("searchWait", () => search);
    diagnostics.push(
      ...indexed.errors.map((message) => ({
        file: "_site/pagefind",
        line: 1,
        column: 1,
        severity: "warning" as const,
        rule: "search-index",
        message,
      })),
    );
  } catch (error) {
    // Not an author's mistake (those were reported above): leave no half-written site behind.
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    await closeSearchIndexer();
  }

  const previous = `${outDir}.previous`;
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
  return { ok: true, diagnostics, outDir, pageCount: written[1]?.length ?? 0 };
}
