/**
 * What is code, math, a comment or text in a body is decided by markdown-it's
 * parse alone. v0.1 decided it a second time with a hand-written scanner,
 * which disagreed inside containers; each case here broke that way, and is
 * named for what broke. Each is checked both ways a body can render: as data
 * (the default: Nunjucks syntax in text is shown with a warning) and with
 * `bodyTemplates` (Nunjucks runs where markdown-it reads text).
 */
import { describe, expect, it } from "vitest";
import { bodyRenderer, brief, SITE } from "../../support/render.js";

const render = bodyRenderer();
const VALUE = { ...SITE, x: "VALUE", result: "VALUE" };

/** Renders with bodyTemplates; returns the text of the page and whether {{ x }} was evaluated or kept. */
function templated(body: string) {
  const result = render(body, { templates: VALUE });
  return { ...result, text: result.document.body.textContent?.trim() ?? "" };
}

describe("code in containers is code", () => {
  // Regression: indented code in a list item was not protected: `{{ result }}` was rendered by Nunjucks.
  it("keeps indented code inside a list item as written", () => {
    const body = "1. Run\n\n        out = {{ result }}\n";
    // Eight spaces after `1. `: four for the item's content, four for code, one kept.
    expect(templated(body).document.querySelector("li pre code")?.textContent).toBe(
      " out = {{ result }}\n",
    );
    expect(render(body).diagnostics).toEqual([]);
  });

  // Regression: in a blockquote, the indented code block vanished.
  it("keeps indented code inside a blockquote as written", () => {
    const body = "> Quote\n>\n>     code {{ x }}\n";
    expect(templated(body).document.querySelector("blockquote pre code")?.textContent).toBe(
      "code {{ x }}\n",
    );
  });

  // Regression: a fence opened on a list-marker line was not seen; the text after it showed literally
  // and a following sidenote was eaten by markdown-it-attrs, with no diagnostic.
  it("keeps a fence opened on a list-marker line as code, and renders what follows it", () => {
    const body = '- ```js\n  let a = {{ x }};\n  ```\n\nText{% sidenote "n" %} and {{ x }}\n';
    const { document, diagnostics } = templated(body);
    expect(document.querySelector("li pre code")?.textContent).toBe("let a = {{ x }};\n");
    expect(document.querySelectorAll(".sidenote")).toHaveLength(1);
    expect(document.querySelector("body > p")?.textContent).toContain("and VALUE");
    expect(diagnostics).toEqual([]);
  });

  // Regression: a fence closed implicitly by the end of its blockquote was not seen as closed.
  it("ends a fence where its blockquote ends", () => {
    const body = '> ```\n> {{ x }}\n\nAfter{% sidenote "n" %} {{ x }}\n';
    const { document } = templated(body);
    expect(document.querySelector("blockquote pre code")?.textContent).toBe("{{ x }}\n");
    expect(document.querySelectorAll("body > p .sidenote")).toHaveLength(1);
    expect(document.querySelector("body > p")?.textContent).toContain("VALUE");
  });

  // Regression: a closing fence indented four spaces or more was accepted.
  it("does not close a fence with a run indented four spaces", () => {
    const { document } = templated("```\na\n    ```\n{{ x }}\n```\n");
    expect(document.querySelector("pre code")?.textContent).toBe("a\n    ```\n{{ x }}\n");
  });

  it("closes a fence only with a run at least as long as the opening one", () => {
    const { document } = templated("````\n```\n{{x}}\n```\n````\n{{x}}\n");
    expect(document.querySelector("pre code")?.textContent).toBe("```\n{{x}}\n```\n");
    expect(document.querySelector("p")?.textContent).toBe("VALUE");
  });

  it("keeps an unclosed fence as code to the end of its container", () => {
    expect(templated("```\n{{x}}\n").document.querySelector("pre code")?.textContent).toBe(
      "{{x}}\n",
    );
  });

  it("keeps a tilde fence with an info string and shortcodes as written", () => {
    const { document, diagnostics } = render('~~~python\n{% sidenote "x" %}\n~~~\n');
    expect(document.querySelector("pre code")?.textContent).toBe('{% sidenote "x" %}\n');
    expect(diagnostics).toEqual([]);
  });
});

