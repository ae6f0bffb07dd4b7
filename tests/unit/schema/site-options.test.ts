import { describe, expect, it } from "vitest";
import { loadOptions, resolveOptions } from "../../../src/schema/site-options.js";
import { DEFAULT_UI_STRINGS } from "../../../src/core/ui-strings.js";
import { temporaryCourses } from "../../support/temporary-course.js";

const course = temporaryCourses("options");
const projectWithSite = (json: string) => course({ "_data/site.json": json });

const DEFAULTS = {
  title: "Course",
  description: "",
  branch: "main",
  lang: "en",
  pathPrefix: "/",
  citationStyle: "vancouver",
  brokenLinks: "error",
  socialCards: "course",
  glossaryLinks: false,
  bodyTemplates: false,
  embeds: [],
  publishedFileExtensions: [],
  robots: [],
  ui: DEFAULT_UI_STRINGS,
};

describe("resolveOptions", () => {
  it("fills in every default", () => {
    expect(resolveOptions(undefined)).toStrictEqual(DEFAULTS);
    expect(resolveOptions({})).toStrictEqual(DEFAULTS);
    expect(resolveOptions(null)).toStrictEqual(DEFAULTS);
  });

  it("keeps given values and merges UI overrides over the defaults", () => {
    const options = resolveOptions({
      title: "Linear Algebra",
      url: "https://example.org",
      ui: { sidenote: "Note" },
    });
    expect(options.title).toBe("Linear Algebra");
    expect(options.url).toBe("https://example.org");
    expect(options.ui.sidenote).toBe("Note");
    expect(options.ui.pauseAndThink).toBe("Pause and think");
    expect(Object.keys(options.ui)).toEqual(Object.keys(DEFAULT_UI_STRINGS));
  });

  it("does not change the shared default UI strings", () => {
    resolveOptions({ ui: { home: "Start" } });
    expect(DEFAULT_UI_STRINGS.home).toBe("Home");
  });

  it("throws on invalid options", () => {
    expect(() => resolveOptions({ title: 5 })).toThrow();
  });
});

