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
    expect(permalinkUrl("/index.html")).toEqual({ url: "/" });
  });

  it("publishes a file with an extension as that file", () => {
    expect(permalinkUrl("x.json")).toEqual({ url: "/x.json" });
    expect(permalinkUrl("/feed.xml")).toEqual({ url: "/feed.xml" });
  });

  it("treats a dot inside a directory name as part of a directory", () => {
    expect(permalinkUrl("/a/b.c/d")).toEqual({ url: "/a/b.c/d/" });
  });

  it("publishes the root", () => {
    expect(permalinkUrl("/")).toEqual({ url: "/" });
  });

  it("normalises `.`, `..` and repeated slashes that stay inside the site", () => {
    expect(permalinkUrl("./a/./b")).toEqual({ url: "/a/b/" });
    expect(permalinkUrl("a/../b/")).toEqual({ url: "/b/" });
    expect(permalinkUrl("a//b")).toEqual({ url: "/a/b/" });
  });

  it("refuses a path that climbs out of _site/", () => {
    expect(permalinkUrl("../x")).toEqual({ error: 'Permalink "../x" would write outside _site/' });
    expect(permalinkUrl("a/../../b")).toEqual({
      error: 'Permalink "a/../../b" would write outside _site/',
    });
    expect(permalinkUrl("/../etc/passwd")).toEqual({
      error: 'Permalink "/../etc/passwd" would write outside _site/',
    });
  });

  it("refuses URLs", () => {
    expect(permalinkUrl("https://example.org/a/")).toEqual({
      error: 'Permalink "https://example.org/a/" must be a path inside the site, not a URL',
    });
    expect(permalinkUrl("//example.org/a")).toEqual({
      error: 'Permalink "//example.org/a" must be a path inside the site, not a URL',
    });
    expect(permalinkUrl("mailto:a@b.c")).toEqual({
      error: 'Permalink "mailto:a@b.c" must be a path inside the site, not a URL',
    });
  });
});