describe("code spans are where markdown-it pairs them", () => {
  it("keeps inline code as written, with one or more backticks", () => {
    const { document } = templated('a `{{ x }}` b ``{% sidenote "y" %}`` c');
    expect([...document.querySelectorAll("code")].map((c) => c.textContent)).toEqual([
      "{{ x }}",
      '{% sidenote "y" %}',
    ]);
  });

  it("does not take an unmatched backtick for code", () => {
    expect(templated("a ` {{ x }}\n").text).toBe("a ` VALUE");
  });

  // Regression: code spans were paired across list items, setext underlines and autolinks.
  it("does not pair backticks across list items", () => {
    const { document } = templated("- a `b\n- c` {{ x }}\n");
    expect(document.querySelector("code")).toBeNull();
    expect(document.querySelectorAll("li")[1]?.textContent).toBe("c` VALUE");
  });

  it("does not pair backticks across a setext underline", () => {
    const { document } = templated("a `b\n---\nc` {{ x }}\n");
    expect(document.querySelector("h2")?.textContent).toBe("a `b");
    expect(document.querySelector("p")?.textContent).toBe("c` VALUE");
  });

  it("lets an autolink that starts first win over a code span", () => {
    const { document } = templated("<https://example.org/`a>` {{ x }}\n");
    expect(document.querySelector("a")?.getAttribute("href")).toBe("https://example.org/%60a");
    expect(document.querySelector("p")?.textContent).toBe("https://example.org/`a` VALUE");
  });

  // Regression: `\\` before a backtick or `$` was miscounted (the backtick taken as escaped).
  it("reads an escaped backslash before a backtick or a dollar as it is", () => {
    const { document } = templated("\\\\`{{ x }}` and \\\\$x^{{2}}$\n");
    expect(document.querySelector("code")?.textContent).toBe("{{ x }}");
    expect(document.querySelector("annotation")?.textContent).toBe("x^{{2}}");
  });
});

describe("HTML comments are where a browser ends them", () => {
  // Regression: `<!-->` and an unclosed inline `<!--` protected the rest of the page.
  it("ends the comment <!--> at once", () => {
    expect(templated("<!--> {{ x }}\n").html).toContain("VALUE");
  });

  it("does not take an unclosed inline <!-- for a comment", () => {
    expect(templated("a <!-- {{ x }}\n").text).toBe("a <!-- VALUE");
  });

  it("keeps what is inside a comment as written", () => {
    const { html, diagnostics } = templated('a <!-- {{ x }} {% sidenote "y" %} --> b\n');
    expect(html).toBe('<p>a <!-- {{ x }} {% sidenote "y" %} --> b</p>\n');
    expect(diagnostics).toEqual([]);
  });
});

describe("math is where the math rule finds it", () => {
  it("keeps inline and display math as written", () => {
    const { document } = templated("a $x_{{1}}$ b\n\n$$\n{{ x }}\n$$\n");
    expect([...document.querySelectorAll("annotation")].map((a) => a.textContent)).toEqual([
      "x_{{1}}",
      "{{ x }}",
    ]);
  });

  it("does not take dollars that are not math for math", () => {
    expect(templated("$5 and {{ x }} $10\n").text).toBe("$5 and VALUE $10");
  });

  // Regression: a paragraph that begins with inline $$x$$ made everything up to the next line
  // ending in $$ protected.
  it("evaluates text after a paragraph that begins with inline $$x$$", () => {
    expect(
      templated("$$y$$ and more\n\n{{ x }}\n\nend $$\n").document.querySelectorAll("p")[1]
        ?.textContent,
    ).toBe("VALUE");
  });
});

