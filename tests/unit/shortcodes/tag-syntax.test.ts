/**
 * The syntax of one tag, read at a position (the v0.1 scanner's tag tests,
 * moved to the module that reads tags now; where a tag may stand is tested
 * through the whole body pipeline in tests/unit/render/).
 */
import { describe, expect, it } from "vitest";
import { takesExpressions } from "../../../src/shortcodes/registry.js";
import { readTag, type Tag } from "../../../src/shortcodes/tag-syntax.js";

const read = (text: string, start = text.indexOf("{%")) =>
  readTag(text, start, text.length, takesExpressions);

function tag(text: string, start?: number): Tag {
  const result = read(text, start);
  if (!("tag" in result)) throw new Error(result.problem.message);
  return result.tag;
}

/** The arguments without their offset maps, for compact assertions. */
const args = (t: Tag) =>
  t.args.map(({ value, offset, lostEscapes }) => ({ value, offset, lostEscapes }));

describe("readTag: shortcode tags", () => {
  it("parses a sidenote with a string argument and its offsets", () => {
    const t = tag('A{% sidenote "a, b" %} c');
    expect({ name: t.name, start: t.start, end: t.end, nameOffset: t.nameOffset }).toEqual({
      name: "sidenote",
      start: 1,
      end: 22,
      nameOffset: 4,
    });
    expect(args(t)).toEqual([{ value: "a, b", offset: 13, lostEscapes: [] }]);
  });

  it("maps every character of an argument's value to where it was written", () => {
    const t = tag('{% sidenote "a\\\\b" %}');
    // `a`, the escaped backslash (written at 14, its escape at 15), `b`, and the closing quote.
    expect(t.args[0]?.value).toBe("a\\b");
    expect(t.args[0]?.sourceIndex).toEqual([13, 14, 16, 17]);
  });

  it("parses several arguments in double or single quotes", () => {
    expect(args(tag(`{% cite "a", 'b, p. 4' %}`))).toEqual([
      { value: "a", offset: 8, lostEscapes: [] },
      { value: "b, p. 4", offset: 13, lostEscapes: [] },
    ]);
  });

  it("parses a tag without arguments", () => {
    const t = tag("{% endpause %}");
    expect([t.name, t.args, t.start, t.end, t.nameOffset]).toEqual(["endpause", [], 0, 14, 3]);
  });

  it("accepts Nunjucks whitespace control and line breaks inside the tag", () => {
    const t = tag('{%- sidenote "x" -%}');
    expect([t.name, t.end, t.nameOffset, t.trimBefore, t.trimAfter]).toEqual([
      "sidenote",
      20,
      4,
      true,
      true,
    ]);
    expect(tag('{% sidenote\n  "x"\n%}').args.map((a) => a.value)).toEqual(["x"]);
  });

  it('unescapes \\" and \\\\ as Nunjucks does, without warnings', () => {
    expect(args(tag('{% sidenote "say \\"hi\\" \\\\ ok" %}'))).toEqual([
      { value: 'say "hi" \\ ok', offset: 12, lostEscapes: [] },
    ]);
    expect(tag("{% sidenote 'it\\'s' %}").args[0]?.value).toBe("it's");
  });

  it("records escapes that lose their backslash: \\a becomes a, \\n a line break", () => {
    expect(args(tag('{% sidenote "\\alpha and \\n" %}'))).toEqual([
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
    const t = tag('{% sidenote "a\\tb\\rc" %}');
    expect(t.args[0]?.value).toBe("a\tb\rc");
    expect(t.args[0]?.lostEscapes.map((l) => l.sequence)).toEqual(["\\t", "\\r"]);
  });

  it("does not warn about escaped punctuation other than letters", () => {
    expect(args(tag('{% sidenote "50\\% \\$x\\$" %}'))).toEqual([
      { value: "50% $x$", offset: 12, lostEscapes: [] },
    ]);
  });

  it("takes expressions in Nunjucks' own tags", () => {
    const t = tag('{% for x in ["a", "b"] %}');
    expect([t.name, t.expression]).toEqual(["for", true]);
  });
});

describe("readTag: problems", () => {
  it("reports a tag that is not closed before a blank line", () => {
    expect(read('text {% sidenote "x"\n\nmore')).toEqual({
      problem: {
        name: "sidenote",
        offset: 5,
        rule: "shortcode-unclosed",
        message: "Unclosed tag {% sidenote: expected %}",
      },
    });
  });

  it("reports an unterminated string at its opening quote", () => {
    expect(read('{% sidenote "x\n')).toEqual({
      problem: {
        name: "sidenote",
        offset: 12,
        rule: "shortcode-malformed",
        message: "Unterminated string in {% sidenote %}",
      },
    });
  });

  // Regression: the string ran on to the next tag's opening quote, and the problem was reported there.
  it("reports a string that runs on past %} at its opening quote, and ends the tag at that %}", () => {
    const text = 'a {% sidenote "unclosed %} b {% sidenote "ok" %} c';
    expect(read(text)).toEqual({
      problem: {
        name: "sidenote",
        offset: 14,
        rule: "shortcode-malformed",
        message: "Unterminated string in {% sidenote %}",
        hint: 'the string runs on past %}: end it with " before %}, and write a " inside it as \\"',
        end: 26,
      },
    });
    expect(text.slice(26)).toBe(' b {% sidenote "ok" %} c');
  });

  it("blames the first of several strings that hold %}", () => {
    const result = read(`{% cite "a", 'b %} x %} y', "c %} z`);
    expect("problem" in result && [result.problem.offset, result.problem.end]).toEqual([13, 18]);
  });

  it("leaves a string holding %} alone when the tag is well formed", () => {
    expect(tag('{% sidenote "write %} to close a tag" %}').args[0]?.value).toBe(
      "write %} to close a tag",
    );
  });

  it("reports a missing comma between arguments at the second argument", () => {
    expect(read('{% cite "a" "b" %}')).toEqual({
      problem: {
        name: "cite",
        offset: 12,
        rule: "shortcode-malformed",
        message:
          "Expected a comma between arguments in {% cite %}: arguments are quoted strings separated by commas",
      },
    });
  });

  // Regression: a trailing comma was accepted silently.
  it("reports a comma with no argument after it", () => {
    const result = read('{% cite "a", %}');
    expect("problem" in result && result.problem.message).toBe(
      "Expected an argument after the comma in {% cite %}: arguments are quoted strings separated by commas",
    );
  });

  it("reports unquoted arguments to a shortcode at its name", () => {
    const result = read("{% sidenote x %}");
    expect("problem" in result && [result.problem.offset, result.problem.message]).toEqual([
      3,
      "Malformed arguments in {% sidenote %}: arguments are quoted strings separated by commas",
    ]);
  });

  it("reports a tag without a name", () => {
    expect(read("a {% %}")).toEqual({
      problem: {
        offset: 2,
        rule: "shortcode-malformed",
        message: "Expected a shortcode name after {%",
      },
    });
  });
});
