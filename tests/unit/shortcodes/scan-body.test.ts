import { describe, expect, it } from "vitest";
import { NUNJUCKS_TAGS, scanBody, type Segment } from "../../../src/shortcodes/scan-body.js";

const SHORTCODES = new Set(["sidenote", "marginnote", "pause", "endpause", "cite"]);

/** Each segment as [kind, text it covers]. */
function segments(text: string): [Segment["kind"], string][] {
  return scanBody(text, SHORTCODES).segments.map((s) => [s.kind, text.slice(s.start, s.end)]);
}

function tags(text: string) {
  return scanBody(text, SHORTCODES).segments.filter(
    (s): s is Extract<Segment, { kind: "tag" }> => s.kind === "tag",
  );
}

describe("scanBody: text", () => {
  it("returns plain text as one segment, with nothing to do", () => {
    expect(scanBody("Hello world\n", SHORTCODES)).toEqual({
      segments: [{ kind: "text", start: 0, end: 12 }],
      problems: [],
      needsNunjucks: false,
    });
  });

  it("returns no segments for an empty body", () => {
    expect(scanBody("", SHORTCODES)).toEqual({ segments: [], problems: [], needsNunjucks: false });
  });

  it("covers the whole body with consecutive segments", () => {
    const text = 'A{% sidenote "n" %} `code` $x$ {{ y }} <!-- c --> end';
    const found = scanBody(text, SHORTCODES).segments;
    expect(found[0]?.start).toBe(0);
    expect(found.at(-1)?.end).toBe(text.length);
    for (let i = 1; i < found.length; i++) expect(found[i]?.start).toBe(found[i - 1]?.end);
  });
});

describe("scanBody: shortcode tags", () => {
  it("parses a sidenote with a string argument and its offsets", () => {
    const text = 'A{% sidenote "a, b" %} c';
    expect(scanBody(text, SHORTCODES).segments).toEqual([
      { kind: "text", start: 0, end: 1 },
      {
        kind: "tag",
        name: "sidenote",
        args: [{ value: "a, b", offset: 13, lostEscapes: [] }],
        start: 1,
        end: 22,
        nameOffset: 4,
      },
      { kind: "text", start: 22, end: 24 },
    ]);
  });

  it("parses several arguments in double or single quotes", () => {
    const [tag] = tags(`{% cite "a", 'b, p. 4' %}`);
    expect(tag?.args).toEqual([
      { value: "a", offset: 8, lostEscapes: [] },
      { value: "b, p. 4", offset: 13, lostEscapes: [] },
    ]);
  });

  it("parses a tag without arguments", () => {
    const [tag] = tags("{% endpause %}");
    expect(tag).toEqual({
      kind: "tag",
      name: "endpause",
      args: [],
      start: 0,
      end: 14,
      nameOffset: 3,
    });
  });

  it("accepts Nunjucks whitespace control and line breaks inside the tag", () => {
    expect(tags('{%- sidenote "x" -%}')[0]).toMatchObject({
      name: "sidenote",
      end: 20,
      nameOffset: 4,
    });
    expect(tags('{% sidenote\n  "x"\n%}')[0]?.args.map((a) => a.value)).toEqual(["x"]);
  });

  it('unescapes \\" and \\\\ as Nunjucks does, without warnings', () => {
    const [tag] = tags('{% sidenote "say \\"hi\\" \\\\ ok" %}');
    expect(tag?.args).toEqual([{ value: 'say "hi" \\ ok', offset: 12, lostEscapes: [] }]);
    expect(tags("{% sidenote 'it\\'s' %}")[0]?.args[0]?.value).toBe("it's");
  });

  it("records escapes that lose their backslash: \\a becomes a, \\n a line break", () => {
    const [tag] = tags('{% sidenote "\\alpha and \\n" %}');
    expect(tag?.args).toEqual([
      {
        value: "alpha and \n",
        offset: 12,
        lostEscapes: [
          { offset: 13, sequence: "\\a" },
          { offset: 24, sequence: "\\n" },
        ],
      },
    ]);
  });

  it("turns \\t and \\r into control characters", () => {
    const [tag] = tags('{% sidenote "a\\tb\\rc" %}');
    expect(tag?.args[0]?.value).toBe("a\tb\rc");
    expect(tag?.args[0]?.lostEscapes.map((l) => l.sequence)).toEqual(["\\t", "\\r"]);
  });

  it("does not warn about escaped punctuation other than letters", () => {
    expect(tags('{% sidenote "50\\% \\$x\\$" %}')[0]?.args[0]).toEqual({
      value: "50% $x$",
      offset: 12,
      lostEscapes: [],
    });
  });
});