describe("Nunjucks comments and raw", () => {
  // Regression: `{#` with no `#}` protected everything up to the next `}`, paragraphs later.
  it("shows a {# without #} as text, with a warning, and nothing after it changes", () => {
    const { document, diagnostics } = render(
      'A {# not closed\n\nLater {.x} and a sidenote{% sidenote "n" %}.\n',
    );
    expect(document.querySelector("p")?.textContent).toBe("A {# not closed");
    expect(document.querySelectorAll(".sidenote")).toHaveLength(1);
    expect(brief(diagnostics)).toEqual([
      '5:3 warning nunjucks-comment-unclosed {# opens a comment, but no #} closes it in this paragraph: it is shown as text [write \\{# to show "{#" as text, or close the comment with #}]',
    ]);
  });

  // Regression: `{# {x} #}` was taken for an attribute block up to the first `}` and broke the page's Nunjucks.
  it("removes a comment that holds braces", () => {
    expect(render("A {# {x} #} B\n").html).toBe("<p>A  B</p>\n");
    expect(templated("A {# {x} #} {{ x }}\n").html).toBe("<p>A  VALUE</p>\n");
  });

  it("removes a comment on lines of its own, across paragraphs", () => {
    const { html, diagnostics } = render("Before.\n\n{# A note\n\nfor authors #}\n\nAfter.\n");
    expect(html).toBe("<p>Before.</p>\n<p>After.</p>\n");
    expect(diagnostics).toEqual([]);
  });

  it("does not take a {#id} attribute block for a comment", () => {
    const { document, diagnostics } = render("# Head {#id .cls}\n\ntext {# comment #}\n");
    expect(document.querySelector("h1")?.id).toBe("id");
    expect(document.querySelector("h1")?.className).toBe("cls");
    expect(document.querySelector("p")?.textContent).toBe("text ");
    expect(diagnostics).toEqual([]);
  });

  it("prints the contents of {% raw %} without the tags, in text and around blocks", () => {
    expect(render("a {% raw %}{{ x }}{% endraw %} b\n").html).toBe("<p>a {{ x }} b</p>\n");
    expect(render("{%- raw -%}{% if %}{%- endraw -%}\n").html).toBe("<p>{% if %}</p>\n");
    expect(render("{% verbatim %}{{x}}{% endverbatim %}\n").html).toBe("<p>{{x}}</p>\n");
    const block = render('{% raw %}\n\n{{ a }}\n\n{% pause "Q" %}\n\n{% endraw %}\n');
    expect(block.html).toBe("<p>{{ a }}</p>\n<p>{% pause &quot;Q&quot; %}</p>\n");
    expect(block.diagnostics).toEqual([]);
  });

  it("reports {% raw %} without {% endraw %}", () => {
    expect(brief(render("a {% raw %}{{ x }}\n").diagnostics)).toEqual([
      "5:3 error shortcode-unclosed Unclosed {% raw %}: expected {% endraw %} [close it in the same paragraph; around several paragraphs, put {% raw %} and {% endraw %} on lines of their own]",
    ]);
  });

  // v0.1 reported an unclosed `{{` as an error; nothing runs it, so it is text.
  it("shows an unclosed {{ as text", () => {
    const { html, diagnostics } = render("a {{ x\n");
    expect(html).toBe("<p>a {{ x</p>\n");
    expect(diagnostics).toEqual([]);
  });
});

