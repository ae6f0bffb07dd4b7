import { describe, expect, it } from "vitest";
import { sortDiagnostics } from "../../../src/core/diagnostics.js";
import { DEFAULT_UI_STRINGS } from "../../../src/core/ui-strings.js";
import { SHORTCODE_NAMES } from "../../../src/shortcodes/registry.js";
import type { CiteCall } from "../../../src/shortcodes/shortcode-env.js";
import { bodyRenderer, brief, PATH, SITE } from "../../support/render.js";

const render = bodyRenderer({
  "_includes/greeting.njk": "Hello from an include",
  "_includes/broken.njk": "Fine.\n{{ missing }}\n",
});

describe("renderBody: plain Markdown", () => {
  it("renders Markdown and counts its words", () => {
    const { html, diagnostics, wordCount, toc } = render("Hello *world*, again.\n");
    expect(html).toBe("<p>Hello <em>world</em>, again.</p>\n");
    expect(diagnostics).toEqual([]);
    expect(wordCount).toBe(3);
    expect(toc).toEqual([]);
  });

  it("collects the table of contents", () => {
    const { toc } = render("## One\n\ntext\n\n### Two\n");
    expect(toc).toEqual([
      { level: 2, id: "one", html: "One" },
      { level: 3, id: "two", html: "Two" },
    ]);
  });

  it("locates Markdown problems at their line in the file, after the frontmatter", () => {
    const { diagnostics } = render(
      "Line one.\n\nSecond $\\frac{1}$ here.\n\n[x](javascript:alert(1))\n",
    );
    expect(brief(sortDiagnostics(diagnostics))).toEqual([
      "7:9 error math-tex TeX error: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}",
      '9:5 error unsafe-url Unsafe URL "javascript:alert(1)": only http(s), mailto and relative URLs are allowed',
    ]);
    expect(diagnostics.every((d) => d.file === PATH)).toBe(true);
  });

  it("locates problems in a file without frontmatter from line 1", () => {
    const { diagnostics } = render("[x](javascript:alert(1))\n", {}, "");
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual([[1, 5]]);
  });

  it("locates problems in a file with Windows line endings", () => {
    const { diagnostics } = render(
      "Line\r\n\r\n[x](javascript:1)\r\n",
      {},
      "---\r\ntitle: T\r\n---\r\n",
    );
    expect(diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([[6, 5, "unsafe-url"]]);
  });

  it("locates a display-math error at the line of its opening $$", () => {
    const { document, diagnostics } = render("para\n\n$$\n\\frac{1}\n$$\n");
    expect(document.querySelector("pre.math-error")?.textContent).toBe("\\frac{1}");
    expect(diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([[7, 1, "math-tex"]]);
  });

  it("locates a raw-HTML problem at its line and attribute", () => {
    const { diagnostics } = render('para\n\n<div>\n  <a href="javascript:x">y</a>\n</div>\n');
    expect(brief(diagnostics)).toEqual([
      '8:6 error unsafe-url Unsafe URL "javascript:x" in "href": only http(s), mailto and relative URLs are allowed',
    ]);
  });
});

describe("renderBody: sidenotes and margin notes", () => {
  const { document, diagnostics, wordCount } = render(
    'One{% sidenote "first *note*" %} two{% sidenote "second $x$ [link](/a)" %} three{% marginnote "margin" %} four{% sidenote "third" %}.\n',
  );

  it("renders without problems", () => {
    expect(diagnostics).toEqual([]);
  });

  it("numbers sidenotes 1..n, each with exactly one .sidenote element", () => {
    const notes = [...document.querySelectorAll(".sidenote")];
    expect(notes.map((n) => n.id)).toEqual([
      "sidenote-1-text",
      "sidenote-2-text",
      "sidenote-3-text",
    ]);
    expect(notes.map((n) => n.querySelector(".sidenote-number")?.textContent)).toEqual([
      "1",
      "2",
      "3",
    ]);
    expect(
      [...document.querySelectorAll("label.sidenote-ref")].map((l) => l.getAttribute("for")),
    ).toEqual(["sidenote-1", "sidenote-2", "sidenote-3"]);
    expect([...document.querySelectorAll("input.note-toggle")].map((i) => i.id)).toEqual([
      "sidenote-1",
      "sidenote-2",
      "marginnote-1",
      "sidenote-3",
    ]);
  });

  it("renders margin notes unnumbered, counted separately", () => {
    const margin = [...document.querySelectorAll(".marginnote")];
    expect(margin).toHaveLength(1);
    expect(margin[0]?.id).toBe("marginnote-1-text");
    expect(margin[0]?.querySelector(".sidenote-number")).toBeNull();
    expect(margin[0]?.textContent).toBe("margin");
  });

  it("renders note text as inline Markdown with math and links", () => {
    const [first, second] = [...document.querySelectorAll(".sidenote")];
    expect(first?.querySelector("em")?.textContent).toBe("note");
    expect(first?.querySelector("p")).toBeNull();
    expect(second?.querySelector(".katex")).not.toBeNull();
    expect(second?.querySelector("a")?.getAttribute("href")).toBe("/a");
    expect(second?.querySelector("a")?.textContent).toBe("link");
  });

  it("keeps the notes inside the paragraph, where they were written", () => {
    expect(document.querySelectorAll("p")).toHaveLength(1);
    expect(document.querySelector("p")?.querySelectorAll(".sidenote, .marginnote")).toHaveLength(4);
  });

  it("counts the words of the notes too", () => {
    // One two three four (4) + first note (2) + second link (2) + margin (1) + third (1): the words
    // read, not a formula's TeX or a link's target (v0.1 counted "x" and "a" of `$x$` and `(/a)`).
    expect(wordCount).toBe(10);
  });

  it("uses the interface strings for the notes' accessible names", () => {
    const translated = render('a{% sidenote "n" %} b{% marginnote "m" %}\n', {
      ui: { ...DEFAULT_UI_STRINGS, sidenote: "Randnotiz", marginNote: "Notiz" },
    }).document;
    expect([...translated.querySelectorAll(".visually-hidden")].map((s) => s.textContent)).toEqual([
      "Randnotiz 1",
      "Notiz 1",
    ]);
  });

  it("locates a TeX error in a note at its TeX, inside the note's string", () => {
    const result = render('Line one.\n\nSecond{% sidenote "bad $\\\\frac{1}$" %} here.\n');
    expect(result.document.querySelector(".sidenote code.math-error")?.textContent).toBe(
      "\\frac{1}",
    );
    expect(result.diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([
      [7, 25, "math-tex"],
    ]);
  });

  it("checks raw HTML in a note, located at the attribute", () => {
    const result = render('A{% sidenote "see <img src=x onerror=alert(1)>" %}\n');
    expect(brief(result.diagnostics)).toEqual([
      '5:30 error unsafe-html Attribute "onerror" is not allowed: event handlers would run script',
    ]);
  });

  it("warns about an escape that loses its backslash, at the backslash, and renders it without", () => {
    const result = render('Text.\n\nNote{% sidenote "$\\alpha$ here" %}\n');
    expect(result.diagnostics).toStrictEqual([
      {
        file: PATH,
        line: 7,
        column: 19,
        severity: "warning",
        rule: "shortcode-string-escape",
        message: 'In a shortcode string, "\\a" becomes "a"',
        hint: 'write "\\\\a" to keep the backslash (TeX in shortcode strings needs every backslash doubled)',
      },
    ]);
    expect(result.document.querySelector(".sidenote annotation")?.textContent).toBe("alpha");
  });

  it("warns that \\n becomes a line break and \\t a tab", () => {
    expect(brief(render('a{% sidenote "line\\nbreak" %}\n').diagnostics)).toEqual([
      '5:19 warning shortcode-string-escape In a shortcode string, "\\n" becomes a line break [write "\\\\n" to keep the backslash (TeX in shortcode strings needs every backslash doubled)]',
    ]);
    expect(brief(render('x{% sidenote "a\\tb" %}\n').diagnostics)).toEqual([
      '5:16 warning shortcode-string-escape In a shortcode string, "\\t" becomes a tab [write "\\\\t" to keep the backslash (TeX in shortcode strings needs every backslash doubled)]',
    ]);
  });

  it("keeps a doubled backslash for TeX without a warning", () => {
    const result = render('a{% sidenote "$\\\\alpha$" %}\n');
    expect(result.diagnostics).toEqual([]);
    expect(result.document.querySelector(".sidenote annotation")?.textContent).toBe("\\alpha");
  });

  it("reports a sidenote in a heading, and leaves it out of the heading, its id and the table of contents", () => {
    const result = render('## Heading{% sidenote "n" %}\n');
    expect(brief(result.diagnostics)).toEqual([
      "5:11 error shortcode-placement {% sidenote %} cannot stand in a heading: it would put interactive content inside it [move it into the text beside it]",
    ]);
    expect(result.document.querySelector("h2")?.id).toBe("heading");
    expect(result.document.querySelectorAll("h2 .sidenote")).toHaveLength(0);
    expect(result.toc).toEqual([{ level: 2, id: "heading", html: "Heading" }]);
  });
});

describe("renderBody: pause and think", () => {
  it("renders {% pause %} as details with a summary and a Markdown body", () => {
    const { document, diagnostics, wordCount } = render(
      '{% pause "Why *this*?" %}\nBecause **that**.\n{% endpause %}\n',
    );
    expect(diagnostics).toEqual([]);
    const details = document.querySelector("body > details.pause-and-think")!;
    expect(details).not.toBeNull();
    const summary = details.querySelector(":scope > summary")!;
    expect(summary.innerHTML).toBe("Pause and think: Why <em>this</em>?");
    expect(details.querySelector(":scope > p")?.innerHTML).toBe("Because <strong>that</strong>.");
    expect(wordCount).toBe(4);
  });

  it("renders the same as the raw-HTML form written by hand", () => {
    const shortcode = render(
      'Intro.\n\n{% pause "Why *this*?" %}\nBecause **that**.\n\n- a\n- b\n{% endpause %}\n\nAfter.\n',
    ).document;
    const handWritten = render(
      'Intro.\n\n<details class="pause-and-think"><summary>Pause and think: Why <em>this</em>?</summary>\n\nBecause **that**.\n\n- a\n- b\n\n</details>\n\nAfter.\n',
    ).document;
    const shape = (document: Document) =>
      [...document.body.children].map((child) => [
        child.tagName,
        child.className,
        child.innerHTML.replace(/\s+/g, " ").trim(),
      ]);
    expect(shape(shortcode)).toEqual(shape(handWritten));
    expect(shape(shortcode).map(([tag]) => tag)).toEqual(["P", "DETAILS", "P"]);
  });

  it("renders math and a list in a pause", () => {
    const { document } = render('{% pause "What is $x$?" %}\n- a\n- b\n{% endpause %}\n');
    expect(document.querySelector("summary .katex")).not.toBeNull();
    expect([...document.querySelectorAll("details > ul > li")].map((li) => li.textContent)).toEqual(
      ["a", "b"],
    );
  });

  it("uses the interface string for the label", () => {
    const result = render('{% pause "Warum?" %}\nDarum.\n{% endpause %}\n', {
      ui: { ...DEFAULT_UI_STRINGS, pauseAndThink: "Denk nach" },
    });
    expect(result.html).toContain("<summary>Denk nach: Warum?</summary>");
  });

  it("renders consecutive pauses separately", () => {
    const { document } = render(
      '{% pause "A" %}\na\n{% endpause %}\n\n{% pause "B" %}\nb\n{% endpause %}\n',
    );
    expect(
      [...document.querySelectorAll("body > details > summary")].map((s) => s.textContent),
    ).toEqual(["Pause and think: A", "Pause and think: B"]);
  });

  it("reports an unclosed pause at its line, and closes it at the end", () => {
    const { document, diagnostics } = render('para\n\n{% pause "Q?" %}\nbody\n');
    expect(diagnostics).toStrictEqual([
      {
        file: PATH,
        line: 7,
        column: 1,
        severity: "error",
        rule: "shortcode-unclosed",
        message: "Unclosed {% pause %}: expected {% endpause %} after it",
      },
    ]);
    expect(document.querySelector("details > p")?.textContent).toBe("body");
  });

  it("reports the outer pause when an inner one is closed", () => {
    const { diagnostics } = render(
      'intro\n\n{% pause "A" %}\n{% pause "B" %}\nx\n{% endpause %}\n',
    );
    expect(diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([
      [7, 1, "shortcode-unclosed"],
    ]);
  });

  it("reports a stray endpause at its line and column", () => {
    const { html, diagnostics } = render("para\n\nText {% endpause %}\n");
    expect(brief(diagnostics)).toEqual([
      "7:6 error shortcode-unopened {% endpause %} without a {% pause %} before it",
    ]);
    expect(html).not.toContain("</details>");
  });

  it("locates a TeX error in the question at its TeX", () => {
    const { diagnostics } = render('{% pause "$\\\\frac{1}$?" %}\nbody\n{% endpause %}\n');
    expect(diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([[5, 12, "math-tex"]]);
  });
});

describe("renderBody: shortcode arguments", () => {
  it("reports the wrong number of arguments at each tag and drops the tag", () => {
    const { html, diagnostics } = render(
      'x {% sidenote %} y {% sidenote "a", "b" %} z {% endpause "x" %}\n',
    );
    expect(brief(diagnostics)).toEqual([
      '5:3 error shortcode-arguments {% sidenote %} takes one quoted string, found 0: write {% sidenote "text" %}',
      '5:20 error shortcode-arguments {% sidenote %} takes one quoted string, found 2: write {% sidenote "text" %}',
      "5:46 error shortcode-arguments {% endpause %} takes no arguments, found 1: write {% endpause %}",
    ]);
    // The space before the last tag stays: a paragraph is trimmed only at its ends.
    expect(html).toBe("<p>x  y  z </p>\n");
  });

  it("reports pause and marginnote arity with their usage", () => {
    expect(brief(render('{% pause "a", "b" %}\n').diagnostics)).toEqual([
      '5:1 error shortcode-arguments {% pause %} takes one quoted string, found 2: write {% pause "Question?" %} … {% endpause %}',
    ]);
    expect(brief(render("{% marginnote %}\n").diagnostics)).toEqual([
      '5:1 error shortcode-arguments {% marginnote %} takes one quoted string, found 0: write {% marginnote "text" %}',
    ]);
  });

  it("reports an unknown shortcode at its name with a hint", () => {
    const { diagnostics } = render('Text.\n\nMore {% sidenot "x" %} text\n');
    expect(diagnostics).toStrictEqual([
      {
        file: PATH,
        line: 7,
        column: 9,
        severity: "error",
        rule: "shortcode-unknown",
        message: 'Unknown shortcode "sidenot"',
        hint: 'did you mean "sidenote"?',
      },
    ]);
  });

  // Regression: the unknown tag is left in the text, and at the end of a paragraph
  // markdown-it-attrs reads `{% sidenot "x" %}` as an attribute block: three extra
  // attribute-not-allowed errors ("%", "sidenot", "x") follow the real one, and the
  // tag disappears from the page.
  it("reports only the unknown shortcode when it ends a paragraph", () => {
    const { diagnostics } = render('Text.\n\nMore {% sidenot "x" %}\n');
    expect(diagnostics.map((d) => d.rule)).toEqual(["shortcode-unknown"]);
  });

  it("reports an unclosed tag and an unterminated string at their positions", () => {
    expect(brief(render('a\n\nb {% sidenote "x"\n\nc\n').diagnostics)).toEqual([
      "7:3 error shortcode-unclosed Unclosed tag {% sidenote: expected %}",
    ]);
    expect(brief(render('a {% sidenote "x %}\n').diagnostics)).toEqual([
      '5:15 error shortcode-malformed Unterminated string in {% sidenote %} [the string runs on past %}: end it with " before %}, and write a " inside it as \\"]',
    ]);
  });

  it("reports a citation when the course has no bibliography", () => {
    expect(brief(render('a{% cite "knuth" %}\n').diagnostics)).toEqual([
      "5:2 error cite-no-bibliography Citation found, but the course has no bibliography (_data/references.bib or _data/references.json)",
    ]);
  });

  it("hands citations to the page's citation renderer with the location of each key's first character", () => {
    const calls: { values: string[]; at: [number, number][] }[] = [];
    const cite = (call: CiteCall) => {
      calls.push({
        values: call.args.map((a) => a.value),
        at: call.args.map((a) => [a.at.line, a.at.column]),
      });
      return '<span class="citation">[1]</span>';
    };
    const { document, diagnostics } = render(
      'Intro.\n\nAs shown{% cite "knuth", "lamport, p. 4" %}.\n',
      { cite },
    );
    expect(diagnostics).toEqual([]);
    expect(calls).toEqual([
      {
        values: ["knuth", "lamport, p. 4"],
        at: [
          [7, 18],
          [7, 27],
        ],
      },
    ]);
    expect(document.querySelector("p:nth-of-type(2) > span.citation")?.textContent).toBe("[1]");
  });

  it("exposes the shortcode names", () => {
    expect([...SHORTCODE_NAMES].sort()).toEqual([
      "cite",
      "endpause",
      "marginnote",
      "pause",
      "sidenote",
    ]);
  });
});

describe("renderBody: bodies are data (the default)", () => {
  it("shows {{ … }} and Nunjucks tags as written, each with a warning naming bodyTemplates", () => {
    const { document, diagnostics } = render("By {{ site.title }}.\n\n{% if x %}yes{% endif %}\n");
    expect([...document.querySelectorAll("p")].map((p) => p.textContent)).toEqual([
      "By {{ site.title }}.",
      "{% if x %}yes{% endif %}",
    ]);
    expect(brief(diagnostics).map((d) => d.replace(/ \[.*\]$/, ""))).toEqual([
      "5:4 warning body-template Nunjucks expression {{ site.title }} is shown as written: article bodies do not run Nunjucks",
      "7:1 warning body-template Nunjucks tag {% if %} is shown as written: article bodies do not run Nunjucks",
      "7:14 warning body-template Nunjucks tag {% endif %} is shown as written: article bodies do not run Nunjucks",
    ]);
    expect(diagnostics[0]?.hint).toContain('set "bodyTemplates": true in _data/site.json');
  });

  // Regression: v0.1 ran every body through Nunjucks, so a body line could run code during
  // `npm run build` and `npm run check`.
  it("runs no code: a Nunjucks payload that would reach the process renders literally", () => {
    const payload = '{{ range.constructor("return process")() }}';
    const { document, diagnostics } = render(`Text ${payload} here.\n`);
    expect(document.querySelector("p")?.textContent).toBe(`Text ${payload} here.`);
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.rule])).toEqual([
      [5, 6, "warning", "body-template"],
    ]);
  });

  it("gives no warning where markdown-it reads code or math", () => {
    const { diagnostics, document } = render(
      "`{{ a }}` and $x^{{2}}$\n\n```\n{{ b }} {% if %}\n```\n\n    {{ c }}\n\n<!-- {{ d }} -->\n",
    );
    expect(diagnostics).toEqual([]);
    expect(document.querySelector("p code")?.textContent).toBe("{{ a }}");
    expect(document.querySelector("pre code")?.textContent).toBe("{{ b }} {% if %}\n");
  });

  it("removes {# comments #} silently, and keeps {% raw %} contents without the tags or a warning", () => {
    expect(render("Text {# hidden #} more\n").html).toBe("<p>Text  more</p>\n");
    const raw = render('a {% raw %}{{ x }} {% sidenote "n" %}{% endraw %} b\n');
    expect(raw.html).toBe("<p>a {{ x }} {% sidenote &quot;n&quot; %} b</p>\n");
    expect(raw.diagnostics).toEqual([]);
  });

  it("leaves shortcodes in code alone", () => {
    const { document, diagnostics } = render('```\n{% pause "Q" %}\n```\n\n`{% sidenote "x" %}`\n');
    expect(diagnostics).toEqual([]);
    expect(document.querySelector("pre code")?.textContent).toBe('{% pause "Q" %}\n');
    expect(document.querySelector("p code")?.textContent).toBe('{% sidenote "x" %}');
    expect(document.querySelector("details, .sidenote")).toBeNull();
  });

  it("works with a heading {#id}", () => {
    const { document, diagnostics, toc } = render("## Intro {#custom}\n\nText.\n");
    expect(diagnostics).toEqual([]);
    expect(document.querySelector("h2")?.id).toBe("custom");
    expect(toc).toEqual([{ level: 2, id: "custom", html: "Intro" }]);
  });

  // Regression: a paragraph that starts with inline display math (`$$x$$ and …`) made the v0.1 scanner
  // protect everything up to the next line ending in `$$`, so a sidenote in between was shown as
  // literal `{% sidenote "n" %}` text.
  it("expands shortcodes after a paragraph that begins with $$x$$", () => {
    const { document, diagnostics } = render(
      '$$E=mc^2$$ is famous{% sidenote "n" %}.\n\nSee $$y$$\n',
    );
    expect(diagnostics).toEqual([]);
    expect(document.querySelectorAll(".sidenote")).toHaveLength(1);
  });
});

describe("renderBody: bodyTemplates", () => {
  it("leaves a Python f-string in code exactly as written while Nunjucks renders the rest", () => {
    const { document, diagnostics } = render(
      '{{ site.title }}\n\n```python\nprint(f"{{name}}")\n```\n',
      {
        templates: SITE,
      },
    );
    expect(diagnostics).toEqual([]);
    expect(document.querySelector("p")?.textContent).toBe("My Course");
    expect(document.querySelector("pre.language-python code")?.textContent).toBe(
      'print(f"{{name}}")\n',
    );
  });

  it("leaves inline code exactly as written", () => {
    const { document } = render("And `{{ x }}` and `{% if y %}` and {{ site.title }}\n", {
      templates: SITE,
    });
    expect([...document.querySelectorAll("code")].map((c) => c.textContent)).toEqual([
      "{{ x }}",
      "{% if y %}",
    ]);
    expect(document.querySelector("p")?.textContent).toBe(
      "And {{ x }} and {% if y %} and My Course",
    );
  });

  it("leaves code containing {% raw %} exactly as written", () => {
    const { document, diagnostics } = render(
      "```\n{% raw %}{{ x }}{% endraw %}\n```\n\n{{ site.title }}\n",
      {
        templates: SITE,
      },
    );
    expect(diagnostics).toEqual([]);
    expect(document.querySelector("pre code")?.textContent).toBe("{% raw %}{{ x }}{% endraw %}\n");
    expect(document.querySelector("p")?.textContent).toBe("My Course");
  });

  it("keeps {{, {% and {# inside math", () => {
    const { document, diagnostics } = render(
      "Math $x^{{2}}$ and {{ site.title }}\n\n$$\n{{a}}^{2}\n$$\n\nAnd $${% x %}$$ and $a {# b #}$\n",
      { templates: SITE },
    );
    expect([...document.querySelectorAll("annotation")].map((a) => a.textContent)).toEqual([
      "x^{{2}}",
      "{{a}}^{2}",
    ]);
    expect(document.querySelector("p")?.textContent?.endsWith(" and My Course")).toBe(true);
    expect([...document.querySelectorAll("code.math-error")].map((c) => c.textContent)).toEqual([
      "{% x %}",
      "a {# b #}",
    ]);
    expect(diagnostics.map((d) => [d.line, d.rule])).toEqual([
      [11, "math-tex"],
      [11, "math-tex"],
    ]);
  });

  it("keeps {% raw %} contents literally and drops the raw tags", () => {
    expect(
      render("a {% raw %}{{ x }}{% endraw %} b {{ site.title }}\n", { templates: SITE }).html,
    ).toBe("<p>a {{ x }} b My Course</p>\n");
  });

  it("renders variables, tags and comments from the context, as Eleventy does", () => {
    expect(render("By {{ site.title }}.\n", { templates: SITE }).html).toBe(
      "<p>By My Course.</p>\n",
    );
    expect(
      render("{% if site.flag %}yes{% else %}no{% endif %}\n", {
        templates: { site: { flag: true } },
      }).html,
    ).toBe("<p>yes</p>\n");
    expect(render("Text {# hidden #} more\n", { templates: SITE }).html).toBe(
      "<p>Text  more</p>\n",
    );
  });

  it("lets a {% for %} write list items and an {% if %} span paragraphs", () => {
    const { document } = render(
      '{% for item in ["a", "b"] %}\n- {{ item }}\n{% endfor %}\n\n{% if true %}\nOne.\n\nTwo.\n{% endif %}\n',
      { templates: SITE },
    );
    expect([...document.querySelectorAll("li")].map((li) => li.textContent?.trim())).toEqual([
      "a",
      "b",
    ]);
    expect([...document.querySelectorAll("body > p")].map((p) => p.textContent)).toEqual([
      "One.",
      "Two.",
    ]);
  });

  // Regression: a line marker after `-%}` stopped Nunjucks trimming the line break after it.
  it("trims after -%} as Nunjucks does", () => {
    const { document } = render('{% for i in ["a", "b"] -%}\n- {{ i }}\n{% endfor %}\n', {
      templates: SITE,
    });
    expect([...document.querySelectorAll("li")].map((li) => li.innerHTML)).toEqual(["a", "b"]);
  });

  // Regression: an error inside an included template was reported at that file's line, as if in the article.
  it("reports an error inside an included template at the include, naming the file and its line", () => {
    expect(
      brief(render('One.\n\nTwo {% include "broken.njk" %}\n', { templates: SITE }).diagnostics),
    ).toEqual([
      "7:5 error nunjucks Nunjucks: in _includes/broken.njk:2: attempted to output null or undefined value",
    ]);
  });

  it("includes templates from the course's _includes/", () => {
    expect(render('{% include "greeting.njk" %}\n', { templates: SITE }).html).toBe(
      "<p>Hello from an include</p>\n",
    );
  });

  // Regression: v0.1 rendered an undefined variable as nothing, silently.
  it("reports an undefined variable at its line and column", () => {
    const { diagnostics } = render("Line one.\n\nText {{ missing }} more\n", { templates: SITE });
    expect(brief(diagnostics)).toEqual(['7:6 error nunjucks Nunjucks: "missing" is undefined']);
  });

  it("keeps shortcodes working alongside Nunjucks", () => {
    const { document, diagnostics } = render('{{ site.title }} A{% sidenote "n *e*" %} B\n', {
      templates: SITE,
    });
    expect(diagnostics).toEqual([]);
    expect(document.querySelector(".sidenote em")?.textContent).toBe("e");
    expect(document.querySelector("p")?.firstChild?.textContent).toBe("My Course A");
  });

  it("keeps a shortcode's problems located in the author's file", () => {
    const { diagnostics } = render('{% if true %}\nA\n{% endif %}\n\nB {% sidenot "x" %}\n', {
      templates: SITE,
    });
    expect(brief(diagnostics)).toEqual([
      '9:6 error shortcode-unknown Unknown shortcode "sidenot" [did you mean "sidenote"?]',
    ]);
  });

  it("keeps line numbers right after protected code when Nunjucks runs", () => {
    const { diagnostics } = render(
      "{{ site.title }}\n\n```\ncode\n{{x}}\n```\n\n[x](javascript:alert(1))\n",
      {
        templates: SITE,
      },
    );
    expect(diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([[12, 5, "unsafe-url"]]);
  });

  it("reports a Nunjucks syntax error at its line", () => {
    const { diagnostics } = render("Line one.\n\nText {% if %}\n", { templates: SITE });
    expect(brief(diagnostics)).toEqual(["7:6 error nunjucks Nunjucks: unexpected token: %}"]);
  });

  it("works with a heading {#id} when the page also uses Nunjucks", () => {
    const { document, diagnostics } = render("## Intro {#custom}\n\nText {{ site.title }}\n", {
      templates: SITE,
    });
    expect(diagnostics).toEqual([]);
    expect(document.querySelector("h2")?.id).toBe("custom");
    expect(document.querySelector("p")?.textContent).toBe("Text My Course");
  });

  // Regression: Nunjucks reports runtime errors with 0-based line numbers (parse errors are
  // 1-based); v0.1 located a runtime error one line early.
  it("reports a Nunjucks runtime error at its line", () => {
    const { diagnostics } = render("Line one.\n\nLine three {{ foo() }}\n", { templates: SITE });
    expect(brief(diagnostics)).toEqual([
      "7:12 error nunjucks Nunjucks: Unable to call `foo`, which is undefined or falsey",
    ]);
  });

  // Regression: v0.1 located these at the body's first line (Nunjucks gives them no position).
  it("locates a missing include and an unclosed {% if %} at their own tags", () => {
    expect(
      brief(render('One.\n\nTwo {% include "missing.njk" %}\n', { templates: SITE }).diagnostics),
    ).toEqual(["7:5 error nunjucks Nunjucks: template not found: missing.njk"]);
    expect(brief(render("One.\n\n{% if true %}\nTwo.\n", { templates: SITE }).diagnostics)).toEqual(
      ["7:1 error nunjucks Nunjucks: parseIf: expected elif, else, or endif, got end of file"],
    );
  });

  // Regression: an indented code block is code, but v0.1's scanner did not protect it, so
  // Nunjucks rendered `{{ x }}` inside it (here to "EVIL").
  it("leaves an indented code block exactly as written", () => {
    const { document } = render("para {{ site.title }}\n\n    {{ x }} code\n", {
      templates: { ...SITE, x: "EVIL" },
    });
    expect(document.querySelector("pre code")?.textContent).toBe("{{ x }} code\n");
  });
});
