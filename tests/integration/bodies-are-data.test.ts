/**
 * Content is data: with default settings nothing in a course's content runs,
 * in `npm run build`, `npm run check` and `npm start` alike. The probe is a
 * Nunjucks payload that reaches the JavaScript runtime; when it runs it counts
 * itself in a global, which the control (bodyTemplates on) shows it does.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/load-course.js";
import { startDevServer } from "../../src/eleventy/site.js";
import { temporaryCourses } from "../support/temporary-course.js";
import { buildCourse, removeBuild, type BuiltSite } from "./harness.js";

const PROBE =
  '{{ range.constructor("globalThis.syllabusProbe = (globalThis.syllabusProbe || 0) + 1; return 1")() }}';
const ran = () => (globalThis as { syllabusProbe?: number }).syllabusProbe ?? 0;

const course = temporaryCourses("bodies-are-data");
const files = (site: object, extra: Record<string, string> = {}) => ({
  "_data/site.json": JSON.stringify({ title: "Data", ...site }),
  "content/topics/payload.md": `---\ntitle: Payload\ndescription: A body that tries to run code.\n---\n\nText ${PROBE} here.\n`,
  ...extra,
});
const built: BuiltSite[] = [];
afterAll(() => built.forEach(removeBuild));

describe("with default settings, no body can run code", () => {
  it("in npm run build: the payload is shown as written, with a warning", async () => {
    const before = ran();
    const site = await buildCourse(course(files({})));
    built.push(site);
    expect(ran()).toBe(before);
    expect(site.ok).toBe(true);
    expect(site.page("/topics/payload/").querySelector(".article-body p")?.textContent).toBe(
      `Text ${PROBE} here.`,
    );
    expect(site.messages.map((m) => m.split(" (")[0]!.split(": warning: ")[0])).toEqual([
      "content/topics/payload.md:6:6",
    ]);
  });

  it("in npm run check", () => {
    const before = ran();
    const { diagnostics } = loadCourse({ root: course(files({})), includeDrafts: true });
    expect(ran()).toBe(before);
    expect(diagnostics.map((d) => d.rule)).toEqual(["body-template"]);
  });

  it("in npm start", async () => {
    const before = ran();
    const root = course(files({}));
    let done: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (done = resolve));
    const server = await startDevServer({
      root,
      port: false,
      report: () => undefined,
      onBuilt: () => done(),
    });
    await first;
    await server.close();
    expect(ran()).toBe(before);
    expect(readFileSync(path.join(root, "_site/topics/payload/index.html"), "utf8")).toContain(
      "range.constructor",
    );
  });

  // Regression: a `.njk` file in content/ was rendered by Eleventy, running its code.
  it("nor a template beside the Markdown: it is an error, and never rendered", async () => {
    const before = ran();
    const site = await buildCourse(course(files({}, { "content/evil.njk": `${PROBE}\n` })));
    built.push(site);
    expect(ran()).toBe(before);
    expect(site.ok).toBe(false);
    expect(site.messages).toContain(
      "content/evil.njk:1:1: error: A Nunjucks template in content/ would run as code: content is data (content-template)\n  hint: write the page in Markdown; layouts belong in the project's _includes/",
    );
  });
});

describe('with "bodyTemplates": true (the control)', () => {
  it("runs the payload: the course's authors' code runs, as the README warns", async () => {
    const before = ran();
    const site = await buildCourse(course(files({ bodyTemplates: true })));
    built.push(site);
    expect(ran()).toBeGreaterThan(before);
    expect(site.page("/topics/payload/").querySelector(".article-body p")?.textContent).toBe(
      "Text 1 here.",
    );
  });
});
