import { describe, expect, it } from "vitest";
import { formatDiagnostic, type Diagnostic } from "../../../src/core/diagnostics.js";
import { SitePathClaims } from "../../../src/course/site-path-claims.js";

function claims(): { claims: SitePathClaims; messages: () => string[] } {
  const diagnostics: Diagnostic[] = [];
  return {
    claims: new SitePathClaims(diagnostics),
    messages: () => diagnostics.map(formatDiagnostic),
  };
}

const at = (file: string) => ({ file, line: 2, column: 12 });

describe("SitePathClaims", () => {
  it("gives each path one owner: a second page, a file over a page, a generated page", () => {
    const { claims: c, messages } = claims();
    expect(c.page("/notes/", "content/notes.md", at("content/notes.md"))).toBe(true);
    expect(c.page("/notes/", "content/other.md", at("content/other.md"))).toBe(false);
    expect(c.file("/notes/index.html", "content/notes/index.html")).toBe(false);
    expect(c.page("/graph/", "content/graph.md", at("content/graph.md"))).toBe(false);
    expect(messages()).toEqual([
      "content/other.md:2:12: error: URL /notes/ is already claimed by content/notes.md (duplicate-url)",
      "content/notes/index.html:1:1: error: content/notes/index.html would be published at /notes/index.html, where the page of content/notes.md is (duplicate-url)",
      "content/graph.md:2:12: error: URL /graph/ is already claimed by a page Syllabus generates (duplicate-url)",
    ]);
  });

  it("refuses a path that another needs as a folder, either way round", () => {
    const { claims: c, messages } = claims();
    expect(c.page("/plot.png/", "content/plot.md", at("content/plot.md"))).toBe(true);
    expect(c.file("/plot.png", "content/plot.png")).toBe(false);
    expect(messages()).toEqual([
      "content/plot.png:1:1: error: content/plot.png would be published at /plot.png, but content/plot.md is published at /plot.png/index.html: one would need the other as a folder (duplicate-url)",
    ]);
  });

  // Regression (a hostile contributor's test): content/topics/A.md and a.md both built; on a
  // case-insensitive disk one replaced the other, so the site differed from what was checked.
  it("warns of two pages, or two files, that differ only in case", () => {
    const { claims: c, messages } = claims();
    expect(c.page("/topics/a/", "content/topics/a.md", at("content/topics/a.md"))).toBe(true);
    expect(c.page("/topics/A/", "content/topics/A.md", at("content/topics/A.md"))).toBe(true);
    expect(c.file("/Plot.png", "content/Plot.png")).toBe(true);
    expect(c.file("/plot.png", "content/plot.png")).toBe(true);
    expect(messages()).toEqual([
      "content/topics/A.md:2:12: warning: content/topics/A.md is published at /topics/A/index.html and content/topics/a.md at /topics/a/index.html: they differ only in case, and on a case-insensitive host one replaces the other (case-clash)",
      "content/plot.png:1:1: warning: content/plot.png is published at /plot.png and content/Plot.png at /Plot.png: they differ only in case, and on a case-insensitive host one replaces the other (case-clash)",
    ]);
  });
});