describe("scanBody: protected text", () => {
  it("protects a fenced code block with backticks", () => {
    expect(segments("```\n{{ x }}\n```\nafter {{ y }}")).toEqual([
      ["protected", "```\n{{ x }}\n```"],
      ["text", "\nafter "],
      ["nunjucks", "{{ y }}"],
    ]);
  });

  it("protects a fenced code block with tildes and an info string, shortcodes included", () => {
    expect(segments('~~~python\n{% sidenote "x" %}\n~~~\n')).toEqual([
      ["protected", '~~~python\n{% sidenote "x" %}\n~~~'],
      ["text", "\n"],
    ]);
  });

  it("closes a fence only with a run at least as long as the opening one", () => {
    expect(segments("````\n```\n{{x}}\n```\n````\n{{y}}")).toEqual([
      ["protected", "````\n```\n{{x}}\n```\n````"],
      ["text", "\n"],
      ["nunjucks", "{{y}}"],
    ]);
  });

  it("protects an unclosed fence to the end of the body", () => {
    expect(segments("```\n{{x}}")).toEqual([["protected", "```\n{{x}}"]]);
  });

  it("protects a fence inside a blockquote", () => {
    expect(segments("> ```\n> {{x}}\n> ```\n")).toEqual([
      ["protected", "> ```\n> {{x}}\n> ```"],
      ["text", "\n"],
    ]);
  });

  it("protects inline code", () => {
    expect(segments('a `{{ x }}` b ``{% sidenote "y" %}`` c')).toEqual([
      ["text", "a "],
      ["protected", "`{{ x }}`"],
      ["text", " b "],
      ["protected", '``{% sidenote "y" %}``'],
      ["text", " c"],
    ]);
  });

  it("does not protect an unmatched backtick", () => {
    expect(segments("a ` {{ x }}")).toEqual([
      ["text", "a ` "],
      ["nunjucks", "{{ x }}"],
    ]);
  });

  it("protects inline and display math", () => {
    expect(segments("a $\\{{x}}$ b $$\n{% y %}\n$$")).toEqual([
      ["text", "a "],
      ["protected", "$\\{{x}}$"],
      ["text", " b "],
      ["protected", "$$\n{% y %}\n$$"],
    ]);
  });

  it("protects a display math block at the start of a line", () => {
    expect(segments("$$\n{{x}}\n$$\ntext")).toEqual([
      ["protected", "$$\n{{x}}\n$$"],
      ["text", "\ntext"],
    ]);
  });

  it("does not protect dollars that are not math", () => {
    expect(segments("$5 and {{ x }} $10")).toEqual([
      ["text", "$5 and "],
      ["nunjucks", "{{ x }}"],
      ["text", " $10"],
    ]);
    expect(segments("\\$ {{ x }} $")).toEqual([
      ["text", "\\$ "],
      ["nunjucks", "{{ x }}"],
      ["text", " $"],
    ]);
  });

  it("protects HTML comments, to the end when unclosed", () => {
    expect(segments('a <!-- {{ x }} {% sidenote "y" %} --> b')).toEqual([
      ["text", "a "],
      ["protected", '<!-- {{ x }} {% sidenote "y" %} -->'],
      ["text", " b"],
    ]);
    expect(segments("a <!-- {{x}}")).toEqual([
      ["text", "a "],
      ["protected", "<!-- {{x}}"],
    ]);
  });

  it("protects the contents of {% raw %} and drops the raw tags", () => {
    expect(segments("a {% raw %}{{ x }}{% endraw %} b")).toEqual([
      ["text", "a "],
      ["protected", "{{ x }}"],
      ["text", " b"],
    ]);
    expect(segments("{%- raw -%}{% if %}{%- endraw -%}")).toEqual([["protected", "{% if %}"]]);
    expect(segments("{% verbatim %}{{x}}{% endverbatim %}")).toEqual([["protected", "{{x}}"]]);
  });

  // Regression: the scanner protects a line starting with `$$` up to the next line that ends
  // with `$$`, even when markdown-it sees `$$x$$ …` as a paragraph with inline display
  // math. Everything in between (shortcodes, Nunjucks) is then left unprocessed.
  it("does not protect text after a paragraph that begins with inline $$x$$", () => {
    const text = "$$x$$ and more\n\n{{ a }}\n\nend $$";
    const result = scanBody(text, SHORTCODES);
    expect(result.needsNunjucks).toBe(true);
    expect(
      result.segments.filter((s) => s.kind === "nunjucks").map((s) => text.slice(s.start, s.end)),
    ).toEqual(["{{ a }}"]);
  });

  // Regression: an indented code block (four spaces) is code, but the scanner does not protect
  // it, so Nunjucks renders `{{ x }}` written in it.
  it("protects an indented code block", () => {
    const text = "para\n\n    {{ x }}\n";
    const result = scanBody(text, SHORTCODES);
    expect(result.needsNunjucks).toBe(false);
    const protectedText = result.segments
      .filter((s) => s.kind === "protected")
      .map((s) => text.slice(s.start, s.end));
    expect(protectedText.join("")).toContain("{{ x }}");
  });
});

