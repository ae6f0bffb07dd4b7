/**
 * The one way Syllabus runs Eleventy, for the build and the dev server alike:
 * the path prefix is decided once here and reaches Eleventy and the course's
 * views together; the plugin is given a course session whose policy is the
 * run's (see course-session.ts).
 *
 * The build takes the output's lock (one writer per output folder), loads and
 * checks the whole course; only when it has no errors does Eleventy render
 * it, into a staging folder, while Pagefind indexes it; the output folder is
 * replaced only once everything succeeded, so that no failure, signal or
 * second build destroys the previous site (see publish/staged-output.ts).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { hasErrors, oneLine, type Diagnostic } from "../core/diagnostics.js";
import { describeFault, Fault, faultLine } from "../core/faults.js";
import { timedAsync } from "../core/phases.js";
import { loadCourse } from "../course/load-course.js";
import { resolvePathPrefix } from "../course/path-prefix.js";
import { onInterrupt } from "../publish/on-interrupt.js";
import {
  outputFolders,
  refuseProjectOutput,
  type OutputFolders,
} from "../publish/output-folders.js";
import { lockOutput } from "../publish/output-lock.js";
import { searchDocuments } from "../publish/search-documents.js";
import { buildSearchIndex, closeSearchIndexer } from "../publish/search-index.js";
import {
  clearLeftovers,
  discardStaging,
  prepareStaging,
  swapIntoPlace,
} from "../publish/staged-output.js";
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

/** The part of Eleventy's logger we replace (not in its declared types). */
interface EleventyLogging {
  logger: { overrideLogger(logger: Pick<Console, "log" | "info" | "warn" | "error">): void };
}

/**
 * The build prints its own summary and reports its own failures (one line for
 * a file-system fault): of Eleventy's console output it keeps the warnings.
 */
function keepOnlyWarnings(site: Eleventy): void {
  const drop = () => undefined;
  (site as unknown as EleventyLogging).logger.overrideLogger({
    log: drop,
    info: drop,
    error: drop,
    warn: (message: string) => console.warn(message),
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
  /** How this build was started, as a second build is told (default "npm run build"). */
  command?: string;
  /** Where notes and warnings about the output folder are printed, a line at a time (default stderr). */
  report?: (line: string) => void;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  outDir: string;
  /** Files Eleventy wrote. */
  pageCount: number;
}

/** Notes quote paths (content file names) and the lock file's command: one line each. */
const toStderr = (line: string) => void process.stderr.write(`${oneLine(line)}\n`);

/**
 * Builds the course into its output folder. Author mistakes come back as
 * diagnostics; a file-system fault, another build holding the output, an
 * output folder that holds the project, or a bad path prefix is thrown (the
 * command reports it in one line) with the previous site in place.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const root = path.resolve(options.root);
  const folders = outputFolders(path.resolve(options.outDir ?? path.join(root, "_site")));
  const report = options.report ?? toStderr;
  const pathPrefix = resolvePathPrefix(root, options.pathPrefix);
  refuseProjectOutput(root, folders.output);
  mkdirSync(path.dirname(folders.output), { recursive: true });
  const lock = lockOutput(folders.output, options.command ?? "npm run build", report);
  const stopCleanup = onInterrupt(() => {
    void closeSearchIndexer();
    discardStaging(folders);
    lock.release();
  });
  try {
    return await stagedBuild(root, folders, pathPrefix, options, report);
  } finally {
    stopCleanup();
    lock.release();
  }
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

const settle = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );

async function stagedBuild(
  root: string,
  folders: OutputFolders,
  pathPrefix: string,
  options: BuildOptions,
  report: (line: string) => void,
): Promise<BuildResult> {
  const outDir = folders.output;
  const { course, diagnostics } = loadCourse({
    root,
    includeDrafts: options.includeDrafts ?? false,
    pathPrefix,
  });
  if (hasErrors(diagnostics)) return { ok: false, diagnostics, outDir, pageCount: 0 };

  // Fails, with nothing replaced, if the output cannot be replaced.
  prepareStaging(folders, report);
  const site = eleventy(root, folders.staging, pathPrefix, "build", loadedSession(course));
  keepOnlyWarnings(site);
  let written: [unknown[], { url?: string }[]];
  try {
    // Pagefind indexes in its own process while Eleventy renders. Both are
    // waited for, even when one fails, so that nothing writes into the
    // staging folder once it is removed.
    const search = settle(
      timedAsync("search", () =>
        buildSearchIndex(folders.staging, searchDocuments(course), folders.search),
      ),
    );
    const rendered = await settle(timedAsync("eleventy", () => site.write()));
    const indexed = await timedAsync("searchWait", () => search);
    if (!rendered.ok) throw rendered.error;
    if (!indexed.ok) throw indexed.error;
    written = rendered.value as [unknown[], { url?: string }[]];
    diagnostics.push(
      ...indexed.value.errors.map((message) => ({
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
    discardStaging(folders);
    throw error;
  } finally {
    await closeSearchIndexer();
  }

  // Eleventy writes files synchronously and social cards are drawn in one
  // go: a signal received meanwhile is seen only at the event loop's next
  // poll for I/O. Wait for it (two turns: this one may have polled already),
  // so that a build stopped while rendering stops here, its handler exits,
  // and the site is never replaced.
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
  try {
    const notRemoved = swapIntoPlace(folders);
    if (notRemoved !== undefined)
      report(
        `warning: the new site is in place, but the previous one was not removed: ${describeFault(notRemoved) ?? (notRemoved instanceof Error ? notRemoved.message : "unknown error")}`,
      );
  } catch (error) {
    discardStaging(folders);
    throw error;
  }
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

/**
 * `npm start`: the course built with drafts, rebuilt on every change, its
 * errors shown in every page. It writes straight into its output folder, so
 * it holds the folder's lock for its lifetime: a build into the same folder
 * stops with a message instead of replacing the site under it.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const root = path.resolve(options.root);
  const folders = outputFolders(path.resolve(options.outDir ?? path.join(root, "_site")));
  const pathPrefix = resolvePathPrefix(root, options.pathPrefix);
  refuseProjectOutput(root, folders.output);
  const print = options.report ?? ((text: string) => void process.stderr.write(text));
  const note = (line: string) => print(`${oneLine(line)}\n`);
  mkdirSync(path.dirname(folders.output), { recursive: true });
  const lock = lockOutput(folders.output, "npm start", note);
  const stopCleanup = onInterrupt(() => lock.release());
  const release = () => {
    stopCleanup();
    lock.release();
  };
  try {
    clearLeftovers(folders, note);
    const session = devSession({ root, pathPrefix, report: print });
    const site = eleventy(
      root,
      folders.output,
      pathPrefix,
      options.port === false ? "watch" : "serve",
      session,
      options.onBuilt,
    );
    await site.init();
    await site.watch();
    if (options.port !== false) await site.serve(options.port);
    return {
      eleventy: site,
      pathPrefix,
      close: async () => {
        try {
          await site.stopWatch();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
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
    let pathPrefix: string;
    try {
      pathPrefix = resolvePathPrefix(root, undefined);
    } catch (error) {
      // Eleventy would show a bad PATH_PREFIX as a stack trace: one line, as the commands do.
      const line = faultLine(error, "start again");
      if (line === undefined) throw error;
      process.stderr.write(`${line}\n`);
      process.exit(error instanceof Fault ? error.exitCode : 1);
    }
    syllabus(config, { root, session: devSession({ root, pathPrefix }) });
    return { pathPrefix };
  };
}
