/**
 * Links within the site are checked once every page is rendered: each link to
 * a page, each `#anchor` (against the ids of the target page) and each image,
 * reported where it was written with the closest URL or id as a hint.
 * `"brokenLinks": "warning"` makes broken links (not images) warnings.
 * Fixtures: tests/fixtures/site/links, links-warning, links-warning-image and
 * links-prefix.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporaryCourses } from "../support/temporary-course.js";
import {
  buildCourse,
  buildFixture,
  checkFixture,
  fixtureFiles,
  removeBuild,
  report,
  type BuiltSite,
} from "./harness.js";

const built: BuiltSite[] = [];
afterAll(() => built.forEach(removeBuild));
const temporaryCourse = temporaryCourses("site-links");

async function build(name: string): Promise<BuiltSite> {
  const site = await buildFixture(name);
  built.push(site);
  return site;
}

/** The hrefs of the links in an article's body, in document order. */
function bodyLinks(page: Document): (string | null)[] {
  return [...page.querySelectorAll(".article-body a:not(.heading-link)")].map((a) =>
    a.getAttribute("href"),
  );
}

describe("broken links, anchors and images (site/links)", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await build("site/links");
  });

  it("reports each at the line and column of its URL, with the closest URL or id as a hint, and writes nothing", () => {
    const located = report(site.diagnostics).filter(
      // A sidenote's link and a reference-style link: their columns are checked below.
      (line) =>
        !line.startsWith("content/topics/alpha.md:30:") &&
        !line.startsWith("content/topics/alpha.md:38:"),
    );
    expect(located).toEqual([
      'content/topics/alpha.md:14:69: error: Broken link "beta/": no page or file has the URL /topics/alpha/beta/ (broken-link)\n  hint: did you mean "/topics/alpha/", "/topics/beta/" or "/topics/"?',
      'content/topics/alpha.md:22:25: error: Broken link "/topics/betta/": no page or file has the URL /topics/betta/ (broken-link)\n  hint: did you mean "/topics/beta/", "/topics/alpha/" or "/topics/"?',
      'content/topics/alpha.md:24:43: error: Broken link "/topics/beta/#setup-step": /topics/beta/ has no element with id "setup-step" (broken-anchor)\n  hint: did you mean "setup-steps"?',
      'content/topics/alpha.md:26:31: error: Broken link "#getting-startd": /topics/alpha/ has no element with id "getting-startd" (broken-anchor)\n  hint: did you mean "getting-started"?',
      'content/topics/alpha.md:28:20: error: Image "/topics/beta/images/chart.svg" does not exist: expected a file at content/topics/beta/images/chart.svg (image-missing)',
      'content/topics/alpha.md:33:16: error: Broken link "/topics/nowhere/": no page or file has the URL /topics/nowhere/ (broken-link)\n  hint: did you mean "/topics/", "/topics/alpha/" or "/topics/beta/"?',
      'content/topics/alpha.md:36:20: error: Broken link "/topics/absent/": no page or file has the URL /topics/absent/ (broken-link)\n  hint: did you mean "/topics/beta/", "/topics/" or "/topics/alpha/"?',
      'content/topics/beta/index.md:12:14: error: Image "images/missing.png" does not exist: expected a file at content/topics/beta/images/missing.png (image-missing)',
      'content/topics/beta/index.md:14:33: error: Broken link "/glossary/#term-residual": /glossary/ has no element with id "term-residual" (broken-anchor)\n  hint: did you mean "term-residual-stream"?',
      'content/topics/beta/index.md:16:31: error: Broken link "/graph/#node-alpah": /graph/ has no element with id "node-alpah" (broken-anchor)\n  hint: did you mean "node-alpha" or "node-beta"?',
      'content/topics/beta/index.md:16:85: error: Broken link "#references": /topics/beta/ has no element with id "references" (broken-anchor)',
    ]);
    expect(site.ok).toBe(false);
    expect(existsSync(site.outDir)).toBe(false);
  });

  it("reports nothing for links that resolve: pages, anchors on them and here, relative links, generated pages, external and mailto links", () => {
    // Lines 13-20 of alpha.md hold only links that resolve, but for the relative "beta/" (below).
    const onThoseLines = site.diagnostics.filter(
      (d) => d.file === "content/topics/alpha.md" && d.line >= 13 && d.line <= 20,
    );
    expect(onThoseLines.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '14:69 Broken link "beta/": no page or file has the URL /topics/alpha/beta/',
    ]);
  });

  it("resolves a relative link against the page's URL, as a browser does, not against its file's folder", () => {
    // topics/alpha.md is published at /topics/alpha/, so "beta/" is /topics/alpha/beta/
    // while "../beta/" (on the same line) is /topics/beta/.
    const relative = site.diagnostics.filter(
      (d) => d.file === "content/topics/alpha.md" && d.line === 14,
    );
    expect(relative.map((d) => d.message)).toEqual([
      'Broken link "beta/": no page or file has the URL /topics/alpha/beta/',
    ]);
  });

  it("reports a link inside a pause-and-think body and one in raw HTML on their own lines", () => {
    expect(
      report(site.diagnostics).filter((l) => /^content\/topics\/alpha\.md:3[36]:/.test(l)),
    ).toEqual([
      'content/topics/alpha.md:33:16: error: Broken link "/topics/nowhere/": no page or file has the URL /topics/nowhere/ (broken-link)\n  hint: did you mean "/topics/", "/topics/alpha/" or "/topics/beta/"?',
      'content/topics/alpha.md:36:20: error: Broken link "/topics/absent/": no page or file has the URL /topics/absent/ (broken-link)\n  hint: did you mean "/topics/beta/", "/topics/" or "/topics/alpha/"?',
    ]);
  });

  // Only the line is asserted: the column is wrong today (30:38, the link's text,
  // instead of 30:56, its URL as for every other link); see the report of this suite.
  it("reports a link inside a sidenote on the sidenote's line", () => {
    const inNote = site.diagnostics.filter((d) => d.message.includes('"/topics/gone/"'));
    expect(
      inNote.map(({ file, line, severity, rule, message, hint }) => ({
        file,
        line,
        severity,
        rule,
        message,
        hint,
      })),
    ).toEqual([
      {
        file: "content/topics/alpha.md",
        line: 30,
        severity: "error",
        rule: "broken-link",
        message: 'Broken link "/topics/gone/": no page or file has the URL /topics/gone/',
        hint: 'did you mean "/topics/beta/", "/topics/" or "/topics/alpha/"?',
      },
    ]);
  });

  // Only file, line and message are asserted: the column is 1 today, where neither
  // the use ([ref][missing], 38:19) nor the definition's URL (40:12) is.
  it("reports a broken reference-style link on the line that uses it", () => {
    const reference = site.diagnostics.filter((d) => d.message.includes('"/topics/missing/"'));
    expect(
      reference.map((d) => `${d.file}:${d.line}: ${d.severity}: ${d.message} (${d.rule})`),
    ).toEqual([
      'content/topics/alpha.md:38: error: Broken link "/topics/missing/": no page or file has the URL /topics/missing/ (broken-link)',
    ]);
  });

  it("finds the same problems when only checking the course", () => {
    expect(report(checkFixture("site/links").diagnostics)).toEqual(report(site.diagnostics));
  });
});

