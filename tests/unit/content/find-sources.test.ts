import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classify, findSources } from "../../../src/content/find-sources.js";

describe("classify", () => {
  it("treats topics/<slug>.md and topics/<slug>/index.md as articles", () => {
    expect(classify("topics/vectors.md")).toEqual({ kind: "article", slug: "vectors" });
    expect(classify("topics/vectors/index.md")).toEqual({ kind: "article", slug: "vectors" });
  });

  it("treats deeper files under topics/ as pages", () => {
    expect(classify("topics/a/b.md")).toEqual({ kind: "page", url: "/topics/a/b/" });
    expect(classify("topics/a/b/index.md")).toEqual({ kind: "page", url: "/topics/a/b/" });
  });

  it("gives other pages a URL from their path", () => {
    expect(classify("index.md")).toEqual({ kind: "page", url: "/" });
    expect(classify("about.md")).toEqual({ kind: "page", url: "/about/" });
    expect(classify("about/index.md")).toEqual({ kind: "page", url: "/about/" });
    expect(classify("course/schedule.md")).toEqual({ kind: "page", url: "/course/schedule/" });
    expect(classify("topics.md")).toEqual({ kind: "page", url: "/topics/" });
  });
});

describe("findSources", () => {
  it("finds every .md file under content/, sorted, skipping hidden files and node_modules", () => {
    const root = mkdtempSync(path.join(tmpdir(), "syllabus-sources-"));
    const content = path.join(root, "content");
    const write = (relative: string) => {
      const absolute = path.join(content, relative);
      mkdirSync(path.dirname(absolute), { recursive: true });
      writeFileSync(absolute, "---\ntitle: x\n---\n");
    };
    for (const file of ["topics/b.md", "topics/a/index.md", "about.md", "index.md", "notes.txt", ".hidden.md", ".drafts/x.md", "node_modules/pkg/readme.md"]) write(file);

    const found = findSources(root, content);
    expect(found.map((s) => [s.path, s.origin])).toEqual([
      ["content/about.md", { kind: "page", url: "/about/" }],
      ["content/index.md", { kind: "page", url: "/" }],
      ["content/topics/a/index.md", { kind: "article", slug: "a" }],
      ["content/topics/b.md", { kind: "article", slug: "b" }],
    ]);
    expect(found[0]?.absolutePath).toBe(path.join(content, "about.md"));
  });
});
