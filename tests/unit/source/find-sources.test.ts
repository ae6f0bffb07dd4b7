import path from "node:path";
import { describe, expect, it } from "vitest";
import { classify, findSources } from "../../../src/source/find-sources.js";
import { temporaryCourses } from "../../support/temporary-course.js";

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

const course = temporaryCourses("sources");

describe("findSources", () => {
  it("finds every .md file under content/, sorted, skipping hidden files and node_modules", () => {
    const files = [
      "topics/b.md",
      "topics/a/index.md",
      "about.md",
      "index.md",
      "notes.txt",
      ".hidden.md",
      ".drafts/x.md",
      "node_modules/pkg/readme.md",
      "topics/evil.njk",
    ];
    const root = course(
      Object.fromEntries(files.map((file) => [`content/${file}`, "---\ntitle: x\n---\n"])),
    );
    const content = path.join(root, "content");

    const { sources: found, templates } = findSources(root, content);
    expect(templates).toEqual(["content/topics/evil.njk"]);
    expect(found.map((s) => [s.path, s.origin])).toEqual([
      ["content/about.md", { kind: "page", url: "/about/" }],
      ["content/index.md", { kind: "page", url: "/" }],
      ["content/topics/a/index.md", { kind: "article", slug: "a" }],
      ["content/topics/b.md", { kind: "article", slug: "b" }],
    ]);
    expect(found[0]?.absolutePath).toBe(path.join(content, "about.md"));
  });
});