describe('"brokenLinks": "warning" (site/links-warning)', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await build("site/links-warning");
  });

  it("reports broken links and anchors as warnings, and the build succeeds", () => {
    expect(report(site.diagnostics)).toEqual([
      'content/topics/moved.md:8:20: warning: Broken link "/topics/old-page/": no page or file has the URL /topics/old-page/ (broken-link)\n  hint: did you mean "/topics/", "/topics/kept/" or "/topics/moved/"?',
      'content/topics/moved.md:8:55: warning: Broken link "/topics/kept/#gone": /topics/kept/ has no element with id "gone" (broken-anchor)',
      'content/topics/moved.md:10:16: warning: Broken link "#where-things-go": /topics/moved/ has no element with id "where-things-go" (broken-anchor)\n  hint: did you mean "where-things-went"?',
    ]);
    expect(site.ok).toBe(true);
  });

  it("publishes the page with its links as written", () => {
    expect(bodyLinks(site.page("/topics/moved/"))).toEqual([
      "/topics/old-page/",
      "/topics/kept/#gone",
      "#where-things-go",
    ]);
    expect(bodyLinks(site.page("/topics/kept/"))).toEqual(["/topics/moved/#where-things-went"]);
  });
});

describe('"brokenLinks": "warning" with a missing image (site/links-warning-image)', () => {
  it("still reports the missing image as an error, and the build fails", async () => {
    const site = await build("site/links-warning-image");
    expect(report(site.diagnostics)).toEqual([
      'content/topics/pictures.md:6:36: warning: Broken link "/topics/later/": no page or file has the URL /topics/later/ (broken-link)\n  hint: did you mean "/topics/" or "/topics/pictures/"?',
      'content/topics/pictures.md:8:11: error: Image "/topics/pictures/plot.png" does not exist: expected a file at content/topics/pictures/plot.png (image-missing)',
    ]);
    expect(site.ok).toBe(false);
    expect(existsSync(site.outDir)).toBe(false);
  });
});