describe("shortcodes are found wherever markdown-it reads text", () => {
  it("keeps a pause inside a list item in the list", () => {
    const { document, diagnostics } = render(
      '- Item\n\n  {% pause "Q?" %}\n  Think.\n  {% endpause %}\n- Next\n',
    );
    expect(diagnostics).toEqual([]);
    expect(document.querySelector("li > details.pause-and-think > summary")?.textContent).toBe(
      "Pause and think: Q?",
    );
    expect(document.querySelector("li > details > p")?.textContent).toBe("Think.");
    expect(document.querySelectorAll("li")).toHaveLength(2);
  });

  // Regression: with bodyTemplates, the tag's range began at its line's first character, so a
  // blockquote's `>` or a list's `-` was replaced with the tag and the container was lost.
  it("keeps a pause in a blockquote and in a list item with bodyTemplates too", () => {
    const quote = templated('> {% pause "Q?" %}\n> answer {{ x }}\n> {% endpause %}\n');
    expect(quote.diagnostics).toEqual([]);
    expect(quote.document.querySelector("blockquote > details > p")?.textContent).toBe(
      "answer VALUE",
    );
    const list = templated('- {% pause "Q?" %}\n  answer\n  {% endpause %}\n- next\n');
    expect(list.diagnostics).toEqual([]);
    expect(
      [...list.document.querySelectorAll("body > ul > li")].map(
        (li) => li.querySelector("summary")?.textContent ?? li.textContent,
      ),
    ).toEqual(["Pause and think: Q?", "next"]);
  });

  it("closes a pause left open where its container ends, and reports it", () => {
    const { document, diagnostics } = render('> {% pause "Q?" %}\n> Think.\n\nAfter.\n');
    expect(brief(diagnostics)).toEqual([
      "5:3 error shortcode-unclosed Unclosed {% pause %}: expected {% endpause %} after it",
    ]);
    expect(document.querySelector("blockquote > details > p")?.textContent).toBe("Think.");
    expect(document.querySelector("body > p")?.textContent).toBe("After.");
  });

  it("reports a pause inside a paragraph: it stands on a line of its own", () => {
    expect(brief(render('Text {% pause "Q?" %} more\n').diagnostics)).toEqual([
      '5:6 error shortcode-placement {% pause %} must stand on a line of its own [{% pause "Question?" %} and {% endpause %} each take a line, with the prompt\'s text between them]',
    ]);
  });

  // Regression: markdown-it gives table cells no position: every problem in a table was reported at
  // the body's first line, and with bodyTemplates code in a cell was not protected.
  it("locates problems in table cells, and keeps code in a cell as written with bodyTemplates", () => {
    const { diagnostics } = render(
      'Intro.\n\n| a | b |\n| - | - |\n| x | y {% sidenot "x" %} |\n| $\\frac{$ | z |\n',
    );
    expect(diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([
      [9, 12, "shortcode-unknown"],
      [10, 4, "math-tex"],
    ]);
    const table = templated("| `{{ x }}` | {{ x }} |\n| - | - |\n| `{{ x }}` | {{ x }} |\n");
    expect([...table.document.querySelectorAll("code")].map((c) => c.textContent)).toEqual([
      "{{ x }}",
      "{{ x }}",
    ]);
    expect([...table.document.querySelectorAll("td, th")].map((c) => c.textContent)).toEqual([
      "{{ x }}",
      "VALUE",
      "{{ x }}",
      "VALUE",
    ]);
  });

  it("finds a sidenote in a table cell, a blockquote and a nested list", () => {
    const { document, diagnostics } = render(
      '| a | b |\n| - | - |\n| x{% sidenote "t" %} | y |\n\n> q{% sidenote "b" %}\n\n- a\n  - b{% sidenote "l" %}\n',
    );
    expect(diagnostics).toEqual([]);
    expect(
      document.querySelectorAll("td .sidenote, blockquote .sidenote, li li .sidenote"),
    ).toHaveLength(3);
  });

  it("reports notes and citations where they would nest interactive content", () => {
    const { diagnostics, document } = render(
      '[a link{% sidenote "x" %}](/a) and ![alt{% marginnote "y" %}](i.png) and [see{% cite "k" %}](/b)\n',
      { cite: () => "[1]" },
    );
    expect(brief(diagnostics).map((d) => d.replace(/ \[.*\]$/, ""))).toEqual([
      "5:8 error shortcode-placement {% sidenote %} cannot stand in link text: it would put interactive content inside it",
      "5:41 error shortcode-placement {% marginnote %} cannot stand in an image's description: it would put interactive content inside it",
      "5:78 error shortcode-placement {% cite %} cannot stand in link text: it would put interactive content inside it",
    ]);
    expect(document.querySelectorAll(".sidenote, .marginnote")).toHaveLength(0);
  });

  it("reports a note inside a note", () => {
    expect(
      brief(render("a{% sidenote \"b {% marginnote 'c' %}\" %}\n").diagnostics).map((d) =>
        d.replace(/ \[.*\]$/, ""),
      ),
    ).toEqual(["5:17 error shortcode-placement {% marginnote %} cannot stand inside another note"]);
  });

  it("does not read an escaped tag: \\{% shows the tag as written, with bodyTemplates too", () => {
    const body = 'Write \\{% sidenote "text" %} for a note, and \\{{ x }}.\n';
    for (const { html, diagnostics } of [render(body), templated(body)]) {
      // The escape shows the tag; the typographer curls its quotes as in any text.
      expect(html).toBe("<p>Write {% sidenote “text” %} for a note, and {{ x }}.</p>\n");
      expect(diagnostics).toEqual([]);
    }
  });
});

describe("characters Syllabus reserves", () => {
  // Regression: a private-use character typed by an author (icon fonts use them) was read as one
  // of our markers: another citation's HTML, or a copy of a code span, appeared in its place.
  it("reports each, at its place, and never reads it as a marker", () => {
    const { html, diagnostics } = render(
      'A \ue000\ue010\ue001 B{% cite "k" %} and \ue006\ue010\ue007.\n',
      { cite: () => "[1]" },
    );
    expect(diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([
      [5, 3, "reserved-character"],
      [5, 4, "reserved-character"],
      [5, 5, "reserved-character"],
      [5, 27, "reserved-character"],
      [5, 28, "reserved-character"],
      [5, 29, "reserved-character"],
    ]);
    expect(html).toBe("<p>A \ufffd\ufffd\ufffd B[1] and \ufffd\ufffd\ufffd.</p>\n");
  });

  it("reports a control character in a body at its place, and does not publish it", () => {
    const { html, diagnostics } = render("Bell\u0007 and escape \u001b[31m, tab\tfine.\n");
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      "5:5 control-character Unexpected control character U+0007 in the body",
      "5:18 control-character Unexpected control character U+001B in the body",
    ]);
    expect(html).toBe("<p>Bell\ufffd and escape \ufffd[31m, tab\tfine.</p>\n");
  });
});

