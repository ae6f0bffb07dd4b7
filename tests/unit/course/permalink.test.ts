import { describe, expect, it } from "vitest";
import { permalinkUrl } from "../../../src/course/permalink.js";

describe("permalinkUrl", () => {
  it("publishes a directory path with a trailing slash", () => {
    expect(permalinkUrl("/a/b/")).toEqual({ url: "/a/b/" });
    expect(permalinkUrl("/a/b")).toEqual({ url: "/a/b/" });
    expect(permalinkUrl("a/b")).toEqual({ url: "/a/b/" });
  });

  it("publishes index.html at its directory", () => {
    expect(permalinkUrl("/a/index.html")).toEqual({ url: "/a/" });
    expect(permalinkUrl("/a/index.htm")).toEqual({ url: "/a/" });
  });

  it("publishes a file with an extension as that file, and a folder named like a file as a folder", () => {
    expect(permalinkUrl("x.json")).toEqual({ url: "/x.json" });
    expect(permalinkUrl("/notes/feed.xml")).toEqual({ url: "/notes/feed.xml" });
    expect(permalinkUrl("/x.json/")).toEqual({ url: "/x.json/" });
  });

  it("treats a dot inside a directory name as part of a directory", () => {
    expect(permalinkUrl("/a/b.c/d")).toEqual({ url: "/a/b.c/d/" });
  });

  it("accepts names in any script", () => {
    expect(permalinkUrl("/über/café/")).toEqual({ url: "/über/café/" });
  });

  it("normalises `.`, `..` and repeated slashes that stay inside the site", () => {
    expect(permalinkUrl("./a/./b")).toEqual({ url: "/a/b/" });
    expect(permalinkUrl("a/../b/")).toEqual({ url: "/b/" });
    expect(permalinkUrl("a//b")).toEqual({ url: "/a/b/" });
  });

  it("refuses a path that climbs out of _site/", () => {
    const outside = (p: string) => ({
      error: `Permalink "${p}" would write outside _site/`,
      rule: "permalink-outside-site",
    });
    expect(permalinkUrl("../x")).toEqual(outside("../x"));
    expect(permalinkUrl("a/../../b")).toEqual(outside("a/../../b"));
    expect(permalinkUrl("/../etc/passwd")).toEqual(outside("/../etc/passwd"));
  });

  it("refuses URLs", () => {
    const url = (p: string) => ({
      error: `Permalink "${p}" must be a path inside the site, not a URL`,
      rule: "permalink-outside-site",
    });
    expect(permalinkUrl("https://example.org/a/")).toEqual(url("https://example.org/a/"));
    expect(permalinkUrl("//example.org/a")).toEqual(url("//example.org/a"));
    expect(permalinkUrl("mailto:a@b.c")).toEqual(url("mailto:a@b.c"));
  });
});

describe("permalinkUrl: what Syllabus generates (the build would crash or overwrite it)", () => {
  const reserved = (p: string, what: string) => ({
    error: `Permalink "${p}" would replace ${what}, which Syllabus generates`,
    rule: "permalink-reserved",
  });

  it("refuses the files Syllabus writes, as files or as folders", () => {
    expect(permalinkUrl("/_headers")).toEqual(reserved("/_headers", "/_headers"));
    expect(permalinkUrl("/_headers/")).toEqual(reserved("/_headers/", "/_headers"));
    expect(permalinkUrl("/robots.txt")).toEqual(reserved("/robots.txt", "/robots.txt"));
    expect(permalinkUrl("/feed.xml")).toEqual(reserved("/feed.xml", "/feed.xml"));
    expect(permalinkUrl("/feed.xml/")).toEqual(reserved("/feed.xml/", "/feed.xml"));
    expect(permalinkUrl("/404.html")).toEqual(reserved("/404.html", "/404.html"));
  });

  it("refuses generated pages and folders, however they are spelled", () => {
    expect(permalinkUrl("/")).toEqual(reserved("/", "/"));
    expect(permalinkUrl("/index.html")).toEqual(reserved("/index.html", "/"));
    expect(permalinkUrl("/graph")).toEqual(reserved("/graph", "/graph/"));
    expect(permalinkUrl("/x/../glossary/index.html")).toEqual(
      reserved("/x/../glossary/index.html", "/glossary/"),
    );
    expect(permalinkUrl("/assets/app.js")).toEqual(reserved("/assets/app.js", "/assets/"));
    expect(permalinkUrl("/social")).toEqual(reserved("/social", "/social/"));
  });

  it("refuses them in another case, which macOS and Windows file systems do not tell apart", () => {
    expect(permalinkUrl("/ROBOTS.TXT")).toEqual(reserved("/ROBOTS.TXT", "/robots.txt"));
    expect(permalinkUrl("/Topics/")).toEqual(reserved("/Topics/", "/topics/"));
  });

  it("refuses a page under a generated file, which would need that file as a folder", () => {
    expect(permalinkUrl("/robots.txt/x/")).toEqual(reserved("/robots.txt/x/", "/robots.txt"));
    expect(permalinkUrl("/Feed.xml/a.json")).toEqual(reserved("/Feed.xml/a.json", "/feed.xml"));
    expect(permalinkUrl("/_HEADERS/")).toEqual(reserved("/_HEADERS/", "/_headers"));
    expect(permalinkUrl("/Pagefind/x/")).toEqual(reserved("/Pagefind/x/", "/pagefind/"));
  });
});

describe("permalinkUrl: characters a published path may not hold", () => {
  const refused = (p: string, c: string) => ({
    error: `Permalink ${JSON.stringify(p)} has the character ${c}, which a published path may not hold`,
    rule: "permalink-characters",
  });

  it("refuses NUL and other control characters, and whitespace", () => {
    expect(permalinkUrl("/a\u0000b/")).toEqual(refused("/a\u0000b/", "U+0000"));
    expect(permalinkUrl("/a\nb/")).toEqual(refused("/a\nb/", "U+000A"));
    expect(permalinkUrl("/a\u0085/")).toEqual(refused("/a\u0085/", "U+0085"));
    expect(permalinkUrl("/a b/")).toEqual(refused("/a b/", "U+0020"));
  });

  it("refuses backslashes, percent-encoding, queries and fragments", () => {
    expect(permalinkUrl("/a\\..\\..\\b/")).toEqual(refused("/a\\..\\..\\b/", '"\\"'));
    expect(permalinkUrl("/%2e%2e/x/")).toEqual(refused("/%2e%2e/x/", '"%"'));
    expect(permalinkUrl("/a/?b=1")).toEqual(refused("/a/?b=1", '"?"'));
    expect(permalinkUrl("/a/#b")).toEqual(refused("/a/#b", '"#"'));
    expect(permalinkUrl('/a"b/')).toEqual(refused('/a"b/', '"""'));
  });

  it("refuses names longer than file systems accept, and very long permalinks", () => {
    const name = "a".repeat(256);
    expect(permalinkUrl(`/${name}/`)).toEqual({
      error: `Permalink "/${name}/" has a name longer than 255 bytes, which file systems do not accept`,
      rule: "permalink-characters",
    });
    expect(permalinkUrl(`/${"é".repeat(200)}/`)).toMatchObject({ rule: "permalink-characters" });
    expect(permalinkUrl(`/${"a/".repeat(600)}`)).toEqual({
      error: "Permalink is 1201 characters long, more than 1024",
      rule: "permalink-characters",
    });
    expect(permalinkUrl(`/${"a".repeat(255)}/`)).toEqual({ url: `/${"a".repeat(255)}/` });
  });
});
