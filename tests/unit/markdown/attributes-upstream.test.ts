/**
 * markdown-it-attrs' own tests, as data (`tests/fixtures/markdown/markdown-it-attrs/cases.json`,
 * extracted from its test.js by `extract.cjs`), run through a markdown-it
 * configured like ours: `html`, our attribute plugin (markdown-it-attrs read
 * strictly and checked against our allowlist, fences rendered by our
 * highlighter). Each must render the HTML the upstream test expects, or be a
 * difference listed here with its reason; a case that does not apply to us
 * (another plugin, other delimiters) is counted with its reason too.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../src/core/diagnostics.js";
import { attributesPlugin, parseAttributeBlock } from "../../../src/markdown/attributes.js";
import { createEnv } from "../../../src/markdown/render-context.js";

interface Render {
  title: string;
  skipped?: string;
  method?: string;
  markdown?: string;
  expected?: string;
  markdownItOptions?: Record<string, unknown> | null;
  plugins?: { plugin: string; options: Record<string, unknown> | string | null }[];
  /** Renderer rules the test replaced itself. */
  ownRenderers?: string[];
  /** Core rules the test added itself. */
  ownCoreRules?: string[];
}

interface Parse {
  title: string;
  src: string;
  start: number;
  options: Record<string, unknown>;
  expected: [string, string][];
}

const FIXTURE = fileURLToPath(
  new URL("../../fixtures/markdown/markdown-it-attrs/cases.json", import.meta.url),
);
const fixture = JSON.parse(readFileSync(FIXTURE, "utf8")) as {
  source: string;
  tests: number;
  renders: Render[];
  parses: Parse[];
};

/** Why a case does not apply to our configuration, if it does not. */
function notApplicable(test: Render | Parse): string | undefined {
  if ("skipped" in test && test.skipped) return test.skipped;
  const render = test as Render;
  const attrs = render.plugins?.find((p) => p.plugin === "markdown-it-attrs")?.options;
  const options = "src" in test ? test.options : attrs;
  if (options && typeof options === "object" && (options.leftDelimiter ?? "{") !== "{")
    return "other delimiters than { }: we use { } only";
  if (options && typeof options === "object" && "allowedAttributeValues" in options)
    return "allowedAttributeValues: we have no filter on values";
  if (options && typeof options === "object" && options.fenceAttrsOnPre === false)
    return "fenceAttrsOnPre: false: a fence's attributes always go on its <pre>";
  const others = render.plugins?.filter((p) => p.plugin !== "markdown-it-attrs") ?? [];
  if (others.length > 0)
    return `needs ${others.map((p) => p.plugin).join(", ")}, not part of our configuration`;
  if (render.method && render.method !== "render") return "renders inline only";
  if (render.ownRenderers?.length)
    return `installs its own renderer for ${render.ownRenderers.join(", ")}, which we replace`;
  if (render.ownCoreRules?.length)
    return `adds a core rule of its own (${render.ownCoreRules.join(", ")})`;
  return undefined;
}

const ALLOWLIST =
  "an attribute outside our allowlist is an error (attribute-not-allowed) and is dropped; markdown-it-attrs keeps it, or with its allowedAttributes option drops it silently";
const HIGHLIGHTER =
  "fences are rendered by our highlighter: Prism's tokens, language aliases (js is javascript, no language is language-none), the language class on the <pre> too, and tabindex=0 so that the keyboard can scroll it";
const SPANS =
  "colspan, rowspan and border are not in our allowlist, so markdown-it-attrs' span calculation (which hides the cells a span covers) never sees them: the table keeps all its cells";
const CSS_MODULE =
  "`..name` (markdown-it-attrs' css-module) is not attribute syntax here, as in Pandoc: the block is text";
const BARE_KEY = "a bare key (`{1}`, `{hidden}`) is not attribute syntax, as in Pandoc: it is text";

/**
 * The cases we render differently on purpose, and why: our HTML (or the
 * expected HTML without the attributes we drop) and the problems we report,
 * as "line rule attribute".
 */
const DIFFERENCES: Record<
  string,
  { why: string[]; errors?: string[] } & ({ ours: string } | { dropped: string[] })
