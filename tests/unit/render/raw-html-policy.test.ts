/**
 * The HTML policy through the renderer: a body's rendered HTML is checked as
 * the browser will read it, and each problem is reported where the author
 * wrote it (exact columns in raw HTML, the line after a Nunjucks pass).
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../src/core/diagnostics.js";
import { DEFAULT_UI_STRINGS } from "../../../src/core/ui-strings.js";
import { createMarkdown } from "../../../src/markdown/create-markdown.js";
import { withHtmlPolicy } from "../../../src/markdown/raw-html-check.js";
import { createEnv } from "../../../src/markdown/render-context.js";
import { bodyMarkdown } from "../../../src/render/create-renderer.js";
import { renderBody } from "../../../src/render/render-body.js";
import { renderInlineText } from "../../../src/render/render-inline.js";
import { parseSourceFile } from "../../../src/source/frontmatter.js";
import { bodyRenderer, brief, FRONTMATTER, PATH } from "../../support/render.js";

const render = bodyRenderer();
const GLOSSARY_AT = { file: "content/glossary.md", line: 3, column: 5 };
const ONERROR = 'Attribute "onerror" is not allowed: event handlers would run script';

describe("raw HTML in a body, checked whole", () => {
  it("locates the <img> a --!> comment lets out at its attribute", () => {
    const { diagnostics } = render("Text\n\n<!-- a --!> <img src=x onerror=alert(1)> -->\n");
    expect(brief(diagnostics)).toEqual([`7:24 error unsafe-html ${ONERROR}`]);
  });

  it("locates the <img> an attribute in <noscript> lets out, across inline tokens", () => {
    const { diagnostics } = render(
      'Para <noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript> end\n',
    );
    expect(brief(diagnostics)).toEqual([
      "5:6 error unsafe-html Element <noscript> is not allowed: the site runs with script on, so its content would never show",
      `5:48 error unsafe-html ${ONERROR}`,
    ]);
  });

  it("tells apart two identical tags by their order", () => {
    const { diagnostics } = render(
      "<b>x</b>\n\n<img src=x onerror=a>\n\nand <img src=x onerror=a>\n",
    );
    expect(brief(diagnostics)).toEqual([
      `7:12 error unsafe-html ${ONERROR}`,
      `9:16 error unsafe-html ${ONERROR}`,
    ]);
  });

  it("reports a raw style attribute as {style=…} is, inside a blockquote at its column", () => {
    const { diagnostics } = render('> <div style="color:red">x</div>\n');
    expect(brief(diagnostics)).toEqual([
      `5:8 error attribute-not-allowed Attribute "style" is not allowed: give the element a class, styled by the course's CSS`,
    ]);
  });

  it("reports a <textarea> that would swallow the layout, where it opens", () => {
    const { diagnostics } = render("x\n\n<textarea>\n\nmore\n");
    expect(brief(diagnostics)).toEqual([
      "7:1 error unclosed-html <textarea> is not closed: it would swallow the rest of the page",
    ]);
  });

  it("passes our own HTML beside raw HTML: math, notes, code, figures, headings", () => {
    const { diagnostics } = render(
      '## A heading\n\n<span class="x">raw</span> $\\sqrt{x}$ and $\\overset{a}{b}$.{% sidenote "A note." %}\n\n' +
        "$$\\begin{pmatrix}a&b\\\\c&d\\end{pmatrix}$$\n\n```js\nconst a = 1;\n```\n\n" +
        '![An image](a.png "A caption")\n\n<details><summary>Q</summary>\n\nA\n\n</details>\n',
    );
    expect(diagnostics).toEqual([]);
  });

  it("locates by line after a Nunjucks pass", () => {
    const { diagnostics } = render("{% if true %}\nText\n\n<img src=x onerror=a>\n{% endif %}\n", {
      templates: {},
    });
    expect(brief(diagnostics)).toEqual([`8:12 error unsafe-html ${ONERROR}`]);
  });
});

describe("resources the Content-Security-Policy would block", () => {
  const withEmbeds = (body: string, embeds: string[]) => {
    const { file } = parseSourceFile(PATH, FRONTMATTER + body);
    return renderBody(file, bodyMarkdown(), { ui: DEFAULT_UI_STRINGS, citations: false, embeds });
  };

  it("reports an external Markdown image at its URL, once", () => {
    expect(brief(render("<b>raw</b>\n\n![x](https://other.example/a.png)\n").diagnostics)).toEqual([
      `7:6 error external-resource <img src="https://other.example/a.png"> would be blocked by the site's Content-Security-Policy: only files of the course can be loaded [copy the file into the course and link it with a relative URL]`,
    ]);
  });

  it("allows an iframe from an embeds origin, and names the option for any other", () => {
    const video = '<iframe src="https://www.youtube-nocookie.com/embed/x" title="V"></iframe>\n';
    expect(withEmbeds(video, ["https://www.youtube-nocookie.com"]).diagnostics).toEqual([]);
    expect(brief(withEmbeds(video, []).diagnostics)).toEqual([
      `5:9 error external-resource <iframe src="https://www.youtube-nocookie.com/embed/x"> would be blocked by the site's Content-Security-Policy: list its origin in "embeds" in _data/site.json`,
    ]);
  });
});

describe("every render with raw HTML is checked", () => {
  const AT = { file: "content/glossary.md", line: 3, column: 5 };
  const video = '<iframe src="https://www.youtube-nocookie.com/embed/x" title="V"></iframe>';

  it("checks a glossary definition with the site's embeds", () => {
    const define = (policy?: { embeds: string[] }) => {
      const diagnostics: Diagnostic[] = [];
      renderInlineText(bodyMarkdown(), video, AT, DEFAULT_UI_STRINGS, diagnostics, policy);
      return diagnostics.map((d) => d.rule);
    };
    expect(define({ embeds: ["https://www.youtube-nocookie.com"] })).toEqual([]);
    expect(define()).toEqual(["external-resource"]);
  });

  it("throws, rather than publish raw HTML unchecked, when a render has no context", () => {
    expect(() => createMarkdown().render("<img src=x onerror=alert(1)>\n")).toThrow(
      /without a RenderContext/,
    );
    // Without raw HTML, every tag is ours: nothing to check.
    expect(createMarkdown().render("*x*\n")).toBe("<p><em>x</em></p>\n");
  });

  it("keeps its state on the render's env, under one key", () => {
    const env = withHtmlPolicy(
      createEnv({ file: "a.md", diagnostics: [], toc: [], locate: () => AT }),
      { embeds: [] },
    );
    createMarkdown().render("<div>x</div>\n", env);
    expect(env.syllabusRawHtml).toMatchObject({ depth: 0, policy: { embeds: [] } });
    expect((env.syllabusRawHtml as { tokens: unknown[] }).tokens).toHaveLength(1);
  });
});

describe("raw HTML a browser builds differently from the check's parser (red-team F1–F3)", () => {
  const SELECT =
    "Element <select> is not allowed: browsers disagree about what it may hold, so it cannot be checked";
  const dropped = (name: string) =>
    `The tag <${name}> is not allowed here: the parser drops it, but a browser may keep it`;

  it.each([
    [
      '<select><meta http-equiv="refresh" content="0;url=https://evil.example/"></select>\n',
      [`5:1 error unsafe-html ${SELECT}`, `5:9 error unsafe-html ${dropped("meta")}`],
    ],
    [
      '<select><form action="https://evil.example/c"></select>\n',
      [`5:1 error unsafe-html ${SELECT}`, `5:9 error unsafe-html ${dropped("form")}`],
    ],
    [
      "<select><button><img src=x onerror=alert(1)></button></select>\n",
      [
        `5:1 error unsafe-html ${SELECT}`,
        `5:9 error unsafe-html ${dropped("button")}`,
        `5:17 error unsafe-html ${dropped("img")}`,
      ],
    ],
    [
      "Before <select><plaintext></select> after\n",
      [`5:8 error unsafe-html ${SELECT}`, `5:16 error unsafe-html ${dropped("plaintext")}`],
    ],
  ])("refuses <select> and what the parser drops in it: %s", (body, expected) => {
    expect(brief(render(body).diagnostics)).toEqual(expected);
  });

  it("reports an end tag that moves what follows out of the article, naming what it closes", () => {
    expect(brief(render("Text </div></article></div></main><h1>OUT</h1>\n").diagnostics)).toEqual([
      "5:35 error unclosed-html This closes the <main> the HTML is placed in: what follows it would be outside",
    ]);
    expect(brief(render("Text </div><h1>OUT</h1>\n").diagnostics)).toEqual([
      '5:12 error unclosed-html This closes the <div class="article-body"> the HTML is placed in: what follows it would be outside',
    ]);
  });

  it("reports the same from a sidenote's text and a table cell", () => {
    expect(
      brief(render('Text{% sidenote "a </span></div></article><h1>OUT</h1>" %}\n').diagnostics),
    ).toEqual([
      "5:43 error unclosed-html This closes the <article> the HTML is placed in: what follows it would be outside",
    ]);
    expect(
      brief(
        render("| a | b |\n|---|---|\n| x </td></tr></table></div><h1>OUT</h1> | y |\n")
          .diagnostics,
      ),
    ).toEqual([
      '7:29 error unclosed-html This closes the <div class="article-body"> the HTML is placed in: what follows it would be outside',
      // The table's own next cell, now outside the table the raw </table> closed.
      "7:5 error unsafe-html The tag <td> is not allowed here: the parser drops it, but a browser may keep it",
    ]);
  });

  it("checks a glossary definition inside its <dd>", () => {
    const diagnostics: Diagnostic[] = [];
    renderInlineText(
      bodyMarkdown(),
      "a </dd></div></dl><h1>OUT</h1>",
      GLOSSARY_AT,
      DEFAULT_UI_STRINGS,
      diagnostics,
    );
    expect(brief(diagnostics)).toEqual([
      '3:5 error unclosed-html This closes the <dl class="glossary-list"> the HTML is placed in: what follows it would be outside',
    ]);
    const inside: Diagnostic[] = [];
    renderInlineText(bodyMarkdown(), "a <b>bold</b> term", GLOSSARY_AT, DEFAULT_UI_STRINGS, inside);
    expect(inside).toEqual([]);
  });

  it("reports HTML nested too deep once, located, without a stack trace", () => {
    expect(
      brief(render("<div>".repeat(10_000) + "x" + "</div>".repeat(10_000) + "\n").diagnostics),
    ).toEqual([
      "5:1281 error unsafe-html HTML nested more than 256 elements deep is not allowed: browsers build such a tree differently",
    ]);
  });
});
