/**
 * Expected outputs of the fixture courses, as files beside them (as remark's
 * fixtures keep `output.html` beside `input.md`): a fixture folder with an
 * `expected/` folder holds there
 *
 * - `diagnostics.txt`: every problem the check reports, exactly as printed;
 * - `<url>.html` (`topics/notes.html` for /topics/notes/): the rendered body
 *   of that page, its citations and reference list included.
 *
 * `UPDATE_FIXTURES=1 npm run test:unit` rewrites them from what Syllabus
 * produces now: for a change that is meant, to be reviewed in the diff.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatReport } from "../../src/core/diagnostics.js";
import { loadCourse } from "../../src/course/load-course.js";
import { FIXTURES } from "./harness.js";

const UPDATE = process.env.UPDATE_FIXTURES === "1";

/** Fixture folders (`<area>/<case>`) that have an `expected/` folder. */
function fixturesWithExpectations(): string[] {
  return readdirSync(FIXTURES).flatMap((area) =>
    readdirSync(path.join(FIXTURES, area))
      .filter((name) => statSync(path.join(FIXTURES, area, name)).isDirectory())
      .filter((name) => existsSync(path.join(FIXTURES, area, name, "content")))
      .filter((name) => existsSync(path.join(FIXTURES, area, name, "expected")))
      .map((name) => `${area}/${name}`),
  );
}

/** The expected HTML files of a fixture, as site URLs (`topics/notes.html` → `/topics/notes/`). */
function expectedPages(dir: string): { file: string; url: string }[] {
  const found: { file: string; url: string }[] = [];
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub))) {
      const relative = path.join(sub, name);
      if (statSync(path.join(dir, relative)).isDirectory()) walk(relative);
      else if (name.endsWith(".html")) {
        const page = relative
          .split(path.sep)
          .join("/")
          .replace(/\.html$/, "");
        found.push({ file: relative, url: page === "index" ? "/" : `/${page}/` });
      }
    }
  };
  walk("");
  return found;
}

function compare(file: string, actual: string): void {
  if (UPDATE) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(
    actual,
    `${path.relative(FIXTURES, file)} (UPDATE_FIXTURES=1 rewrites it, if the change is meant)`,
  ).toBe(readFileSync(file, "utf8"));
}

describe("fixture courses produce their expected outputs", () => {
  for (const name of fixturesWithExpectations()) {
    it(name, () => {
      const root = path.join(FIXTURES, name);
      const expected = path.join(root, "expected");
      const { course, diagnostics } = loadCourse({ root, includeDrafts: false });
      compare(
        path.join(expected, "diagnostics.txt"),
        formatReport(diagnostics, { includeNotes: true }),
      );
      const pages = new Map<string, string>([
        ...course.articles.map((a) => [a.url, a.html + a.referencesHtml] as const),
        ...course.pages.map((p) => [p.url, p.html] as const),
      ]);
      for (const { file, url } of expectedPages(expected)) {
        const html = pages.get(url);
        expect(html, `${name}: no page at ${url}`).toBeDefined();
        compare(path.join(expected, file), html ?? "");
      }
    });
  }
});