describe("loadOptions", () => {
  it("warns about an unknown key, with a did-you-mean hint", () => {
    const root = projectWithSite('{\n  "title": "T",\n  "citationstyle": "apa"\n}\n');
    expect(loadOptions(root).diagnostics).toEqual([
      {
        file: "_data/site.json",
        line: 3,
        column: 3,
        severity: "warning",
        rule: "site-options-unknown-key",
        message: 'Unknown site option "citationstyle"; it is ignored',
        hint: 'did you mean "citationStyle"?',
      },
    ]);
  });

  it("takes robots.txt lines one line each", () => {
    const root = projectWithSite('{"robots": ["Disallow: /a/", "Disallow: /b/\\nAllow: /"]}');
    expect(loadOptions(root).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '1:30 Unexpected robots[1] "Disallow: /b/\\nAllow: /", expected one line of robots.txt, such as "Disallow: /drafts/"',
    ]);
  });

  it("refuses in publishedFileExtensions the kinds Syllabus checks or refuses itself", () => {
    const listed = [
      ".stl",
      ".js",
      ".mjs",
      ".xhtml",
      ".xml",
      ".njk",
      ".html",
      ".SVG",
      ".md",
      ".11ty.js",
      ".gz",
      ".br",
    ];
    const { options, diagnostics } = loadOptions(
      projectWithSite(JSON.stringify({ publishedFileExtensions: listed })),
    );
    expect(options.publishedFileExtensions).toEqual([]);
    const expected =
      "expected a kind of file nothing runs, other than those Syllabus checks or refuses itself (.md, .html, .svg, scripts, templates, .gz, .br)";
    expect(diagnostics.map((d) => d.message)).toEqual(
      listed
        .slice(1)
        .map((ext, i) => `Unexpected publishedFileExtensions[${i + 1}] "${ext}", ${expected}`),
    );
    expect(
      loadOptions(projectWithSite('{"publishedFileExtensions": [".stl", ".obj"]}')).options
        .publishedFileExtensions,
    ).toEqual([".stl", ".obj"]);
  });

  it("takes embeds as bare origins only, lower-cased without the trailing slash", () => {
    const refused = [
      "https://a.com;sandbox",
      "https://a.com; script-src *",
      "https://a.com,b",
      "https://*.a.com",
      "https://a.com/path",
      "https://user@a.com",
      "javascript:alert(1)",
      "https://a.com/?x",
    ];
    const { diagnostics } = loadOptions(projectWithSite(JSON.stringify({ embeds: refused })));
    expect(diagnostics.map((d) => d.message)).toEqual(
      refused.map(
        (value, i) =>
          `Unexpected embeds[${i}] ${JSON.stringify(value)}, expected an origin such as https://www.youtube-nocookie.com`,
      ),
    );
    const accepted = loadOptions(
      projectWithSite('{"embeds": ["https://www.YouTube-nocookie.com/", "http://localhost:8080"]}'),
    );
    expect(accepted.diagnostics).toEqual([]);
    expect(accepted.options.embeds).toEqual([
      "https://www.youtube-nocookie.com",
      "http://localhost:8080",
    ]);
  });

  it("uses the defaults when there is no site.json", () => {
    const root = course();
    const { options, diagnostics, locate } = loadOptions(root);
    expect({ options, diagnostics }).toStrictEqual({ options: DEFAULTS, diagnostics: [] });
    expect(locate("title")).toEqual({ file: "_data/site.json", line: 1, column: 1 });
  });

  it("reads site.json and merges UI strings", () => {
    const { options, diagnostics } = loadOptions(
      projectWithSite('{"title":"Mein Kurs","lang":"de","ui":{"pauseAndThink":"Denk nach"}}'),
    );
    expect(diagnostics).toEqual([]);
    expect(options.title).toBe("Mein Kurs");
    expect(options.lang).toBe("de");
    expect(options.ui.pauseAndThink).toBe("Denk nach");
    expect(options.ui.sidenote).toBe("Sidenote");
  });

  it("reports an unknown UI key at the ui key, with a did-you-mean hint", () => {
    const { options, diagnostics } = loadOptions(
      projectWithSite('{\n  "title": "X",\n  "ui": {\n    "pauseAndThnk": "Denk"\n  }\n}'),
    );
    expect(diagnostics).toStrictEqual([
      {
        file: "_data/site.json",
        line: 3,
        column: 3,
        severity: "error",
        rule: "site-options",
        message: 'Unexpected key "pauseAndThnk" in ui',
        hint: 'did you mean "pauseAndThink"?',
      },
    ]);
    expect(options).toStrictEqual(DEFAULTS);
  });

  it("reports values of the wrong type at their keys", () => {
    const { diagnostics } = loadOptions(
      projectWithSite('{\n  "title": "X",\n  "brokenLinks": "fatal",\n  "glossaryLinks": "yes"\n}'),
    );
    expect(diagnostics.map((d) => [d.line, d.column, d.rule, d.message])).toEqual([
      [3, 3, "site-options", 'Unexpected brokenLinks "fatal", expected one of: error, warning'],
      [4, 3, "site-options", 'Expected "glossaryLinks" to be a boolean, found the string "yes"'],
    ]);
    expect(diagnostics.every((d) => d.hint === undefined)).toBe(true);
  });

  it("reports an empty title", () => {
    const { diagnostics } = loadOptions(projectWithSite('{\n  "title": ""\n}'));
    expect(diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [2, 3, 'Field "title" must not be empty'],
    ]);
  });

  it("reports a file that is not an object at its start", () => {
    const { options, diagnostics } = loadOptions(projectWithSite("[1]"));
    expect(options).toStrictEqual(DEFAULTS);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      line: 1,
      column: 1,
      severity: "error",
      rule: "site-options",
    });
  });

  it("reports malformed JSON at its position", () => {
    const { options, diagnostics } = loadOptions(
      projectWithSite('{\n  "title": "X"\n  "lang": "de"\n}'),
    );
    expect(options).toStrictEqual(DEFAULTS);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      file: "_data/site.json",
      line: 3,
      column: 3,
      severity: "error",
      rule: "json-syntax",
    });
    expect(diagnostics[0]?.message).toMatch(/^Malformed JSON: /);
  });
});
