import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../src/core/diagnostics.js";
import { isAllowedAttribute } from "../../../src/markdown/attributes.js";
import { createMarkdown } from "../../../src/markdown/create-markdown.js";
import { createEnv, type TocEntry } from "../../../src/markdown/render-context.js";

const md = createMarkdown();
const FILE = "content/topics/a.md";

/**
 * Renders with a context whose `locate` maps markdown-it's 0-based lines to
 * 1-based lines of `source` (column of the needle, else 1). An unknown line
 * is reported as line 0, so that tests can tell it apart.
 */
function render(source: string) {
  const diagnostics: Diagnostic[] = [];
  const toc: TocEntry[] = [];
  const lines = source.split("\n");
  const env = createEnv({
    file: FILE,
    diagnostics,
    toc,
    locate: (line, needle) => {
      if (line === undefined) return { file: FILE, line: 0, column: 0 };
      const text = lines[line] ?? "";
      const found = needle ? text.indexOf(needle) : -1;
      return { file: FILE, line: line + 1, column: found >= 0 ? found + 1 : 1 };
    },
  });
  const html = md.render(source, env);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return { html, diagnostics, toc, document };
}

/** `line:column rule message`, for compact assertions. */
const brief = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`);

const annotations = (document: Document) =>
  [...document.querySelectorAll("annotation")].map((a) => a.textContent);

describe("math", () => {
  it("renders $x$ inline with KaTeX, keeping the TeX as an annotation", () => {
    const { document, diagnostics } = render("Let $x$ be.");
    expect(diagnostics).toEqual([]);
    const p = document.querySelector("p")!;
    expect(p.querySelectorAll(".katex")).toHaveLength(1);
    expect(p.querySelector(".katex-display")).toBeNull();
    expect(p.querySelector("math")).not.toBeNull();
    expect(annotations(document)).toEqual(["x"]);
    expect(p.firstChild?.textContent).toBe("Let ");
  });

  it("renders a $$ … $$ block as display math in a div", () => {
    const { document, diagnostics } = render("Text\n\n$$\nx^2 +\ny^2\n$$\n\nafter");
    expect(diagnostics).toEqual([]);
    const block = document.querySelector("body > div.math-display");
    expect(block).not.toBeNull();
    expect(block?.querySelector(".katex-display")).not.toBeNull();
    expect(annotations(document)).toEqual(["x^2 +\ny^2"]);
    expect([...document.querySelectorAll("p")].map((p) => p.textContent)).toEqual([
      "Text",
      "after",
    ]);
  });

  it("renders a one-line $$x$$ block", () => {
    const { document } = render("$$x^2$$\n");
    expect(document.querySelector("body > div.math-display .katex-display")).not.toBeNull();
    expect(annotations(document)).toEqual(["x^2"]);
  });

  it("renders $$x$$ inside a paragraph as display math in a span", () => {
    const { document } = render("a $$x$$ b\n");
    const span = document.querySelector("p > span.math-display");
    expect(span?.querySelector(".katex-display")).not.toBeNull();
    expect(document.querySelector("div")).toBeNull();
  });

  it("leaves prices alone: $5 and $10", () => {
    const { document, diagnostics } = render("costs $5 and $10 total\n");
    expect(diagnostics).toEqual([]);
    expect(document.querySelector(".katex")).toBeNull();
    expect(document.querySelector("p")?.textContent).toBe("costs $5 and $10 total");
  });

  it("shows an escaped dollar as a dollar", () => {
    const { document } = render("price \\$5 and $x$\n");
    expect(document.querySelectorAll(".katex")).toHaveLength(1);
    expect(document.querySelector("p")?.textContent?.startsWith("price $5 and ")).toBe(true);
  });

  it("reports a TeX error at its line and column and shows the TeX as code", () => {
    const { document, diagnostics } = render("line one\n\nline $\\frac{1}$ here\n");
    expect(document.querySelector("p:nth-of-type(2) > code.math-error")?.textContent).toBe(
      "\\frac{1}",
    );
    expect(diagnostics).toStrictEqual([
      {
        file: FILE,
        line: 3,
        column: 7,
        severity: "error",
        rule: "math-tex",
        message:
          "TeX error: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}",
      },
    ]);
  });

  it("locates a TeX error on a later line of a paragraph", () => {
    const { diagnostics } = render("one\ntwo\nthree $\\frac{1}$\n");
    expect(diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([[3, 8, "math-tex"]]);
  });

  it("locates a TeX error in a list item and in a blockquote", () => {
    expect(render("- item\n- $\\frac{1}$\n").diagnostics.map((d) => [d.line, d.column])).toEqual([
      [2, 4],
    ]);
    expect(render("> a\n> $\\frac{1}$\n").diagnostics.map((d) => [d.line, d.column])).toEqual([
      [2, 4],
    ]);
  });

  it("reports a TeX error in a display block at the block's first line and shows a pre", () => {
    const { document, diagnostics } = render("a\n\n$$\n\\badcommand{x}\n$$\n");
    expect(document.querySelector("pre.math-error > code.math-error")?.textContent).toBe(
      "\\badcommand{x}",
    );
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      line: 3,
      column: 1,
      severity: "error",
      rule: "math-tex",
    });
    expect(diagnostics[0]?.message).toMatch(
      /^TeX error: Undefined control sequence: \\badcommand at position 1: /,
    );
  });

  it("escapes the TeX shown after an error", () => {
    const { document, html } = render("$\\frac{<b>}$\n");
    expect(document.querySelector("b")).toBeNull();
    expect(html).toContain("\\frac{&lt;b&gt;}");
  });

  it("renders without a context, dropping problems silently", () => {
    expect(md.render("$\\frac{1}$")).toBe('<p><code class="math-error">\\frac{1}</code></p>\n');
  });

  // Regression: markdown-it turns line breaks inside a code span into spaces, and the inline-lines
  // rule counts the newlines in each token's content, so everything after a code span that
  // spans two lines is located one line too early (here: line 2 instead of 3).
  it("locates a TeX error after a code span that crosses a line break", () => {
    const { diagnostics } = render("x `a\nb` then\n$\\frac{1}$ end\n");
    expect(diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([[3, 2, "math-tex"]]);
  });
});

describe("attributes ({…} blocks)", () => {
  it("sets ids and classes with markdown-it-attrs", () => {
    const { document, diagnostics } = render("# Title {#custom .big}\n\npara {.note .wide}\n");
    expect(diagnostics).toEqual([]);
    const h1 = document.querySelector("h1");
    expect(h1?.id).toBe("custom");
    expect(h1?.className).toBe("big");
    expect(h1?.textContent).toBe("Title");
    expect(document.querySelector("p")?.className).toBe("note wide");
  });

  it("allows data-*, aria-*, lang, dir, title and role", () => {
    const { document, diagnostics } = render(
      "para {data-x=1 aria-label=hi lang=de dir=rtl title=t role=note}\n",
    );
    expect(diagnostics).toEqual([]);
    const p = document.querySelector("p")!;
    expect(p.getAttribute("data-x")).toBe("1");
    expect(p.getAttribute("aria-label")).toBe("hi");
    expect(p.getAttribute("lang")).toBe("de");
    expect(p.getAttribute("dir")).toBe("rtl");
    expect(p.getAttribute("title")).toBe("t");
    expect(p.getAttribute("role")).toBe("note");
  });

  it("reports an event handler as attribute-not-allowed and drops it", () => {
    const { document, diagnostics, html } = render("para\n\nsecond {onclick=alert(1)}\n");
    expect(html).not.toContain("onclick");
    expect(document.querySelectorAll("p")[1]?.textContent).toBe("second");
    expect(diagnostics).toStrictEqual([
      {
        file: FILE,
        line: 3,
        column: 9,
        severity: "error",
        rule: "attribute-not-allowed",
        message: 'Attribute "onclick" is not allowed: inline event handlers are not allowed',
      },
    ]);
  });

  it("catches event handlers whatever their case, and on links", () => {
    expect(brief(render("para {ONCLICK=x}\n").diagnostics)).toEqual([
      '1:7 attribute-not-allowed Attribute "ONCLICK" is not allowed: inline event handlers are not allowed',
    ]);
    const link = render("[x](/a){onmouseover=y}\n");
    expect(link.document.querySelector("a")?.getAttribute("href")).toBe("/a");
    expect(link.document.querySelector("a")?.hasAttribute("onmouseover")).toBe(false);
    expect(brief(link.diagnostics)).toEqual([
      '1:9 attribute-not-allowed Attribute "onmouseover" is not allowed: inline event handlers are not allowed',
    ]);
  });

  it("reports other attributes with the list of allowed ones, keeping the allowed ones", () => {
    const { document, diagnostics } = render("para {data-x=1 style=color:red}\n");
    expect(document.querySelector("p")?.getAttribute("data-x")).toBe("1");
    expect(document.querySelector("p")?.hasAttribute("style")).toBe(false);
    expect(brief(diagnostics)).toEqual([
      '1:16 attribute-not-allowed Attribute "style" is not allowed: allowed attributes are id, class, lang, dir, title, width, height, role, data-*, aria-*',
    ]);
  });

  it("keeps the alignment style markdown-it sets on table cells", () => {
    const { document, diagnostics } = render("| a | b | c |\n|:--|--:|:-:|\n| 1 | 2 | 3 |\n");
    expect(diagnostics).toEqual([]);
    expect([...document.querySelectorAll("th")].map((th) => th.getAttribute("style"))).toEqual([
      "text-align:left",
      "text-align:right",
      "text-align:center",
    ]);
    expect([...document.querySelectorAll("td")].map((td) => td.getAttribute("style"))).toEqual([
      "text-align:left",
      "text-align:right",
      "text-align:center",
    ]);
  });

  // Regression: table cells (td_open/th_open) carry no source map, so a disallowed attribute on a
  // cell is reported at an unknown line (the body's first line in a real render) instead
  // of the row it is written on.
  it("locates a disallowed attribute on a table cell at its row", () => {
    const { diagnostics } = render("| a |\n|---|\n| b {onclick=x} |\n");
    expect(diagnostics.map((d) => [d.line, d.rule])).toEqual([[3, "attribute-not-allowed"]]);
  });
});

describe("isAllowedAttribute", () => {
  it("allows the listed names and data-*/aria-* prefixes, case-insensitively", () => {
    for (const name of [
      "id",
      "ID",
      "class",
      "lang",
      "dir",
      "title",
      "width",
      "height",
      "role",
      "data-x",
      "DATA-X",
      "aria-label",
    ]) {
      expect(isAllowedAttribute(name), name).toBe(true);
    }
  });

  it("rejects handlers, style, href and a bare prefix", () => {
    for (const name of ["onclick", "style", "href", "src", "data-", "aria-", "datax"])
      expect(isAllowedAttribute(name), name).toBe(false);
  });
});

describe("raw HTML and link safety", () => {
  it("accepts harmless raw HTML", () => {
    const { document, diagnostics } = render(
      'text <span class="x" data-y="1">ok</span> <a href="/a">a</a>\n',
    );
    expect(diagnostics).toEqual([]);
    expect(document.querySelector("span.x")?.textContent).toBe("ok");
  });

  it("reports an event handler in a raw HTML block at its line and column", () => {
    const { diagnostics } = render("text\n\n<img src=x.png onerror=alert(1)>\n");
    expect(diagnostics).toStrictEqual([
      {
        file: FILE,
        line: 3,
        column: 16,
        severity: "error",
        rule: "unsafe-html",
        message: 'Attribute "onerror" is not allowed: event handlers would run script',
      },
    ]);
  });

  it("locates a problem on a later line of a raw HTML block", () => {
    const { diagnostics } = render('para\n\n<div>\n  <a href="javascript:x">y</a>\n</div>\n');
    expect(brief(diagnostics)).toEqual([
      '4:6 unsafe-url Unsafe URL "javascript:x" in "href": only http(s), mailto and relative URLs are allowed',
    ]);
  });

  it("reports a javascript: href in inline HTML", () => {
    expect(brief(render('text <a href="javascript:alert(1)">x</a>\n').diagnostics)).toEqual([
      '1:9 unsafe-url Unsafe URL "javascript:alert(1)" in "href": only http(s), mailto and relative URLs are allowed',
    ]);
  });

  it("decodes entities before checking: jav&#x61;script: is caught", () => {
    expect(brief(render('<a href="jav&#x61;script:alert(1)">x</a>\n').diagnostics)).toEqual([
      '1:4 unsafe-url Unsafe URL "javascript:alert(1)" in "href": only http(s), mailto and relative URLs are allowed',
    ]);
  });

  it("reports other unsafe schemes, script elements and srcset entries", () => {
    expect(brief(render("<a href='vbscript:msgbox'>x</a>\n").diagnostics)).toEqual([
      '1:4 unsafe-url Unsafe URL "vbscript:msgbox" in "href": only http(s), mailto and relative URLs are allowed',
    ]);
    expect(brief(render("<script>alert(1)</script>\n").diagnostics)).toEqual([
      "1:1 unsafe-html Element <script> is not allowed: it would run script",
    ]);
    expect(brief(render('<img srcset="a.png 1x, javascript:x 2x">\n').diagnostics)).toEqual([
      '1:6 unsafe-url Unsafe URL "javascript:x" in "srcset": only http(s), relative URLs and data: images are allowed',
    ]);
  });

  it("allows inline raster images in raw img but not in links", () => {
    expect(render('<img src="data:image/png;base64,AAAA">\n').diagnostics).toEqual([]);
    expect(brief(render('<a href="data:image/png;base64,AAAA">x</a>\n').diagnostics)).toEqual([
      '1:4 unsafe-url Unsafe URL "data:image/png;base64,AAAA" in "href": only http(s), mailto and relative URLs are allowed',
    ]);
  });

  it("reports [x](javascript:…) as unsafe-url and neutralises the link", () => {
    const { document, diagnostics } = render("a\n[x](javascript:alert(1))\n");
    expect(document.querySelector("a")?.getAttribute("href")).toBe("#");
    expect(document.querySelector("a")?.textContent).toBe("x");
    expect(diagnostics).toStrictEqual([
      {
        file: FILE,
        line: 2,
        column: 5,
        severity: "error",
        rule: "unsafe-url",
        message:
          'Unsafe URL "javascript:alert(1)": only http(s), mailto and relative URLs are allowed',
      },
    ]);
  });

  it("catches an entity-encoded javascript: in a Markdown link", () => {
    const { document, diagnostics } = render("[x](jav&#x61;script:alert(1))\n");
    expect(document.querySelector("a")?.getAttribute("href")).toBe("#");
    expect(diagnostics.map((d) => [d.rule, d.message])).toEqual([
      [
        "unsafe-url",
        'Unsafe URL "javascript:alert(1)": only http(s), mailto and relative URLs are allowed',
      ],
    ]);
  });

  it("catches a javascript: href set through an attribute block", () => {
    const { document, diagnostics } = render("[x](/ok){href=javascript:alert(1)}\n");
    expect(document.querySelector("a")?.getAttribute("href")).toBe("#");
    expect(brief(diagnostics)).toEqual([
      '1:15 unsafe-url Unsafe URL "javascript:alert(1)": only http(s), mailto and relative URLs are allowed',
    ]);
  });

  it("replaces an unsafe image source", () => {
    const { document, diagnostics } = render("![a](data:image/svg+xml;base64,AAAA)\n");
    expect(document.querySelector("img")?.getAttribute("src")).toBe("#");
    expect(brief(diagnostics)).toEqual([
      '1:6 unsafe-url Unsafe URL "data:image/svg+xml;base64,AAAA": only http(s), mailto and relative URLs are allowed',
    ]);
  });

  it("keeps safe links and images as written", () => {
    const { document, diagnostics } = render(
      "[m](mailto:a@b.c) [h](https://x.org/) [r](../a/) ![p](data:image/png;base64,AAAA)\n",
    );
    expect(diagnostics).toEqual([]);
    expect([...document.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual([
      "mailto:a@b.c",
      "https://x.org/",
      "../a/",
    ]);
    expect(document.querySelector("img")?.getAttribute("src")).toBe("data:image/png;base64,AAAA");
  });
});

describe("images and figures", () => {
  it("turns an image with a title, alone in its paragraph, into a figure with a Markdown caption", () => {
    const { document, diagnostics } = render('![Alt text](/img.png "Figure 1: *emph* and $x$")\n');
    expect(diagnostics).toEqual([]);
    expect(document.querySelector("p")).toBeNull();
    const figure = document.querySelector("body > figure")!;
    expect(figure).not.toBeNull();
    const img = figure.querySelector("img")!;
    expect(img.getAttribute("src")).toBe("/img.png");
    expect(img.getAttribute("alt")).toBe("Alt text");
    expect(img.hasAttribute("title")).toBe(false);
    expect(img.getAttribute("loading")).toBe("lazy");
    const caption = figure.querySelector("figcaption")!;
    expect(caption.querySelector("em")?.textContent).toBe("emph");
    expect(caption.querySelector(".katex")).not.toBeNull();
    expect(caption.firstChild?.textContent).toBe("Figure 1: ");
  });

  it("keeps an image without a title in its paragraph", () => {
    const { document } = render("![Alt](/img.png)\n");
    expect(document.querySelector("figure")).toBeNull();
    expect(document.querySelector("p > img")?.getAttribute("loading")).toBe("lazy");
  });

  it("does not make a figure of an image with text around it, or of two images", () => {
    const inline = render('text ![Alt](/img.png "T") more\n').document;
    expect(inline.querySelector("figure")).toBeNull();
    expect(inline.querySelector("p > img")?.getAttribute("title")).toBe("T");
    const two = render('![a](/a.png "A") ![b](/b.png "B")\n').document;
    expect(two.querySelector("figure")).toBeNull();
    expect(two.querySelectorAll("p > img")).toHaveLength(2);
  });

  it("lazy-loads and async-decodes every image", () => {
    const { document } = render('![a](/a.png)\n\n![b](/b.png "B")\n\ntext ![c](/c.png) text\n');
    const images = [...document.querySelectorAll("img")];
    expect(images).toHaveLength(3);
    expect(images.map((i) => i.getAttribute("loading"))).toEqual(["lazy", "lazy", "lazy"]);
    expect(images.map((i) => i.getAttribute("decoding"))).toEqual(["async", "async", "async"]);
  });
});

describe("headings", () => {
  it("gives h2–h6 ids from their text, with a link to themselves", () => {
    const { document } = render("## Hello World\n\n#### Deep Down\n");
    const h2 = document.querySelector("h2")!;
    expect(h2.id).toBe("hello-world");
    expect(h2.querySelector("a.heading-link")?.getAttribute("href")).toBe("#hello-world");
    expect(h2.textContent).toBe("Hello World");
    expect(document.querySelector("h4")?.id).toBe("deep-down");
  });

  it("leaves the page title (h1) without a generated id", () => {
    expect(render("# One\n").document.querySelector("h1")?.hasAttribute("id")).toBe(false);
  });

  it("lets {#custom} win over the text", () => {
    const { document, toc } = render("## Custom Heading {#mine}\n");
    expect(document.querySelector("h2")?.id).toBe("mine");
    expect(toc).toEqual([{ level: 2, id: "mine", html: "Custom Heading" }]);
  });

  it("suffixes duplicate ids", () => {
    const { document } = render("## Intro\n\n## Intro\n\n## Intro\n");
    expect([...document.querySelectorAll("h2")].map((h) => h.id)).toEqual([
      "intro",
      "intro-1",
      "intro-2",
    ]);
  });

  // Regression: "an author's {#id} wins", but when an earlier heading's generated id is the same,
  // markdown-it-anchor renames the author's explicit id: `## Other {#intro}` gets "intro-1"
  // and links to #intro land on the wrong heading.
  it("keeps an explicit id even when an earlier heading's generated id is the same", () => {
    const { document } = render("## Intro\n\n## Other {#intro}\n");
    expect(document.querySelectorAll("h2")[1]?.id).toBe("intro");
  });

  it("collects h2 and h3 into the table of contents, in order, as inline HTML", () => {
    const { toc } = render(
      "# Title\n\n## First *part*\n\n### The `map` function\n\n#### Too deep\n\n## Second\n",
    );
    expect(toc).toEqual([
      { level: 2, id: "first-part", html: "First <em>part</em>" },
      { level: 3, id: "the-map-function", html: "The <code>map</code> function" },
      { level: 2, id: "second", html: "Second" },
    ]);
  });
});

