import { describe, expect, it } from "vitest";
import {
  isHttpUrl,
  isSafeImageSource,
  isSafeLink,
  isSiteRelativePath,
  isValidSlug,
  slugFromTopicPath,
  topicUrl,
  urlScheme,
} from "../../../src/core/urls.js";

describe("topicUrl", () => {
  it("is /topics/<slug>/", () => {
    expect(topicUrl("linear-algebra")).toBe("/topics/linear-algebra/");
  });
});

describe("slugFromTopicPath", () => {
  it("reads the slug with or without the trailing slash", () => {
    expect(slugFromTopicPath("/topics/first/")).toBe("first");
    expect(slugFromTopicPath("/topics/first")).toBe("first");
  });

  it("round-trips topicUrl", () => {
    expect(slugFromTopicPath(topicUrl("a_b-1"))).toBe("a_b-1");
  });

  it("is undefined for other paths", () => {
    expect(slugFromTopicPath("/topics/")).toBeUndefined();
    expect(slugFromTopicPath("/topics/a/b/")).toBeUndefined();
    expect(slugFromTopicPath("/about/")).toBeUndefined();
    expect(slugFromTopicPath("topics/a/")).toBeUndefined();
    expect(slugFromTopicPath("/topics/a/?x=1")).toBeUndefined();
    expect(slugFromTopicPath("/topics/a#x")).toBeUndefined();
  });
});

describe("isValidSlug", () => {
  it("accepts letters and digits joined by single dashes or underscores", () => {
    for (const slug of ["a", "first", "linear-algebra", "a_b", "Part-2", "x1-y2_z3"])
      expect(isValidSlug(slug), slug).toBe(true);
  });

  it("rejects empty, leading/trailing/double separators, spaces, dots and slashes", () => {
    for (const slug of ["", "-a", "a-", "a--b", "a_-b", "a b", "a.b", "a/b", "é"])
      expect(isValidSlug(slug), slug).toBe(false);
  });
});

describe("urlScheme", () => {
  it("is the lower-cased scheme without the colon", () => {
    expect(urlScheme("https://example.org")).toBe("https");
    expect(urlScheme("JavaScript:alert(1)")).toBe("javascript");
    expect(urlScheme("mailto:a@b.c")).toBe("mailto");
    expect(urlScheme("svn+ssh://host")).toBe("svn+ssh");
  });

  it("ignores the control characters and whitespace browsers ignore", () => {
    expect(urlScheme("java\tscript:alert(1)")).toBe("javascript");
    expect(urlScheme("java\nscript:alert(1)")).toBe("javascript");
    expect(urlScheme(" \u0000javascript:alert(1)")).toBe("javascript");
    expect(urlScheme("jav\u007fascript:x")).toBe("javascript");
  });

  it("is undefined for relative URLs", () => {
    expect(urlScheme("/topics/a/")).toBeUndefined();
    expect(urlScheme("#section")).toBeUndefined();
    expect(urlScheme("../a:b")).toBeUndefined();
    expect(urlScheme("a/b:c")).toBeUndefined();
    expect(urlScheme("?q=a:b")).toBeUndefined();
    expect(urlScheme("")).toBeUndefined();
  });

  it("needs a letter first", () => {
    expect(urlScheme("1http://x")).toBeUndefined();
  });
});

describe("isSafeLink", () => {
  it("allows relative, http(s) and mailto links", () => {
    for (const url of [
      "/a/",
      "a.html",
      "#x",
      "?q",
      "http://x.org",
      "HTTPS://X.ORG",
      "mailto:a@b.c",
      "",
    ])
      expect(isSafeLink(url), url).toBe(true);
  });

  it("rejects script and other schemes, however they are disguised", () => {
    for (const url of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "java\tscript:alert(1)",
      " javascript:x",
      "vbscript:x",
      "data:text/html,<script>",
      "ftp://x.org",
      "file:///etc/passwd",
    ]) {
      expect(isSafeLink(url), url).toBe(false);
    }
  });
});

describe("isSafeImageSource", () => {
  it("allows safe links", () => {
    expect(isSafeImageSource("/img/a.png")).toBe(true);
    expect(isSafeImageSource("https://x.org/a.png")).toBe(true);
  });

  it("allows inline raster images", () => {
    for (const type of ["png", "gif", "jpg", "jpeg", "webp", "avif", "PNG"]) {
      expect(isSafeImageSource(`data:image/${type};base64,AAAA`), type).toBe(true);
    }
  });

  it("rejects inline SVG and other data URLs, and script URLs", () => {
    expect(isSafeImageSource("data:image/svg+xml;base64,AAAA")).toBe(false);
    expect(isSafeImageSource("data:text/html;base64,AAAA")).toBe(false);
    expect(isSafeImageSource("javascript:alert(1)")).toBe(false);
  });
});

describe("isSiteRelativePath", () => {
  it("is true for paths starting with one slash", () => {
    expect(isSiteRelativePath("/")).toBe(true);
    expect(isSiteRelativePath("/topics/a/")).toBe(true);
    expect(isSiteRelativePath("/a:b")).toBe(true);
  });

  it("is false for protocol-relative, relative and absolute URLs", () => {
    expect(isSiteRelativePath("//evil.example/")).toBe(false);
    expect(isSiteRelativePath("topics/a/")).toBe(false);
    expect(isSiteRelativePath("../a/")).toBe(false);
    expect(isSiteRelativePath("https://x.org/")).toBe(false);
  });
});

describe("isHttpUrl", () => {
  it("accepts well-formed http(s) URLs", () => {
    expect(isHttpUrl("https://example.org/a?b#c")).toBe(true);
    expect(isHttpUrl("http://localhost:8080")).toBe(true);
    expect(isHttpUrl("HTTPS://EXAMPLE.ORG")).toBe(true);
  });

  it("rejects other schemes, relative URLs and malformed URLs", () => {
    expect(isHttpUrl("ftp://example.org")).toBe(false);
    expect(isHttpUrl("mailto:a@b.c")).toBe(false);
    expect(isHttpUrl("/relative")).toBe(false);
    expect(isHttpUrl("https://")).toBe(false);
    expect(isHttpUrl("http://exa mple.org")).toBe(false);
  });
});
