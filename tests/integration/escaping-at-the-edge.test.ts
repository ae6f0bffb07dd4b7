/**
 * What reaches the edge of the site from data is text: the interface's words
 * from `_data/site.json` are escaped in every article's table of contents,
 * and a control character in a title is a located error of `check` and
 * `build` alike, never a crash of the feed or the social cards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/core/diagnostics.js";
import { loadCourse } from "../../src/course/load-course.js";
import { temporaryCourses } from "../support/temporary-course.js";
import { buildCourse, fixtureFiles, removeBuild, text, type BuiltSite } from "./harness.js";

const course = temporaryCourses("edge");
const PAYLOAD = "<img src=x onerror=alert(1)>";

describe("ui.references in every article's table of contents (citations/numeric)", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    const files = fixtureFiles("citations/numeric");
    const root = course({
      ...files,
      "_data/site.json": JSON.stringify({ title: "Edge", ui: { references: PAYLOAD } }),
      // A heading besides the references, so that each article shows its table of contents.
      "content/topics/alpha.md": `${files["content/topics/alpha.md"]}\n## Circuits\n\nText.\n`,
      "content/topics/beta.md": `${files["content/topics/beta.md"]}\n## Units\n\nText.\n`,
    });
    site = await buildCourse(root);
  }, 120_000);
  afterAll(() => removeBuild(site));

  it("builds", () => {
    expect(site.diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic)).toEqual(
      [],
    );
    expect(site.ok).toBe(true);
  });

  it.each(["/topics/alpha/", "/topics/beta/"])("prints it as text in %s", (url) => {
    const page = site.page(url);
    const links = [...page.querySelectorAll('.toc-list a[href="#references"]')];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.querySelector("img")).toBeNull();
      expect(text(link)).toBe(PAYLOAD);
    }
    expect(page.querySelector("img[onerror]")).toBeNull();
    expect(text(page.querySelector("h2#references"))).toBe(PAYLOAD);
  });
});

describe("a NUL in a title", () => {
  const files = {
    "content/topics/a.md": '---\ntitle: "Vectors\\0"\ndescription: An article.\n---\nBody.\n',
  };
  const expected = [
    'content/topics/a.md:2:8: error: Unexpected control character U+0000 in "title" (control-character)\n  hint: delete it (most editors do not show it); tab, line feed and carriage return are allowed',
  ];

  it("is a located error of check", () => {
    const { diagnostics } = loadCourse({ root: course(files), includeDrafts: true });
    expect(diagnostics.map(formatDiagnostic)).toEqual(expected);
  });

  it("is the same error of build, which writes nothing", async () => {
    const site = await buildCourse(course(files));
    try {
      expect(site.ok).toBe(false);
      expect(site.messages).toEqual(expected);
    } finally {
      removeBuild(site);
    }
  }, 120_000);
});

describe("permalinks that build would crash on", () => {
  it("are located errors of check", () => {
    const root = course({
      "content/headers.md": "---\ntitle: H\npermalink: /_headers\n---\nBody.\n",
      "content/robots.md": "---\ntitle: R\npermalink: /robots.txt\n---\nBody.\n",
      "content/nul.md": '---\ntitle: N\npermalink: "/a\\0b/"\n---\nBody.\n',
    });
    const { diagnostics } = loadCourse({ root, includeDrafts: true });
    expect(diagnostics.map(formatDiagnostic).sort()).toEqual([
      'content/headers.md:3:12: error: Permalink "/_headers" would replace /_headers, which Syllabus generates (permalink-reserved)',
      'content/nul.md:3:12: error: Unexpected control character U+0000 in "permalink" (control-character)\n  hint: delete it (most editors do not show it); tab, line feed and carriage return are allowed',
      'content/robots.md:3:12: error: Permalink "/robots.txt" would replace /robots.txt, which Syllabus generates (permalink-reserved)',
    ]);
  });
});
