/**
 * Builds fixture courses (tests/fixtures/<area>/<case>/, each with content/
 * and _data/) into temporary folders, and parses the pages it wrote.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { buildSite } from "../../src/eleventy/site.js";
import { loadCourse } from "../../src/course/load-course.js";
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from "../../src/core/diagnostics.js";

export const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

export interface BuiltSite {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Diagnostics formatted as the build prints them, paths relative to the fixture. */
  messages: string[];
  outDir: string;
  /** The page at a site URL ("/topics/x/"), parsed. */
  page(url: string): Document;
  /** A file of the built site, as text. */
  file(relativePath: string): string;
  exists(relativePath: string): boolean;
}

export async function buildFixture(
  name: string,
  options: { includeDrafts?: boolean } = {},
): Promise<BuiltSite> {
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), "syllabus-test-")), "_site");
  const result = await buildSite({
    root: fixture(name),
    outDir,
    includeDrafts: options.includeDrafts ?? false,
  });
  const resolve = (relativePath: string) => path.join(outDir, relativePath.replace(/^\//, ""));
  return {
    ok: result.ok,
    diagnostics: result.diagnostics,
    messages: result.diagnostics.map(formatDiagnostic),
    outDir,
    page(url: string) {
      const file = resolve(url.endsWith("/") ? `${url}index.html` : url);
      return parseHTML(readFileSync(file, "utf8")).document;
    },
    file: (relativePath) => readFileSync(resolve(relativePath), "utf8"),
    exists: (relativePath) => existsSync(resolve(relativePath)),
  };
}

/** Only the checks (no site written): the diagnostics, formatted. */
export function checkFixture(name: string): { diagnostics: Diagnostic[]; messages: string[] } {
  const { diagnostics } = loadCourse({ root: fixture(name), includeDrafts: true });
  return { diagnostics, messages: diagnostics.map(formatDiagnostic) };
}

/** Removes a build's temporary folder. */
export function removeBuild(site: BuiltSite | undefined): void {
  if (site) rmSync(path.dirname(site.outDir), { recursive: true, force: true });
}

/** Diagnostics as the build prints them, in report order. */
export function report(diagnostics: Diagnostic[]): string[] {
  return sortDiagnostics(diagnostics).map(formatDiagnostic);
}

/** Visible text with whitespace collapsed. */
export function text(element: Element | null | undefined): string | undefined {
  return element?.textContent?.replace(/\s+/g, " ").trim();
}

export function texts(elements: Iterable<Element>): (string | undefined)[] {
  return [...elements].map(text);
}

/** The block an article's header names: the breadcrumb before the article. */
export function shownBlock(page: Document): string | undefined {
  return text(
    [...(page.querySelector(".article-header")?.querySelectorAll(".breadcrumbs a") ?? [])].at(-1),
  );
}
