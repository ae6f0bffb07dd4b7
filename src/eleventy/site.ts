/**
 * The one way Syllabus runs Eleventy, for the build and the dev server alike:
 * the path prefix is decided once here and reaches Eleventy and the course's
 * views together; the plugin is given a course session whose policy is the
 * run's (see course-session.ts).
 *
 * The build loads and checks the whole course first; only when it has no
 * errors does Eleventy render it, into a staging folder, while Pagefind
 * indexes it; the output folder is replaced only once everything succeeded.
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { hasErrors, type Diagnostic } from "../core/diagnostics.js";
import { timedAsync } from "../core/phases.js";
import { loadCourse } from "../course/load-course.js";
import { resolvePathPrefix } from "../course/path-prefix.js";
import { searchDocuments } from "../publish/search-documents.js";
import { buildSearchIndex, closeSearchIndexer } from "../publish/search-index.js";
import { devSession, loadedSession, type CourseSession } from "./course-session.js";
import { syllabus, type EleventyConfig } from "./plugin.js";

function eleventy(
  root: string,
  outDir: string,
  pathPrefix: string,
  runMode: "build" | "serve" | "watch",
  session: CourseSession,
  onBuilt?: () => void,
): Eleventy {
  return new Eleventy(path.relative(process.cwd(), path.join(root, "content")) || ".", outDir, {
    configPath: false,
    quietMode: runMode === "build",
    runMode,
    pathPrefix,
    config: (config: EleventyConfig) =>
      syllabus(config, { root, session, ...(onBuilt ? { onBuilt } : {}) }),
  });
}

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
  const pathPrefix = resolvePathPrefix(root, options.pathPrefix);
  const { course, diagnostics } = loadCourse({
    root,
    includeDrafts: options.includeDrafts ?? false,
    pathPrefix,
  });
  if (hasErrors(diagnostics)) return { ok: false, diagnostics, outDir, pageCount: 0 };

  const staging = `${outDir}.staging`;
  rmSync(staging, { recursive: true, force: true });
  const site = eleventy(root, staging, pathPrefix, "build", loadedSession(course));
  let written: [unknown[], { url?: string }[]];
  try {
    // Pagefind indexes in its own process while Eleventy renders.
    const search = timedAsync("search", () => buildSearchIndex(staging, searchDocuments(course)));
    written = (await timedAsync("eleventy", () => site.write())) as [unknown[], { url?: string }[]];
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

export interface DevServerOptions {
  root: string;
  /** Output folder (default `<root>/_site`). */
  outDir?: string;
  /** As for the build: given, else PATH_PREFIX, else site.json. */
  pathPrefix?: string;
  /** Serve on this port (default Eleventy's, 8080); `false` only watches and rebuilds (the benchmark). */
  port?: number | false;
  /** Where the problems of each load are printed (default stderr). */
  report?: (text: string) => void;
  /** Called when a build (the first, and each rebuild) has written everything. */
  onBuilt?: () => void;
}

export interface DevServer {
  eleventy: Eleventy;
  pathPrefix: string;
  close(): Promise<void>;
}

/** `npm start`: the course built with drafts, rebuilt on every change, its errors shown in every page. */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const root = path.resolve(options.root);
  const outDir = path.resolve(options.outDir ?? path.join(root, "_site"));
  const pathPrefix = resolvePathPrefix(root, options.pathPrefix);
  const session = devSession({
    root,
    pathPrefix,
    ...(options.report ? { report: options.report } : {}),
  });
  const site = eleventy(
    root,
    outDir,
    pathPrefix,
    options.port === false ? "watch" : "serve",
    session,
    options.onBuilt,
  );
  await site.init();
  await site.watch();
  if (options.port !== false) await site.serve(options.port);
  return { eleventy: site, pathPrefix, close: () => site.stopWatch() };
}

/**
 * The configuration for Eleventy run on `.eleventy.ts` itself: with `--serve`
 * or `--watch`, the dev server as `npm start` runs it; a plain build stops, as
 * only `npm run build` checks the course first and never leaves a half-written
 * site.
 */
export function directConfig(root: string): (config: EleventyConfig) => { pathPrefix: string } {
  return (config) => {
    if (process.env.ELEVENTY_RUN_MODE === "build") {
      process.stderr.write(
        "Syllabus: build the site with `npm run build`, which checks the whole course first and replaces _site/ only when it succeeds.\n" +
          "Eleventy on .eleventy.ts runs the dev server: `npm start` (or eleventy --serve).\n",
      );
      process.exit(1);
    }
    const pathPrefix = resolvePathPrefix(root, undefined);
    syllabus(config, { root, session: devSession({ root, pathPrefix }) });
    return { pathPrefix };
  };
}
