/**
 * The CommonMark 0.31.2 spec examples (npm package `commonmark-spec`),
 * rendered through the whole body pipeline, against markdown-it's own parse.
 *
 * 1. As written: our HTML equals plain markdown-it's, apart from a listed set
 *    of deliberate differences.
 * 2. With words replaced by inline shortcodes: a shortcode is rendered exactly
 *    where markdown-it's parse of the source has that word in text (or in the
 *    text of raw HTML); it is shown as written where the parse has it in code,
 *    math or an HTML comment; it is a located error where its HTML cannot go
 *    (a heading, link text, an image's description, inside an HTML tag).
 * 3. With words replaced by Nunjucks payloads: with `bodyTemplates`, the
 *    payload's value where the parse has anything but code, math or a
 *    comment, the payload as written there; without it, nothing runs.
 *
 * "markdown-it's parse" is plain markdown-it (html on) with our math rule,
 * the only syntax of ours that makes text code-like.
 */
import { appendFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseHTML } from "linkedom";
import MarkdownIt, { type Token } from "markdown-it";
import { describe, expect, it } from "vitest";
import { scanHtml } from "../../../src/core/html-scan.js";
import { LineIndex } from "../../../src/core/text.js";
import { mathPlugin } from "../../../src/markdown/math.js";
import { tmpdir } from "node:os";
import type { Diagnostic } from "../../../src/core/diagnostics.js";
import { createTemplateEnvironment } from "../../../src/render/body-templates.js";
import { bodyMarkdown } from "../../../src/render/create-renderer.js";
import { templateBody } from "../../../src/render/render-body.js";
import { parseSourceFile } from "../../../src/source/frontmatter.js";
import { bodyRenderer } from "../../support/render.js";

interface Example {
  markdown: string;
  html: string;
  number: number;
  section: string;
}
/** With SPEC_DUMP=<file>, every problem is written there in full (the assertion shows the first ones). */
function dump(problems: string[]): void {
  if (process.env.SPEC_DUMP)
    appendFileSync(process.env.SPEC_DUMP, `${problems.join("\n---\n")}\n===\n`);
}

const EXAMPLES = (createRequire(import.meta.url)("commonmark-spec") as { tests: Example[] }).tests;

/** An empty frontmatter, so that an example starting with `---` is read as Markdown, not as frontmatter. */
const FRONTMATTER = "---\n---\n";
const FIRST_LINE = 3;
const render = bodyRenderer();

const plain = new MarkdownIt({ html: true, typographer: true });
const reference = new MarkdownIt({ html: true }).use(mathPlugin);

/** The HTML with what we add on purpose taken away: heading ids and self-links, image loading hints, highlighting. */
function normalize(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const heading of document.querySelectorAll("h1, h2, h3, h4, h5, h6"))
    heading.removeAttribute("id");
  for (const link of [...document.querySelectorAll("a.heading-link")])
    link.replaceWith(...link.childNodes);
  for (const image of document.querySelectorAll("img")) {
    for (const name of ["loading", "decoding", "width", "height"]) image.removeAttribute(name);
  }
  for (const pre of document.querySelectorAll("pre")) {
    pre.removeAttribute("tabindex");
    pre.removeAttribute("class");
  }
  for (const code of document.querySelectorAll("pre > code")) {
    // Highlighting's spans away: the code's text is what both must agree on.
    code.textContent = String(code.textContent);
    if (code.getAttribute("class") === "language-none") code.removeAttribute("class");
  }
  return document.body.innerHTML.replace(/\n/g, "");
}

/** Examples whose HTML differs from plain markdown-it's on purpose, and why. */
const DELIBERATE: Record<number, string> = {
  ...Object.fromEntries(
    [572, 573, 576, 577, 584, 585, 586, 588, 589, 591].map((n) => [
      n,
      "an image with a title, alone in its paragraph, is a figure with the title as its caption",
    ]),
  ),
  ...Object.fromEntries(
    [596, 598, 599, 601].map((n) => [
      n,
      "a link to a scheme other than http(s) or mailto is reported and neutralised (#)",
    ]),
  ),
};

describe("the CommonMark spec examples, as written", () => {
  it(`render as plain markdown-it renders them, apart from ${Object.keys(DELIBERATE).length} deliberate differences`, () => {
    const different = EXAMPLES.filter(
      (example) =>
        normalize(render(example.markdown, {}, FRONTMATTER).html) !==
        normalize(plain.render(example.markdown)),
    ).map((example) => example.number);
    expect(different).toEqual(Object.keys(DELIBERATE).map(Number));
  });
});

/** Where markdown-it's parse has a word. */
type Place =
  | "info"
  | "text"
  | "heading"
  | "link"
  | "image"
  | "html-text"
  | "html-tag"
  | "html-comment"
  | "code"
  | "attribute";