describe("link reference definitions", () => {
  // Regression: markdown-it gives a reference link's token a new meta, which lost its position; a
  // shortcode in a definition's title was reported twice, once at the first `{% cite` of the body.
  it("locate a reference link's problems at the link, and a shortcode in a definition once, at the definition", () => {
    const link = render("Para\nline two [x] here.\n\n[x]: javascript:alert(1)\n");
    expect(link.diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([
      [6, 11, "unsafe-url"],
    ]);
    const definition = render(`See {% cite "a" %} and [y].\n\n[y]: /u "T {% cite 'b' %}"\n`, {
      cite: () => "[1]",
    });
    expect(definition.diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([
      [7, 12, "shortcode-in-attribute"],
    ]);
  });
});

describe("whitespace control", () => {
  it("trims the spaces and the line break beside {%- cite -%}, within the paragraph", () => {
    const { html } = render('A claim\n{%- cite "k" -%}\n. Next.\n', { cite: () => "[1]" });
    expect(html).toBe("<p>A claim[1]. Next.</p>\n");
  });

  it("never merges blocks", () => {
    const { document } = render('First paragraph.\n\n{%- cite "k" %} second.\n', {
      cite: () => "[1]",
    });
    expect([...document.querySelectorAll("p")].map((p) => p.textContent)).toEqual([
      "First paragraph.",
      "[1] second.",
    ]);
  });
});

describe("shortcodes in raw HTML", () => {
  it("renders a citation in the figcaption of a raw figure", () => {
    const { document, diagnostics } = render(
      '<figure>\n<img src="a.png" alt="A">\n<figcaption>From Elhage et al.{% cite "k" %}</figcaption>\n</figure>\n',
      { cite: () => '<a class="citation" href="#ref-k">[1]</a>' },
    );
    expect(diagnostics).toEqual([]);
    expect(document.querySelector("figure > figcaption > a.citation")?.textContent).toBe("[1]");
    expect(document.querySelector("figure > figcaption")?.textContent).toBe(
      "From Elhage et al.[1]",
    );
  });

  it("renders a sidenote in raw HTML text and shows shortcodes in an HTML comment as written", () => {
    const { document, html } = render(
      '<div class="aside">\nSee this{% sidenote "a *note*" %}.\n<!-- {% sidenote "hidden" %} -->\n</div>\n',
    );
    expect(document.querySelectorAll("div.aside .sidenote")).toHaveLength(1);
    expect(document.querySelector(".sidenote em")?.textContent).toBe("note");
    expect(html).toContain('<!-- {% sidenote "hidden" %} -->');
  });

  // Regression: each piece of a split html block kept the block's first line, so a problem after
  // a shortcode was located lines too early.
  it("locates a raw-HTML problem after a shortcode in the same block at its own line", () => {
    const { diagnostics } = render(
      '<figure>\n<figcaption>From {% cite "k" %}</figcaption>\n<img src="a.png" onerror="x">\n</figure>\n',
      { cite: () => "[1]" },
    );
    expect(diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([[7, 18, "unsafe-html"]]);
  });

  it("reports a shortcode inside an HTML tag, at its position", () => {
    expect(
      brief(
        render("<div title='{% cite \"k\" %}'>\nx\n</div>\n", { cite: () => "[1]" }).diagnostics,
      ),
    ).toEqual([
      "5:13 error shortcode-in-html-tag {% cite %} cannot stand inside an HTML tag (<div>): its HTML cannot go in an attribute [put it in the element's text, between its tags]",
    ]);
  });
});
