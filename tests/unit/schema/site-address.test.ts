/**
 * `url` and `pathPrefix` are checked before anything uses them: a newline in
 * either would add lines to robots.txt, the sitemap or `_headers`.
 */
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/core/diagnostics.js";
import { pathPrefixProblem, siteUrlProblem } from "../../../src/schema/site-address.js";
import { loadOptions } from "../../../src/schema/site-options.js";
import { temporaryCourses } from "../../support/temporary-course.js";

const course = temporaryCourses("site-address");

describe("siteUrlProblem", () => {
  it("accepts an http(s) origin, with or without a path", () => {
    for (const url of [
      "https://example.org",
      "https://example.org/",
      "http://localhost:8080",
      "https://example.org/docs/course",
      "https://sub.example.org/a-b_c.d~e/",
    ])
      expect(siteUrlProblem(url), url).toBeUndefined();
  });

  it("refuses whitespace and control characters anywhere", () => {
    expect(siteUrlProblem("https://example.org\nDisallow: /")).toBe(
      "it has whitespace or a control character",
    );
    expect(siteUrlProblem(" https://example.org")).toBe("it has whitespace or a control character");
    expect(siteUrlProblem("https://example.org/\u0085")).toBe(
      "it has whitespace or a control character",
    );
  });

  it("refuses other schemes, credentials, queries and fragments", () => {
    expect(siteUrlProblem("ftp://example.org")).toBe("it is not an absolute http(s) URL");
    expect(siteUrlProblem("javascript:alert(1)")).toBe("it is not an absolute http(s) URL");
    expect(siteUrlProblem("example.org")).toBe("it is not an absolute http(s) URL");
    expect(siteUrlProblem("https://user:pw@example.org")).toBe("it has a user name or password");
    expect(siteUrlProblem("https://example.org/?a=1")).toBe("it has a query or a fragment");
    expect(siteUrlProblem("https://example.org/#top")).toBe("it has a query or a fragment");
    expect(siteUrlProblem("https://")).toBe("it is not a well-formed URL");
  });

  it("refuses a path that is not clean", () => {
    expect(siteUrlProblem("https://example.org/a/../b")).toBe("its path has a `..` segment");
    expect(siteUrlProblem("https://example.org/a//b")).toBe("its path has an empty segment (`//`)");
    expect(siteUrlProblem("https://example.org/%2e%2e/")).toBe(
      'its path has the character "%"; segments may hold letters, digits and - . _ ~',
    );
    expect(siteUrlProblem("https://example.org/a\\b")).toBe(
      'its path has the character "\\"; segments may hold letters, digits and - . _ ~',
    );
  });
});

describe("pathPrefixProblem", () => {
  it("accepts clean paths, with or without slashes around them", () => {
    for (const prefix of ["/", "", "course", "/course/", "/a/b-c/", "v1.2"])
      expect(pathPrefixProblem(prefix), prefix).toBeUndefined();
  });

  it("refuses what would change the meaning of a URL or a _headers rule", () => {
    expect(pathPrefixProblem("/a\n/*")).toBe(
      "the path prefix has the character U+000A; segments may hold letters, digits and - . _ ~",
    );
    expect(pathPrefixProblem("/../")).toBe("the path prefix has a `..` segment");
    expect(pathPrefixProblem("/a//b/")).toBe("the path prefix has an empty segment (`//`)");
    expect(pathPrefixProblem("//cdn.example/")).toBe("the path prefix has an empty segment (`//`)");
    expect(pathPrefixProblem("/a?b/")).toMatch(/character "\?"/);
    expect(pathPrefixProblem("/a#b/")).toMatch(/character "#"/);
    expect(pathPrefixProblem("/a\\b/")).toMatch(/character "\\"/);
    expect(pathPrefixProblem("/%2e%2e/")).toMatch(/character "%"/);
    expect(pathPrefixProblem("/a b/")).toMatch(/character U\+0020/);
  });
});

describe("loadOptions: url and pathPrefix", () => {
  it("reports a url with a newline at its key, on one line", () => {
    const root = course({
      "_data/site.json": '{\n  "title": "T",\n  "url": "https://example.org\\nDisallow: /"\n}\n',
    });
    const { options, diagnostics } = loadOptions(root);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      '_data/site.json:3:3: error: Unexpected url "https://example.org\\nDisallow: /", expected the site\'s http(s) address such as https://example.org (it has whitespace or a control character) (site-options)',
    ]);
    expect(options.url).toBeUndefined();
  });

  it("reports a pathPrefix with a newline at its key, and uses / meanwhile", () => {
    const root = course({ "_data/site.json": '{"pathPrefix": "/a\\n/*\\n  X: y"}' });
    const { options, diagnostics } = loadOptions(root);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      '_data/site.json:1:2: error: Unexpected pathPrefix "/a\\n/*\\n  X: y", expected a path such as /course/ (the path prefix has the character U+000A; segments may hold letters, digits and - . _ ~) (site-options)',
    ]);
    expect(options.pathPrefix).toBe("/");
  });

  it("normalises a valid pathPrefix", () => {
    const root = course({
      "_data/site.json": '{"pathPrefix": "course", "url": "https://example.org/"}',
    });
    expect(loadOptions(root)).toMatchObject({
      diagnostics: [],
      options: { pathPrefix: "/course/", url: "https://example.org/" },
    });
  });
});