/** Each marker (`W<n>`) found in the reference parse, with where it is. */
function placesOf(markdown: string): Map<string, Place> {
  const places = new Map<string, Place>();
  const note = (text: string, place: Place) => {
    for (const match of text.matchAll(/W\d+\b/g))
      if (!places.has(match[0])) places.set(match[0], place);
  };
  const html = (content: string) => {
    for (const range of scanHtml(content)) {
      const place =
        range.kind === "text"
          ? "html-text"
          : range.kind === "comment"
            ? "html-comment"
            : "html-tag";
      note(content.slice(range.start, range.end), place);
    }
  };
  const inline = (children: Token[], outer: Place | undefined) => {
    let links = 0;
    for (const child of children) {
      if (child.type === "link_open") {
        links++;
        note(`${child.attrGet("href") ?? ""} ${child.attrGet("title") ?? ""}`, "attribute");
      }
      if (child.type === "link_close") links--;
      const here = outer ?? (links > 0 ? "link" : "text");
      if (child.type === "text") note(child.content, here);
      else if (child.type === "code_inline" || child.type === "math_inline")
        note(child.content, "code");
      else if (child.type === "html_inline") html(child.content);
      else if (child.type === "image") {
        note(`${child.attrGet("src") ?? ""} ${child.attrGet("title") ?? ""}`, "attribute");
        inline(child.children ?? [], "image");
      }
    }
  };
  let heading = false;
  for (const token of reference.parse(markdown, {})) {
    if (token.type === "heading_open") heading = true;
    if (token.type === "heading_close") heading = false;
    if (token.type === "inline") inline(token.children ?? [], heading ? "heading" : undefined);
    else if (token.type === "fence" || token.type === "code_block" || token.type === "math_block") {
      note(token.info, "info");
      note(token.content, "code");
    } else if (token.type === "html_block") html(token.content);
  }
  return places;
}

/** Words of an example to replace: its first distinct words of three letters or more. */
function wordsOf(markdown: string, count: number): string[] {
  return [...new Set(markdown.match(/\b[a-z]{3,}\b/g) ?? [])].slice(0, count);
}

/** The example with every occurrence of `word` replaced by a payload made for its occurrence number. */
function substitute(markdown: string, word: string, payload: (id: string) => string) {
  let n = 0;
  const positions = new Map<string, { line: number; column: number }>();
  const index = new LineIndex(markdown);
  const text = markdown.replace(new RegExp(`\\b${word}\\b`, "g"), (_, offset: number) => {
    const id = `W${n++}`;
    const { line, column } = index.position(offset);
    positions.set(id, { line: line + FIRST_LINE - 1, column });
    return payload(id);
  });
  return { text, ids: [...positions.keys()], positions };
}

/** Examples and words to try: two words of each example. */
const TRIALS = EXAMPLES.flatMap((example) =>
  wordsOf(example.markdown, 2).map((word) => ({ example, word })),
);

const SHORTCODES = {
  sidenote: (id: string) => `{% sidenote "${id}" %}`,
  marginnote: (id: string) => `{% marginnote "${id}" %}`,
  cite: (id: string) => `{% cite "${id}" %}`,
};