> = {
  "markdown-it-attrs > should support code blocks": {
    why: [ALLOWLIST, HIGHLIGHTER],
    ours: '<pre class="language-none c" id="ii" tabindex="0"><code class="language-none">for i in range(10):\n</code></pre>\n',
    errors: ["1 attribute-not-allowed a"],
  },
  "markdown-it-attrs > should support code blocks with language defined": {
    why: [ALLOWLIST, HIGHLIGHTER],
    ours: '<pre class="language-python c" id="ii" tabindex="0"><code class="language-python"><span class="token keyword">for</span> i <span class="token keyword">in</span> <span class="token builtin">range</span><span class="token punctuation">(</span><span class="token number">10</span><span class="token punctuation">)</span><span class="token punctuation">:</span>\n</code></pre>\n',
    errors: ["1 attribute-not-allowed a"],
  },
  "markdown-it-attrs > should caculate table's colspan and/or rowspan": {
    why: [ALLOWLIST, SPANS],
    ours: "<table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n<th>C</th>\n<th>D</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>11</td>\n<td>111</td>\n<td>1111</td>\n</tr>\n<tr>\n<td>2</td>\n<td>22</td>\n<td>222</td>\n<td>2222</td>\n</tr>\n<tr>\n<td>3</td>\n<td>33</td>\n<td>333</td>\n<td>3333</td>\n</tr>\n</tbody>\n</table>\n<table>\n<thead>\n<tr>\n<th>A</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n<tr>\n<td>2</td>\n</tr>\n<tr>\n<td>3</td>\n</tr>\n</tbody>\n</table>\n<table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n<th>C</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>11</td>\n<td>111</td>\n</tr>\n<tr>\n<td>2</td>\n<td>22</td>\n<td>222</td>\n</tr>\n<tr>\n<td>3</td>\n<td>33</td>\n<td>333</td>\n</tr>\n</tbody>\n</table>\n<table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n<th>C</th>\n<th>D</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>11</td>\n<td>111</td>\n<td>1111</td>\n</tr>\n<tr>\n<td>2</td>\n<td>22</td>\n<td>222</td>\n<td>2222</td>\n</tr>\n<tr>\n<td>3</td>\n<td>33</td>\n<td>333</td>\n<td>3333</td>\n</tr>\n</tbody>\n</table>\n",
    errors: [
      "7 attribute-not-allowed border",
      "3 attribute-not-allowed rowspan",
      "4 attribute-not-allowed colspan",
      "4 attribute-not-allowed rowspan",
      "14 attribute-not-allowed border",
      "10 attribute-not-allowed colspan",
      "21 attribute-not-allowed border",
      "17 attribute-not-allowed rowspan",
      "18 attribute-not-allowed rowspan",
      "28 attribute-not-allowed border",
      "24 attribute-not-allowed colspan",
      "24 attribute-not-allowed colspan",
      "25 attribute-not-allowed rowspan",
      "25 attribute-not-allowed colspan",
      "26 attribute-not-allowed colspan",
    ],
  },
  "markdown-it-attrs > should restrict attributes by allowedAttributes (regex)": {
    why: [ALLOWLIST],
    ours: '<p class="someclass" id="someid">text</p>\n',
    errors: ["1 attribute-not-allowed attr"],
  },
  "markdown-it-attrs > should not throw when getting only allowedAttributes option": {
    why: [ALLOWLIST],
    ours: '<p class="someclass" id="someid">text</p>\n',
    errors: ["1 attribute-not-allowed attr"],
  },
  "markdown-it-attrs fence renderer > should add attributes to <pre> on fenced code blocks": {
    why: [HIGHLIGHTER],
    ours: '<pre class="language-javascript" data-file="index.js" tabindex="0"><code class="language-javascript"><span class="token function">foo</span><span class="token punctuation">(</span><span class="token punctuation">)</span><span class="token punctuation">;</span>\n</code></pre>\n',
  },
  "markdown-it-attrs fence renderer > should keep language class on <code> with no attrs": {
    why: [HIGHLIGHTER],
    ours: '<pre class="language-javascript" tabindex="0"><code class="language-javascript"><span class="token function">foo</span><span class="token punctuation">(</span><span class="token punctuation">)</span><span class="token punctuation">;</span>\n</code></pre>\n',
  },
  "markdown-it-attrs > should add css-modules with {..css-module} double dot notation": {
    why: [CSS_MODULE],
    ours: "<p>some text {..green}</p>\n",
  },
  "markdown-it-attrs > should support classes, css-modules, identifiers and attributes in same {}":
    {
      why: [CSS_MODULE],
      ours: "<p>some text {attr=lorem .class ..css-module #id}</p>\n",
    },
  'markdown-it-attrs > should add css-modules in same css-modules attribute {..c1 ..c2} -> css-module="c1 c2"':
    {
      why: [CSS_MODULE],
      ours: "<p>some text {..c1 ..c2}</p>\n",
    },
  'markdown-it-attrs > should add nested css-modules {..c1.c2} -> css-module="c1.c2"': {
    why: [CSS_MODULE],
    ours: "<p>some text {..c1.c2}</p>\n",
  },
  "markdown-it-attrs > should support {} curlies with length == 3": {
    why: [BARE_KEY],
    ours: "<p>text {1}</p>\n",
  },
  "markdown-it-attrs > should add attributes when {} in end of last inline": {
    why: [ALLOWLIST],
    dropped: ["with"],
    errors: ["1 attribute-not-allowed with"],
  },
  "markdown-it-attrs > should add attributes when {} in last line": {
    why: [ALLOWLIST],
    dropped: ["with"],
    errors: ["2 attribute-not-allowed with"],
  },
  'markdown-it-attrs > should support attributes inside " {attr="lorem ipsum"}': {
    why: [ALLOWLIST],
    dropped: ["attr"],
    errors: ["1 attribute-not-allowed attr"],
  },
  "markdown-it-attrs > should work with typography enabled": {
    why: [ALLOWLIST],
    dropped: ["key"],
    errors: ["1 attribute-not-allowed key"],
  },
  "markdown-it-attrs > should restrict attributes by allowedAttributes (string)": {
    why: [ALLOWLIST],
    dropped: [],
    errors: ["1 attribute-not-allowed attr"],
  },
};