describe("scanBody: Nunjucks", () => {
  it("finds {{ }}, Nunjucks tags and comments, and asks for a Nunjucks pass", () => {
    const result = scanBody("{{ x }} {% if a %}y{% endif %} {# c #}", SHORTCODES);
    expect(result.needsNunjucks).toBe(true);
    expect(result.problems).toEqual([]);
    expect(segments("{{ x }} {% if a %}y{% endif %} {# c #}")).toEqual([
      ["nunjucks", "{{ x }}"],
      ["text", " "],
      ["nunjucks", "{% if a %}"],
      ["text", "y"],
      ["nunjucks", "{% endif %}"],
      ["text", " "],
      ["nunjucks", "{# c #}"],
    ]);
  });

  it("accepts expressions in Nunjucks' own tags", () => {
    expect(segments('{% for x in ["a", "b"] %}{{ x }}{% endfor %}')).toEqual([
      ["nunjucks", '{% for x in ["a", "b"] %}'],
      ["nunjucks", "{{ x }}"],
      ["nunjucks", "{% endfor %}"],
    ]);
  });

  it("knows Nunjucks' own tag names", () => {
    for (const name of ["if", "endif", "for", "endfor", "set", "include", "macro", "else"])
      expect(NUNJUCKS_TAGS.has(name), name).toBe(true);
    expect(NUNJUCKS_TAGS.has("sidenote")).toBe(false);
  });

  it("does not take markdown-it-attrs {#id} blocks for Nunjucks comments", () => {
    const result = scanBody("# Head {#id .cls}\n", SHORTCODES);
    expect(result.needsNunjucks).toBe(false);
    // Protected, so that a Nunjucks pass (if the page needs one) never reads it as a comment.
    expect(segments("# Head {#id .cls}\n")).toEqual([
      ["text", "# Head "],
      ["protected", "{#id .cls}"],
      ["text", "\n"],
    ]);
    expect(segments("# Head {#id}\n\ntext {# comment #}")).toEqual([
      ["text", "# Head "],
      ["protected", "{#id}"],
      ["text", "\n\ntext "],
      ["nunjucks", "{# comment #}"],
    ]);
  });

  it("does not ask for Nunjucks when its syntax is only inside protected text", () => {
    expect(
      scanBody("`{{ x }}` $\\{{y}}$ <!-- {% if %} -->\n```\n{# c #}\n```\n", SHORTCODES)
        .needsNunjucks,
    ).toBe(false);
  });
});

