/**
 * Invalid courses: every problem is reported in one run, as the build prints
 * it (`file:line:column: severity: message (rule)` and a hint line), sorted by
 * file then position, and nothing is written. Fixtures: tests/fixtures/core/invalid-*.
 */
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatReport } from "../../src/core/diagnostics.js";
import { buildFixture, checkFixture, type BuiltSite, report } from "./harness.js";

function summary(lines: string[]): string {
  const count = (severity: string) => lines.filter((l) => l.includes(`: ${severity}: `)).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(count("error"), "error")}, ${plural(count("warning"), "warning")}`;
}

const built: BuiltSite[] = [];
afterAll(() => {
  for (const site of built) rmSync(path.dirname(site.outDir), { recursive: true, force: true });
});

async function failedBuild(name: string): Promise<BuiltSite> {
  const site = await buildFixture(name);
  built.push(site);
  expect(site.ok).toBe(false);
  // Nothing was written: not the site, not its staging folder.
  expect(existsSync(site.outDir)).toBe(false);
  expect(existsSync(`${site.outDir}.staging`)).toBe(false);
  return site;
}

/** The build fails, reports exactly `expected` (sorted), prints it with a summary, and the check command agrees. */
async function expectReport(name: string, expected: string[]): Promise<void> {
  const site = await failedBuild(name);
  expect(report(site.diagnostics)).toEqual(expected);
  expect(formatReport(site.diagnostics)).toBe(`${expected.join("\n")}\n${summary(expected)}\n`);
  expect(report(checkFixture(name).diagnostics)).toEqual(expected);
}

describe("invalid frontmatter (core/invalid-frontmatter)", () => {
  it("reports every frontmatter problem of every file in one run, sorted by file then line", async () => {
    await expectReport("core/invalid-frontmatter", [
      'content/about.md:3:1: warning: Unknown frontmatter key "block"; it is ignored (frontmatter-unknown-key)',
      'content/topics/bad-block.md:4:8: warning: Block "fundations" is not listed in _data/blocks.json; its title is made from its slug (block-unknown)\n  hint: did you mean "foundations"?',
      'content/topics/bad-difficulty-typo.md:4:13: error: Unexpected difficulty "intermedate", expected one of: introductory, intermediate, advanced (frontmatter-schema)\n  hint: did you mean "intermediate"?',
      'content/topics/bad-difficulty.md:4:13: error: Unexpected difficulty "hard", expected one of: introductory, intermediate, advanced (frontmatter-schema)',
      'content/topics/bad-glossary.md:5:5: error: Missing required field "glossary[0].definition" (frontmatter-schema)',
      'content/topics/bad-prerequisite-number.md:5:5: error: Unexpected prerequisite a number 42, expected a slug, a path like "/topics/<slug>/", or a map with "url" (and optionally "title") (frontmatter-schema)',
      'content/topics/bad-prerequisite-urls.md:5:5: error: Prerequisite URL "javascript:alert(1)" is not a site-relative path: a prerequisite must be an article of this course ("/topics/<slug>/") (prerequisite-shape)',
      'content/topics/bad-prerequisite-urls.md:6:5: error: Prerequisite "/about/" is not an article: expected a path like "/topics/<slug>/" (prerequisite-shape)',
      'content/topics/bad-prerequisite-urls.md:8:10: error: Prerequisite URL "javascript:alert(1)" is not a site-relative path: a prerequisite must be an article of this course ("/topics/<slug>/") (prerequisite-shape)',
      'content/topics/bad-prerequisite-urls.md:9:5: error: Unknown prerequisite "atention": no article has this slug (prerequisite-unknown)\n  hint: did you mean "attention"?',
      'content/topics/bad-prerequisite-urls.md:11:10: error: Prerequisite url "attention" is not a site-relative path (prerequisite-shape)\n  hint: did you mean "/topics/attention/"?',
      "content/topics/duplicate-key.md:4:1: error: Malformed YAML in frontmatter: Map keys must be unique (frontmatter-yaml)",
      'content/topics/empty-title.md:2:8: error: Field "title" must not be empty (frontmatter-schema)',
      "content/topics/list-frontmatter.md:2:1: error: Frontmatter must be a YAML mapping of keys to values (frontmatter-yaml)",
      'content/topics/malformed-yaml.md:2:23: error: Malformed YAML in frontmatter: Missing closing "quote (frontmatter-yaml)',
      'content/topics/missing-fields.md:1:1: error: Missing required field "title" (frontmatter-schema)',
      'content/topics/missing-fields.md:1:1: error: Missing required field "description" (frontmatter-schema)',
      'content/topics/title-type.md:2:8: error: Expected "title" to be a string, found a number 42 (frontmatter-schema)',
      'content/topics/title-type.md:4:8: error: Expected "order" to be a number, found the string "first" (frontmatter-schema)',
    ]);
  });
});

describe("invalid URLs (core/invalid-urls)", () => {
  it("reports duplicate URLs naming the other file, bad slugs and permalinks outside the site", async () => {
    await expectReport("core/invalid-urls", [
      "content/references.md:1:1: error: URL /references/ is already claimed by a page Syllabus generates (duplicate-url)",
      "content/topics/a/index.md:1:1: error: URL /topics/a/ is already claimed by content/topics/a.md (duplicate-url)",
      "content/topics/b.md:4:1: error: URL /topics/a/ is already claimed by content/topics/a.md (duplicate-url)",
      'content/topics/bad.slug.md:1:1: error: Article slug "bad.slug" is not a valid URL segment: use letters, digits and dashes (article-slug)',
      'content/topics/external.md:4:12: error: Permalink "https://example.org/elsewhere/" must be a path inside the site, not a URL (permalink-outside-site)',
      'content/topics/outside.md:4:12: error: Permalink "../../outside/" would write outside _site/ (permalink-outside-site)',
    ]);
  });
});

describe("invalid article bodies (core/invalid-body)", () => {
  it("reports every shortcode, HTML, link, TeX and Nunjucks problem at its line and column, in one run", async () => {
    await expectReport("core/invalid-body", [
      "content/topics/shortcodes.md:8:1: error: {% endpause %} without a {% pause %} before it (shortcode-unopened)",
      'content/topics/shortcodes.md:10:21: error: {% sidenote %} takes one quoted string, found 0: write {% sidenote "text" %} (shortcode-arguments)',
      'content/topics/shortcodes.md:12:18: error: {% sidenote %} takes one quoted string, found 2: write {% sidenote "text" %} (shortcode-arguments)',
      'content/topics/shortcodes.md:14:29: warning: In a shortcode string, "\\a" becomes "a" (shortcode-string-escape)\n  hint: write "\\\\a" to keep the backslash (TeX in shortcode strings needs every backslash doubled)',
      'content/topics/shortcodes.md:14:41: warning: In a shortcode string, "\\n" becomes a line break (shortcode-string-escape)\n  hint: write "\\\\n" to keep the backslash (TeX in shortcode strings needs every backslash doubled)',
      "content/topics/shortcodes.md:16:1: error: Unclosed {% pause %}: expected {% endpause %} after it (shortcode-unclosed)",
      "content/topics/tex.md:8:21: error: TeX error: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{a} (math-tex)",
      "content/topics/tex.md:10:40: error: TeX error: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{b} (math-tex)",
      "content/topics/tex.md:13:18: error: TeX error: Expected group as argument to '\\sqrt' at end of input: \\sqrt (math-tex)",
      "content/topics/tex.md:16:9: error: TeX error: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{c} (math-tex)",
      "content/topics/tex.md:19:1: error: TeX error: Expected '\\right', got 'EOF' at end of input: \\left( x (math-tex)",
      "content/topics/unclosed-tags.md:6:17: error: Unclosed tag {% sidenote: expected %} (shortcode-unclosed)",
      "content/topics/unclosed-tags.md:8:1: error: Unclosed {% raw %}: expected {% endraw %} (shortcode-unclosed)\n  hint: close it in the same paragraph; around several paragraphs, put {% raw %} and {% endraw %} on lines of their own",
      'content/topics/unsafe.md:6:30: error: Attribute "onclick" is not allowed: inline event handlers are not allowed (attribute-not-allowed)',
      'content/topics/unsafe.md:8:19: error: Attribute "style" is not allowed: allowed attributes are id, class, lang, dir, title, width, height, role, data-*, aria-* (attribute-not-allowed)',
      'content/topics/unsafe.md:10:10: error: Image "x" does not exist: expected a file at content/topics/unsafe/x (image-missing)',
      'content/topics/unsafe.md:10:12: error: Attribute "onerror" is not allowed: event handlers would run script (unsafe-html)',
      'content/topics/unsafe.md:12:17: error: Image "x" does not exist: expected a file at content/topics/unsafe/x (image-missing)',
      'content/topics/unsafe.md:12:19: error: Attribute "onerror" is not allowed: event handlers would run script (unsafe-html)',
      'content/topics/unsafe.md:14:10: error: Unsafe URL "javascript:alert(1)": only http(s), mailto and relative URLs are allowed (unsafe-url)',
      "content/topics/unsafe.md:16:1: error: Element <script> is not allowed: it would run script (unsafe-html)",
      'content/topics/unsafe.md:18:4: error: Unsafe URL "javascript:alert(1)" in "href": only http(s), mailto and relative URLs are allowed (unsafe-url)',
      'content/topics/unsafe.md:20:10: error: Unsafe URL "javascript:alert(1)": only http(s), mailto and relative URLs are allowed (unsafe-url)',
      'content/topics/unterminated.md:6:20: error: Unterminated string in {% sidenote %} (shortcode-malformed)\n  hint: the string runs on past %}: end it with " before %}, and write a " inside it as \\"',
    ]);
  });
});

describe("an unclosed frontmatter (core/invalid-unclosed-frontmatter)", () => {
  const unclosed =
    "content/topics/unclosed.md:1:1: error: Frontmatter is not closed: expected a line `---` after it (frontmatter-unclosed)";

  // The body is not also parsed as YAML (an earlier version reported a second,
  // frontmatter-yaml error at the body's first line of text).
  it("is the only problem reported, at the file's first line, and nothing is built", async () => {
    const site = await failedBuild("core/invalid-unclosed-frontmatter");
    expect(report(site.diagnostics)).toEqual([unclosed]);
  });
});

// Bodies are data: `{{ in text.` (unclosed-tags.md) is text, which v0.1 reported as an unclosed `{{`.

describe("Nunjucks problems in bodies, with bodyTemplates (core/invalid-templates)", () => {
  // Regression: v0.1 rendered an undefined variable as nothing, and located runtime errors
  // (a missing include, an unclosed if) at the body's first line.
  it("reports every Nunjucks problem at its own line, and shortcode problems where they were written", async () => {
    await expectReport("core/invalid-templates", [
      "content/topics/include.md:8:7: error: Nunjucks: template not found: no-such-partial.njk (nunjucks)",
      "content/topics/nunjucks.md:8:6: error: Nunjucks: unexpected token: }} (nunjucks)",
      "content/topics/runtime.md:8:6: error: Nunjucks: Unable to call `missing`, which is undefined or falsey (nunjucks)",
      'content/topics/shortcodes.md:10:8: error: Unknown shortcode "sidenot" (shortcode-unknown)\n  hint: did you mean "sidenote"?',
      "content/topics/shortcodes.md:10:63: error: TeX error: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1} (math-tex)",
      "content/topics/unclosed-if.md:8:1: error: Nunjucks: parseIf: expected elif, else, or endif, got end of file (nunjucks)",
      'content/topics/undefined.md:8:15: error: Nunjucks: "site.autor" is undefined (nunjucks)',
    ]);
  });
});

describe("shortcode tags that cannot be used (core/invalid-rejected-tags)", () => {
  const expected = [
    "content/topics/malformed.md:6:29: error: Expected a comma between arguments in {% sidenote %}: arguments are quoted strings separated by commas (shortcode-malformed)",
    'content/topics/unknown.md:6:25: error: Unknown shortcode "sidenot" (shortcode-unknown)\n  hint: did you mean "sidenote"?',
    'content/topics/with-nunjucks.md:6:8: error: Unknown shortcode "sidenot" (shortcode-unknown)\n  hint: did you mean "sidenote"?',
  ];

  // A rejected tag's text must not stay in the page: an earlier version let
  // markdown-it-attrs read a tag ending a paragraph as an attribute block
  // ('Attribute "%" is not allowed', …) and Nunjucks fail on it ("unknown block tag").
  it("are each reported once with their own rule, the unknown one with a did-you-mean hint", async () => {
    const site = await failedBuild("core/invalid-rejected-tags");
    expect(report(site.diagnostics)).toEqual(expected);
  });
});

describe("locations after Nunjucks removed lines (core/invalid-nunjucks-lines)", () => {
  it("reports the TeX error", async () => {
    const site = await failedBuild("core/invalid-nunjucks-lines");
    expect(site.diagnostics.map((d) => [d.file, d.rule])).toEqual([
      ["content/topics/hidden.md", "math-tex"],
    ]);
  });

  // Regression: line numbers were once mapped back through a line map built before
  // Nunjucks ran, so an `{% if false %}` block that rendered no lines shifted everything
  // after it: this error on line 11 was reported as "content/topics/hidden.md:8:1".
  it("locates a problem after an {% if false %} block at its own line", async () => {
    const site = await failedBuild("core/invalid-nunjucks-lines");
    expect(report(site.diagnostics)).toEqual([
      "content/topics/hidden.md:11:9: error: TeX error: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{a} (math-tex)",
    ]);
  });
});