/** The expected HTML without the named attributes. */
function withoutAttributes(html: string, names: string[]): string {
  return names.reduce((out, name) => out.replace(new RegExp(` ${name}="[^"]*"`, "g"), ""), html);
}

/** The attribute parses of utils.getAttrs that are no attribute block for us, and why. */
const PARSE_DIFFERENCES: Record<string, string> = {
  "markdown-it-attrs.utils > should parse {.class ..css-module #id key=val .class.with.dot}": `${CSS_MODULE}; and \`.class.with.dot\` is not one class (Pandoc reads it as three)`,
  'markdown-it-attrs.utils > should parse attributes whose are ignored the key chars(\\t,\\n,\\f,\\s,/,>,",\',=) eg: {gt>=true slash/=trace i\\td "q\\fnu e\'r\\ny"=}':
    "a key is a name (a letter, then letters, digits, -, _, : or .): `gt>`, `slash/`, a key with a tab or a quoted key make the block text, where markdown-it-attrs drops the characters it cannot use",
};

function render(test: Render) {
  const md = new MarkdownIt({ html: true, ...(test.markdownItOptions ?? {}) });
  md.use(attributesPlugin);
  const diagnostics: Diagnostic[] = [];
  const env = createEnv({
    file: "a.md",
    diagnostics,
    toc: [],
    locate: (line) => ({ file: "a.md", line: (line ?? -1) + 1, column: 1 }),
  });
  const html = md.render(test.markdown!, env);
  const name = (d: Diagnostic) => /"([^"]+)"/.exec(d.message)?.[1] ?? d.message;
  return { html, errors: diagnostics.map((d) => `${d.line} ${d.rule} ${name(d)}`) };
}

const renders = fixture.renders.filter((test) => !notApplicable(test));
const parses = fixture.parses.filter((test) => !notApplicable(test));

describe(`markdown-it-attrs' own tests (${fixture.source})`, () => {
  it("reads every test of the file, and says why those that do not apply to us do not", () => {
    expect(fixture.renders.length + fixture.parses.length).toBeGreaterThanOrEqual(fixture.tests);
    const reasons: Record<string, number> = {};
    for (const test of [...fixture.renders, ...fixture.parses]) {
      const why = notApplicable(test);
      if (why) reasons[why] = (reasons[why] ?? 0) + 1;
    }
    expect([renders.length, parses.length]).toEqual([51, 3]);
    expect(reasons).toEqual({
      "other delimiters than { }: we use { } only": 108,
      "no comparison of rendered HTML": 11,
      "not a comparison of rendered HTML (assert.deepEqual)": 6,
      "not a comparison of rendered HTML (assert.equal)": 4,
      "needs markdown-it-multimd-table, not part of our configuration": 2,
      "needs markdown-it-implicit-figures, not part of our configuration": 1,
      "needs markdown-it-container, not part of our configuration": 1,
      "adds a core rule of its own (heading_anchor_test)": 1,
      "installs its own renderer for fence, which we replace": 1,
      "fenceAttrsOnPre: false: a fence's attributes always go on its <pre>": 1,
      "allowedAttributeValues: we have no filter on values": 1,
      // The errorHandler tests: they check how markdown-it-attrs reports its own exceptions.
      "the test's own code failed here: Cannot read properties of null (reading 'error')": 1,
    });
  });

  for (const test of renders) {
    it(test.title, () => {
      const difference = DIFFERENCES[test.title];
      const html = !difference
        ? test.expected
        : "ours" in difference
          ? difference.ours
          : withoutAttributes(test.expected!, difference.dropped);
      expect(render(test)).toEqual({ html, errors: difference?.errors ?? [] });
    });
  }

  for (const test of parses) {
    it(`${test.title} (as parseAttributeBlock)`, () => {
      const ours = parseAttributeBlock(test.src, test.start)?.attrs;
      if (PARSE_DIFFERENCES[test.title]) expect(ours).toBeUndefined();
      else expect(ours).toEqual(test.expected);
    });
  }

  it("lists only differences that are real: each is a test of the file, rendered otherwise upstream", () => {
    for (const [title, difference] of Object.entries(DIFFERENCES)) {
      const test = renders.find((t) => t.title === title);
      expect(test, title).toBeDefined();
      expect(difference.why.length, title).toBeGreaterThan(0);
      if ("ours" in difference) expect(difference.ours, title).not.toBe(test?.expected);
    }
    for (const title of Object.keys(PARSE_DIFFERENCES))
      expect(
        parses.some((t) => t.title === title),
        title,
      ).toBe(true);
  });
});