describe("fenced code", () => {
  it("highlights Python with Prism and shows it literally", () => {
    const { document, diagnostics } = render('```python\nprint(f"{{name}}")\n```\n');
    expect(diagnostics).toEqual([]);
    const pre = document.querySelector("pre")!;
    expect(pre.className).toBe("language-python");
    expect(pre.getAttribute("tabindex")).toBe("0");
    const code = pre.querySelector("code")!;
    expect(code.className).toBe("language-python");
    expect(code.querySelector(".token.keyword")?.textContent).toBe("print");
    expect(code.textContent).toBe('print(f"{{name}}")\n');
  });

  it("resolves language aliases", () => {
    expect(render("```py\nx = 1\n```\n").document.querySelector("code")?.className).toBe(
      "language-python",
    );
    expect(render("```sh\nls\n```\n").document.querySelector("code")?.className).toBe(
      "language-bash",
    );
  });

  it("escapes code in an unknown language or without one", () => {
    const unknown = render("```foo\n<b>{{x}}</b>\n```\n").document;
    expect(unknown.querySelector("b")).toBeNull();
    expect(unknown.querySelector("code")?.textContent).toBe("<b>{{x}}</b>\n");
    const plain = render("```\n<i>$x$</i>\n```\n").document;
    expect(plain.querySelector("code")?.className).toBe("language-none");
    expect(plain.querySelector("i")).toBeNull();
    expect(plain.querySelector(".katex")).toBeNull();
    expect(plain.querySelector("code")?.textContent).toBe("<i>$x$</i>\n");
  });

  it("does not render math or check HTML inside code", () => {
    const { document, diagnostics } = render('Use `$x$` and `<a href="javascript:x">`.\n');
    expect(diagnostics).toEqual([]);
    expect(document.querySelector(".katex")).toBeNull();
    expect([...document.querySelectorAll("code")].map((c) => c.textContent)).toEqual([
      "$x$",
      '<a href="javascript:x">',
    ]);
  });
});

describe("typography", () => {
  it("uses typographic quotes and dashes", () => {
    expect(render('"Hi" -- there\n').document.querySelector("p")?.textContent).toBe("“Hi” – there");
  });
});
