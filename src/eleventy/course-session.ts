/**
 * Where Eleventy's pages get the course from, with the policy of each way of
 * running decided here once. The build loads and checks the course before
 * Eleventy starts and hands it over (nothing is written if it has errors).
 * The dev server loads it again before each rebuild, reusing what did not
 * change, keeps pages whose frontmatter is invalid, shows the course's errors
 * at the top of every page, and prints them, but keeps serving.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import { formatReport, sortDiagnostics } from "../core/diagnostics.js";
import type { Course } from "../course/course.js";
import { LoadCache, loadCourse } from "../course/load-course.js";

export interface CourseSession {
  /** The course the pages of this build show. */
  readonly course: Course;
  /** Errors to show at the top of every page (the dev server's overlay); none in a build. */
  readonly problems: readonly Diagnostic[];
  /** Called before each Eleventy build: the dev server loads the course again. */
  beforeBuild(): void;
  /** Whether each build is the first and last (a build), or one of many (the dev server). */
  readonly rebuilds: boolean;
}

/** The build's session: the course already loaded and checked. */
export function loadedSession(course: Course): CourseSession {
  return { course, problems: [], beforeBuild: () => undefined, rebuilds: false };
}

export interface DevSessionOptions {
  root: string;
  /** The path prefix the site is served under, resolved once for the run. */
  pathPrefix: string;
  /** Where the problems of each load are printed (stderr). */
  report?: (text: string) => void;
}

/** The dev server's session: drafts included, reloaded before every rebuild, errors shown in pages. */
export function devSession({
  root,
  pathPrefix,
  report = (text) => process.stderr.write(text),
}: DevSessionOptions): CourseSession {
  const cache = new LoadCache();
  let loaded: { course: Course; problems: Diagnostic[] } | undefined;
  const load = () => {
    const { course, diagnostics } = loadCourse({
      root,
      includeDrafts: true,
      pathPrefix,
      cache,
    });
    report(formatReport(diagnostics));
    loaded = {
      course,
      problems: sortDiagnostics(diagnostics.filter((d) => d.severity === "error")),
    };
    return loaded;
  };
  return {
    get course() {
      return (loaded ?? load()).course;
    },
    get problems() {
      return (loaded ?? load()).problems;
    },
    beforeBuild: () => void load(),
    rebuilds: true,
  };
}
