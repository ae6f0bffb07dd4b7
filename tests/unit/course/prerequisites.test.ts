import { describe, expect, it } from "vitest";
import { parsePrerequisite, prerequisiteItems } from "../../../src/course/prerequisites.js";

describe("parsePrerequisite", () => {
  it("accepts a slug, trimming spaces", () => {
    expect(parsePrerequisite("first")).toStrictEqual({ slug: "first" });
    expect(parsePrerequisite("  linear-algebra ")).toStrictEqual({ slug: "linear-algebra" });
  });

  it("accepts a /topics/<slug>/ path, with or without the slash, query or fragment", () => {
    expect(parsePrerequisite("/topics/first/")).toStrictEqual({ slug: "first" });
    expect(parsePrerequisite("/topics/first")).toStrictEqual({ slug: "first" });
    expect(parsePrerequisite("/topics/first/#section")).toStrictEqual({ slug: "first" });
    expect(parsePrerequisite("/topics/first/?a=1")).toStrictEqual({ slug: "first" });
  });

  it("accepts a {title, url} map with a topic path, or a url alone", () => {
    expect(parsePrerequisite({ title: "First", url: "/topics/first/" })).toStrictEqual({
      slug: "first",
    });
    expect(parsePrerequisite({ url: "/topics/x/" })).toStrictEqual({ slug: "x" });
  });

  it("rejects a javascript: URL as not a site-relative path", () => {
    const expected = {
      error:
        'Prerequisite URL "javascript:alert(1)" is not a site-relative path: a prerequisite must be an article of this course ("/topics/<slug>/")',
    };
    expect(parsePrerequisite({ title: "x", url: "javascript:alert(1)" })).toStrictEqual(expected);
    expect(parsePrerequisite("javascript:alert(1)")).toStrictEqual(expected);
  });

  it("rejects an absolute URL, even to a topic path", () => {
    expect(parsePrerequisite("https://example.org/topics/x/")).toStrictEqual({
      error:
        'Prerequisite URL "https://example.org/topics/x/" is not a site-relative path: a prerequisite must be an article of this course ("/topics/<slug>/")',
    });
  });

  it("rejects a site path that is not an article", () => {
    expect(parsePrerequisite("/about/")).toStrictEqual({
      error: 'Prerequisite "/about/" is not an article: expected a path like "/topics/<slug>/"',
    });
    expect(parsePrerequisite("/topics/a/b/")).toStrictEqual({
      error:
        'Prerequisite "/topics/a/b/" is not an article: expected a path like "/topics/<slug>/"',
    });
  });

  it("rejects a bare slug in a url, suggesting the topic path", () => {
    expect(parsePrerequisite({ title: "First", url: "first" })).toStrictEqual({
      error: 'Prerequisite url "first" is not a site-relative path',
      hint: 'did you mean "/topics/first/"?',
    });
  });

  it("rejects text that is neither slug nor path", () => {
    expect(parsePrerequisite("Hello World")).toStrictEqual({
      error:
        'Unexpected prerequisite "Hello World": expected a slug or a path like "/topics/<slug>/"',
    });
    expect(parsePrerequisite("../topics/x/")).toStrictEqual({
      error:
        'Unexpected prerequisite "../topics/x/": expected a slug or a path like "/topics/<slug>/"',
    });
    expect(parsePrerequisite("")).toStrictEqual({
      error: 'Unexpected prerequisite "": expected a slug or a path like "/topics/<slug>/"',
    });
  });

  it("rejects a protocol-relative URL", () => {
    expect(parsePrerequisite("//evil.example/topics/x/")).toStrictEqual({
      error:
        'Unexpected prerequisite "//evil.example/topics/x/": expected a slug or a path like "/topics/<slug>/"',
    });
  });
});

describe("prerequisiteItems", () => {
  const data = { title: "T", description: "D" };

  it("lists the checked items with their index", () => {
    expect(prerequisiteItems({ ...data, prerequisites: ["a", { url: "b" }] }, {})).toEqual([
      { item: "a", index: 0 },
      { item: { url: "b" }, index: 1 },
    ]);
    expect(
      prerequisiteItems({ ...data, prerequisites: [] }, { prerequisites: ["ignored"] }),
    ).toEqual([]);
  });

  // Regression: one item of the wrong shape failed the frontmatter, and the other items went unchecked.
  it("reads every well-shaped item from the raw frontmatter when the schema failed", () => {
    const raw = { prerequisites: ["nope", 3, { x: 1 }, "javascript:x", { url: "/about/" }] };
    expect(prerequisiteItems(undefined, raw)).toEqual([
      { item: "nope", index: 0 },
      { item: "javascript:x", index: 3 },
      { item: { url: "/about/" }, index: 4 },
    ]);
    expect(prerequisiteItems(undefined, { prerequisites: "nope" })).toEqual([]);
  });
});
