/**
 * The hostile contributor's cases (tests/fixtures/hostile/cases.txt), as
 * markdown-it keeps its xss.txt: each case's files are written over a small
 * base course and checked, and the report must be exactly the case's
 * `expect` section. A case that passes the check must build, and the site it
 * builds must be safe as a browser reads it (tests/support/unsafe-markup.ts).
 * A case that fails the check must fail the build, writing nothing.
 *
 * `UPDATE_FIXTURES=1` rewrites the `expect` sections from what Syllabus
 * reports now: for a change that is meant, to be reviewed in the diff.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasErrors } from "../../src/core/diagnostics.js";
import { loadCourse } from "../../src/course/load-course.js";
import { temporaryCourses } from "../support/temporary-course.js";
import { unsafeMarkup } from "../support/unsafe-markup.js";
import { buildCourse, FIXTURES, removeBuild, report, type BuiltSite } from "./harness.js";

const UPDATE = process.env.UPDATE_FIXTURES === "1";
const CASES_FILE = path.join(FIXTURES, "hostile/cases.txt");

const BASE: Record<string, string> = {
  "_data/site.json": JSON.stringify({
    title: "Hostile course",
    url: "https://course.example.org",
  }),
  "_data/blocks.json": JSON.stringify([
    { slug: "basics", title: "Basics", description: "The basics." },
  ]),
  "content/topics/base.md":
    "---\ntitle: Base\ndescription: An article.\nblock: basics\n---\nA base article.\n",
};

interface CaseFile {
  path: string;
  text: string;
  latin1: boolean;
  /** A symbolic link to this target (as written: relative to the link's folder, or absolute). */
  link?: string;
}

interface HostileCase {
  title: string;
  files: CaseFile[];
  expected: string[];
  /** Lines of the cases file holding the `expect` section: [first, end). */
  expectLines: [number, number];
}

function parseCases(text: string): HostileCase[] {
  const lines = text.split("\n");
  const cases: HostileCase[] = [];
  let current: HostileCase | undefined;
  let section: { file?: CaseFile; expect?: boolean } = {};
  lines.forEach((line, i) => {
    const heading = /^## (\d+\. .+)$/.exec(line);
    const marker = /^<<< (\S+)(?: (latin1)| -> (.+))?$/.exec(line);
    if (heading) {
      current = { title: heading[1]!, files: [], expected: [], expectLines: [i, i] };
      cases.push(current);
      section = {};
    } else if (current && marker) {
      if (marker[1] === "expect") {
        section = { expect: true };
        current.expectLines = [i + 1, i + 1];
      } else {
        const file: CaseFile = { path: marker[1]!, text: "", latin1: marker[2] === "latin1" };
        if (marker[3] !== undefined) file.link = marker[3];
        current.files.push(file);
        section = { file };
      }
    } else if (current && section.expect) {
      if (line !== "") current.expected.push(line);
      current.expectLines[1] = i + 1;
    } else if (section.file) {
      section.file.text += `${line}\n`;
    }
  });
  for (const c of cases) {
    // A blank line ends a case's expect section; the last case's ends with the file.
    while (c.expectLines[1] > c.expectLines[0] && lines[c.expectLines[1] - 1] === "")
      c.expectLines[1]--;
  }
  return cases;
}

const text = readFileSync(CASES_FILE, "utf8");
const cases = parseCases(text);
const makeCourse = temporaryCourses("hostile");
const actual = new Map<HostileCase, string[]>();

function writeCase(c: HostileCase): string {
  const root = makeCourse(BASE);
  for (const file of c.files) {
    const target = path.join(root, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    if (file.link !== undefined) symlinkSync(file.link, target);
    else writeFileSync(target, Buffer.from(file.text, file.latin1 ? "latin1" : "utf8"));
  }
  return root;
}

/** Every file named PWNED under `dir`: a payload that ran. */
function pwned(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter(
    (name) => path.basename(name) === "PWNED",
  );
}

/** Every unsafe thing in a built site's pages and images, by file. */
function unsafeFiles(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.(html|svg)$/.test(name))
    .flatMap((name) =>
      unsafeMarkup(readFileSync(path.join(outDir, name), "utf8")).map((p) => `${name}: ${p}`),
    );
}

describe("hostile cases", () => {
  it("reads every case", () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  for (const c of cases) {
    it(c.title, async () => {
      const root = writeCase(c);
      const { diagnostics } = loadCourse({ root, includeDrafts: true });
      const got = report(diagnostics).flatMap((line) => line.split("\n"));
      actual.set(c, got);
      if (!UPDATE) expect(got).toEqual(c.expected);

      let site: BuiltSite | undefined;
      try {
        site = await buildCourse(root);
        if (hasErrors(diagnostics)) {
          // What check rejects, the build rejects, writing nothing.
          expect(site.ok).toBe(false);
          expect(existsSync(site.outDir)).toBe(false);
        } else {
          // What passes check builds, and is safe as a browser parses it.
          expect(report(site.diagnostics.filter((d) => d.severity === "error"))).toEqual([]);
          expect(site.ok).toBe(true);
          expect(unsafeFiles(site.outDir)).toEqual([]);
        }
        expect(pwned(root)).toEqual([]);
        expect(pwned(path.dirname(site.outDir))).toEqual([]);
      } finally {
        removeBuild(site);
      }
    });
  }

  afterAll(() => {
    if (!UPDATE || actual.size !== cases.length) return;
    const lines = text.split("\n");
    // From the last case up, so that earlier line numbers stay valid.
    for (const c of [...cases].reverse()) {
      const [from, end] = c.expectLines;
      lines.splice(from, end - from, ...actual.get(c)!);
    }
    writeFileSync(CASES_FILE, lines.join("\n"));
  });
});

describe("the judge of built output", () => {
  it("sees what a browser would run, as the browser parses it", () => {
    const page = (body: string) => `<!doctype html><title>t</title><body>${body}</body>`;
    expect(
      unsafeMarkup(page('<noscript><p title="</noscript><img src=x onerror=alert(1)>">')),
    ).toEqual(["<img onerror>"]);
    expect(unsafeMarkup(page("<!-- a --!> <img src=x onerror=alert(1)> -->"))).toEqual([
      "<img onerror>",
    ]);
    expect(unsafeMarkup(page('<a href="jav&#x09;ascript:alert(1)">x</a>'))).toHaveLength(1);
    expect(
      unsafeMarkup(
        page('<script src="/assets/main-AB12.js"></script><img src="data:image/png;base64,x">'),
      ),
    ).toEqual([]);
    expect(unsafeMarkup(page("<script>alert(1)</script>"))).toEqual(["<script src=none>"]);
  });
});