describe("the spec examples with words replaced by shortcodes", () => {
  for (const [name, payload] of Object.entries(SHORTCODES)) {
    it(`render {% ${name} %} exactly where markdown-it reads text, and nowhere else`, () => {
      const problems: string[] = [];
      for (const { example, word } of TRIALS) {
        const { text, ids, positions } = substitute(example.markdown, word, payload);
        const places = placesOf(text);
        const { document, html, diagnostics } = render(
          text,
          { cite: (call) => `<span class="probe">${call.args[0]?.value ?? ""}</span>` },
          FRONTMATTER,
        );
        const selector = name === "cite" ? ".probe" : `.${name}`;
        const rendered = new Set(
          [...document.querySelectorAll(selector)].map(
            (e) => /W\d+/.exec(e.textContent ?? "")?.[0],
          ),
        );
        const located = (id: string, rule: string) => {
          const at = positions.get(id)!;
          return diagnostics.some((d) => d.rule === rule && d.line === at.line);
        };
        const literal = (id: string) =>
          html.includes(payload(id)) || html.includes(payload(id).replace(/"/g, "&quot;"));
        for (const id of ids) {
          const place = places.get(id);
          const expected =
            place === "text" || place === "html-text"
              ? "rendered"
              : place === "code" || place === "html-comment"
                ? "literal"
                : place === "html-tag"
                  ? "error:shortcode-in-html-tag"
                  : place === "heading" || place === "link" || place === "image"
                    ? "error:shortcode-placement"
                    : place === "attribute"
                      ? "error:shortcode-in-attribute"
                      : "absent";
          const observed: string = rendered.has(id)
            ? "rendered"
            : located(id, "shortcode-placement")
              ? "error:shortcode-placement"
              : located(id, "shortcode-in-html-tag")
                ? "error:shortcode-in-html-tag"
                : located(id, "shortcode-in-attribute")
                  ? "error:shortcode-in-attribute"
                  : literal(id)
                    ? "literal"
                    : "absent";
          // A fence's info string is code that is not shown (its first word names the language).
          if (place === "info" && observed !== "rendered") continue;
          if (observed !== expected) {
            problems.push(
              `example ${example.number} (${example.section}), "${word}" → ${id}: in ${place ?? "nothing"}, expected ${expected}, got ${observed}\n${text}`,
            );
          }
        }
      }
      dump(problems);
      expect(problems).toEqual([]);
    });
  }
});

/** Nunjucks payloads, each with what it renders as. */
const PAYLOADS = {
  expression: { payload: (id: string) => `{{ v${id} }}`, value: (id: string) => `V${id}` },
  tag: {
    payload: (id: string) => `{% if true %}Y${id}{% endif %}`,
    value: (id: string) => `Y${id}`,
  },
  comment: { payload: (id: string) => `{# C${id} #}`, value: () => "" },
  raw: {
    payload: (id: string) => `{% raw %}{{R${id}}}{% endraw %}`,
    value: (id: string) => `{{R${id}}}`,
  },
};

/**
 * The Markdown a Nunjucks pass should make of `text`: each payload replaced by
 * its value, except where markdown-it's parse reads code, math or a comment.
 */
function expectedTemplated(
  markdown: string,
  word: string,
  payload: (id: string) => string,
  value: (id: string) => string,
  places: Map<string, Place>,
) {
  let n = 0;
  return markdown.replace(new RegExp(`\\b${word}\\b`, "g"), () => {
    const id = `W${n++}`;
    const place = places.get(id);
    return place === "code" || place === "info" || place === "html-comment"
      ? payload(id)
      : value(id);
  });
}

const environment = createTemplateEnvironment(tmpdir());

/** Trials whose payload, beside the example's own braces, is not Nunjucks at all (and fails as it would in Eleventy). */
const NOT_NUNJUCKS: Record<number, string> = {
  176: "`<style>p{color:red;}</style>` with `color` replaced: `p{{{ v }}` opens `{{` at the CSS brace",
};

describe("the spec examples with words replaced by Nunjucks", () => {
  for (const [name, { payload, value }] of Object.entries(PAYLOADS)) {
    it(`run the ${name} with bodyTemplates exactly where markdown-it does not read code, math or a comment`, () => {
      const problems: string[] = [];
      for (const { example, word } of TRIALS) {
        if (NOT_NUNJUCKS[example.number]) continue;
        const { text, ids } = substitute(example.markdown, word, payload);
        const context = Object.fromEntries(ids.map((id) => [`v${id}`, `V${id}`]));
        const { file } = parseSourceFile("content/topics/a.md", FRONTMATTER + text);
        const diagnostics: Diagnostic[] = [];
        const templated = templateBody(file, bodyMarkdown(), { environment, context }, diagnostics);
        const expected = expectedTemplated(example.markdown, word, payload, value, placesOf(text));
        if (templated?.text !== expected) {
          problems.push(
            `example ${example.number}, "${word}":\n${text}\n→ expected\n${expected}\n→ got\n${templated?.text ?? JSON.stringify(diagnostics)}`,
          );
        }
      }
      dump(problems);
      expect(problems).toEqual([]);
    });

    it(`run nothing without bodyTemplates: the ${name} is shown as written${name === "comment" ? ", or left out in text" : name === "raw" ? ", without its tags in text" : ""}`, () => {
      const problems: string[] = [];
      for (const { example, word } of TRIALS) {
        const { text, ids } = substitute(example.markdown, word, payload);
        const places = placesOf(text);
        const { html } = render(text, {}, FRONTMATTER);
        const shownAs = (id: string) => {
          const kept = places.get(id) === "code" || places.get(id) === "html-comment";
          return name === "comment"
            ? kept
              ? payload(id)
              : ""
            : name === "raw" && !kept
              ? value(id)
              : payload(id);
        };
        for (const id of ids) {
          const place = places.get(id);
          const shown = shownAs(id);
          if (place === undefined || place === "attribute" || place === "info" || shown === "")
            continue;
          const forms = [shown, shown.replace(/"/g, "&quot;"), encodeURI(shown)];
          if (!forms.some((form) => html.includes(form))) {
            problems.push(
              `example ${example.number}, ${id} in ${place}: expected ${JSON.stringify(shown)}\n${text}\n${html}`,
            );
          }
          if (name === "expression" && html.includes(value(id)))
            problems.push(`example ${example.number}, ${id}: the expression ran\n${text}`);
        }
      }
      dump(problems);
      expect(problems).toEqual([]);
    });
  }
});