describe("scanBody: problems", () => {
  it("reports an unknown shortcode at its name, with a did-you-mean hint, and keeps it as text", () => {
    expect(scanBody('{% sidenot "x" %}', SHORTCODES)).toEqual({
      segments: [{ kind: "broken", start: 0, end: 17 }],
      problems: [
        {
          offset: 3,
          rule: "shortcode-unknown",
          message: 'Unknown shortcode "sidenot"',
          hint: 'did you mean "sidenote"?',
        },
      ],
      needsNunjucks: false,
    });
  });

  it("suggests Nunjucks tags too, and gives no hint when nothing is close", () => {
    expect(scanBody("{% inclde %}", SHORTCODES).problems[0]?.hint).toBe('did you mean "include"?');
    expect(scanBody('{% zzzzzz "x" %}', SHORTCODES).problems).toEqual([
      { offset: 3, rule: "shortcode-unknown", message: 'Unknown shortcode "zzzzzz"' },
    ]);
  });

  it("reports a tag that is not closed before a blank line", () => {
    expect(scanBody('text {% sidenote "x"\n\nmore', SHORTCODES).problems).toEqual([
      { offset: 5, rule: "shortcode-unclosed", message: "Unclosed tag {% sidenote: expected %}" },
    ]);
  });

  it("reports an unterminated string at its opening quote", () => {
    expect(scanBody('{% sidenote "x %}\n', SHORTCODES).problems).toEqual([
      { offset: 12, rule: "shortcode-malformed", message: "Unterminated string in {% sidenote %}" },
    ]);
  });

  it("reports a missing comma between arguments at the second argument", () => {
    expect(scanBody('{% cite "a" "b" %}', SHORTCODES).problems).toEqual([
      {
        offset: 12,
        rule: "shortcode-malformed",
        message:
          "Expected a comma between arguments in {% cite %}: arguments are quoted strings separated by commas",
      },
    ]);
  });

  it("reports unquoted arguments to a shortcode at its name", () => {
    expect(scanBody("{% sidenote x %}", SHORTCODES).problems).toEqual([
      {
        offset: 3,
        rule: "shortcode-malformed",
        message:
          "Malformed arguments in {% sidenote %}: arguments are quoted strings separated by commas",
      },
    ]);
  });

  it("reports a tag without a name", () => {
    expect(scanBody("a {% %}", SHORTCODES).problems).toEqual([
      { offset: 2, rule: "shortcode-malformed", message: "Expected a shortcode name after {%" },
    ]);
  });

  it("reports {% raw %} without {% endraw %}", () => {
    const result = scanBody("a {% raw %}{{ x }}", SHORTCODES);
    expect(result.problems).toEqual([
      {
        offset: 2,
        rule: "shortcode-unclosed",
        message: "Unclosed {% raw %}: expected {% endraw %}",
      },
    ]);
  });

  it("reports an unclosed {{", () => {
    expect(scanBody("a {{ x ", SHORTCODES)).toEqual({
      segments: [
        { kind: "text", start: 0, end: 2 },
        { kind: "broken", start: 2, end: 4 },
        { kind: "text", start: 4, end: 7 },
      ],
      problems: [{ offset: 2, rule: "shortcode-unclosed", message: "Unclosed {{: expected }}" }],
      needsNunjucks: false,
    });
  });

  it("keeps scanning after a problem", () => {
    const result = scanBody('{% sidenot "x" %} then {% sidenote "ok" %}', SHORTCODES);
    expect(result.problems.map((p) => p.rule)).toEqual(["shortcode-unknown"]);
    expect(tags('{% sidenot "x" %} then {% sidenote "ok" %}').map((t) => t.args[0]?.value)).toEqual(
      ["ok"],
    );
  });
});