describe("links in a course served under a path prefix (site/links-prefix)", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await build("site/links-prefix");
  });

  // Regression: the check once compared the deployed URL's path (/course/topics/second/)
  // with site paths, which carry no prefix, and reported the link as broken.
  it("accepts site-absolute links, generated pages, images and the deployed URL with its prefix", () => {
    expect(site.messages).toEqual([]);
    expect(site.ok).toBe(true);
  });

  it("writes every site-absolute link and image under the prefix, and leaves relative and absolute URLs alone", () => {
    const first = site.page("/topics/first/");
    expect(bodyLinks(first)).toEqual([
      "/course/topics/second/",
      "/course/topics/second/#method",
      "/course/graph/#node-second",
      "/course/glossary/#term-logit-lens",
      "/course/topics/",
      "/course/blocks/basics/",
      "/course/",
      "https://example.org/course/topics/second/#method",
    ]);
    expect(first.querySelector(".article-body img")?.getAttribute("src")).toBe(
      "/course/topics/second/images/diagram.svg",
    );
    const second = site.page("/topics/second/");
    expect(bodyLinks(second)).toEqual(["../first/#overview"]);
    expect(second.querySelector(".article-body img")?.getAttribute("src")).toBe(
      "images/diagram.svg",
    );
  });

  it("checks anchors on generated pages against ids those pages really have", () => {
    expect(site.page("/graph/").getElementById("node-second")).not.toBeNull();
    expect(site.page("/glossary/").getElementById("term-logit-lens")).not.toBeNull();
    expect(site.page("/topics/second/").getElementById("method")).not.toBeNull();
    expect(site.exists("/topics/second/images/diagram.svg")).toBe(true);
  });
});

describe("links and the path prefix (temporary courses from site/links-prefix)", () => {
  const SECOND = `---
title: "Second"
description: "The target."
---

## Method
`;

  /** site/links-prefix with one more article, `links.md`, holding `body`. */
  function courseWith(body: string, site?: object): string {
    const files = fixtureFiles("site/links-prefix");
    return temporaryCourse({
      ...files,
      ...(site ? { "_data/site.json": JSON.stringify(site) } : {}),
      "content/topics/second/index.md": SECOND,
      "content/topics/links.md": `---\ntitle: "Links"\ndescription: "More links."\n---\n\n${body}\n`,
    });
  }

  it("accepts the deployed URL under a prefix given on the command line, which overrides site.json", async () => {
    const root = courseWith("[Second](https://example.org/other/topics/second/#method)");
    const site = await buildCourse(root, { pathPrefix: "/other/" });
    built.push(site);
    expect(site.messages).toEqual([]);
    expect(bodyLinks(site.page("/topics/links/"))).toEqual([
      "https://example.org/other/topics/second/#method",
    ]);
    expect(bodyLinks(site.page("/topics/first/"))[0]).toBe("/other/topics/second/");
  });

  it("reports a broken deployed URL with the site path as its hint", async () => {
    const root = courseWith("[Second](https://example.org/course/topics/secnd/)");
    const site = await buildCourse(root);
    built.push(site);
    expect(report(site.diagnostics)).toEqual([
      'content/topics/links.md:6:10: error: Broken link "https://example.org/course/topics/secnd/": no page or file has the URL /topics/secnd/ (broken-link)\n  hint: did you mean "/topics/second/", "/topics/" or "/topics/first/"?',
    ]);
  });

  it("does not check a URL on the same origin outside the prefix: another site's (GitHub Pages serves a user's projects from one origin)", async () => {
    const root = courseWith("[Another project](https://example.org/another-project/topics/x/)");
    const site = await buildCourse(root);
    built.push(site);
    expect(site.messages).toEqual([]);
  });

  it("reports a site-absolute link written with the prefix, which the build adds again", async () => {
    const root = courseWith("[Second](/course/topics/second/)");
    const site = await buildCourse(root);
    built.push(site);
    expect(report(site.diagnostics)).toEqual([
      'content/topics/links.md:6:10: error: Broken link "/course/topics/second/": no page or file has the URL /course/topics/second/ (broken-link)\n  hint: did you mean "/topics/second/"?',
    ]);
  });
});
