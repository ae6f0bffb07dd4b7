/**
 * The syntax of one `{% name "a", 'b' %}` tag, read from a position in a
 * text. Arguments are Nunjucks string literals (the format existing courses
 * use), so they unescape as Nunjucks does. Where a tag may stand is not
 * decided here: the markdown-it rules call this only where markdown-it is
 * reading text.
 */
import type { SourcePosition } from "../markdown/render-context.js";

/** A string argument, unescaped as Nunjucks would. */
export interface StringArgument {
  value: string;
  /** Offset of its opening quote in the scanned text. */
  offset: number;
  /** For each character of `value` (and one past the end), its offset in the scanned text. */
  sourceIndex: readonly number[];
  /** Backslash escapes that dropped a backslash (`\a` → `a`), to warn about TeX written with one. */
  lostEscapes: { offset: number; sequence: string }[];
}

export interface Tag {
  name: string;
  nameOffset: number;
  args: StringArgument[];
  /** Offsets of the whole tag, `{%` to `%}`: [start, end). */
  start: number;
  end: number;
  /** `{%-`: Nunjucks whitespace control, trims the whitespace before the tag. */
  trimBefore: boolean;
  /** `-%}`: trims the whitespace after it. */
  trimAfter: boolean;
  /** Whether anything but strings and commas stood between the name and `%}` (Nunjucks' own tags take expressions). */
  expression: boolean;
}

export interface TagProblem {
  /** The tag's name, when it has one. */
  name?: string;
  offset: number;
  rule: string;
  message: string;
  hint?: string;
  /** Where the broken tag ends, when its `%}` was found. */
  end?: number;
}

export type TagResult = { tag: Tag } | { problem: TagProblem };

/** Where a tag is read from: the inline text itself, or (after a Nunjucks pass) the body a tag marker points into. */
export interface TagText {
  text: string;
  max: number;
  position: (offset: number) => SourcePosition | undefined;
  markdownOffset: (offset: number) => number | undefined;
}

/** The end of the line `from` is on, within `max`. */
export function lineEnd(text: string, from: number, max: number): number {
  const end = text.indexOf("\n", from);
  return end < 0 || end > max ? max : end;
}

/** The name of the first `{% name` in a text (an attribute value, an HTML tag), if any. */
export function tagNameIn(text: string): { name: string; text: string } | undefined {
  const match = /\{%-?\s*([A-Za-z_]\w*)/.exec(text);
  return match ? { name: match[1]!, text: match[0] } : undefined;
}

const isBlankLineAhead = (text: string, newline: number, max: number) =>
  /^\n[ \t]*(\n|$)/.test(text.slice(newline, Math.min(max, newline + 80)));

/**
 * Reads the tag that starts with `{%` at `start`, ending before `max`. A tag
 * never crosses a blank line. Arguments of our shortcodes must be quoted
 * strings separated by commas; Nunjucks' own tags may hold expressions.
 */
export function readTag(
  text: string,
  start: number,
  max: number,
  allowsExpressions: (name: string) => boolean,
): TagResult {
  const strings: [number, number][] = [];
  const result = readTagFrom(text, start, max, allowsExpressions, strings);
  return "problem" in result ? { problem: runawayString(text, strings, result.problem) } : result;
}

/**
 * A string that holds `%}`, in a tag that then fails to parse, was meant to
 * end before it: `{% sidenote "unclosed %} … {% sidenote "ok" %}` reads as
 * one string up to the second tag's quote, and fails after it. The problem is
 * the first such string, at its opening quote, and the tag ends at that `%}`
 * (the text after it is read as text again).
 */
function runawayString(
  text: string,
  strings: readonly [number, number][],
  problem: TagProblem,
): TagProblem {
  for (const [quote, end] of strings) {
    const close = text.slice(quote, end).search(/-?%\}/);
    if (close < 0) continue;
    const at = quote + close;
    const mark = text[quote]!;
    return {
      ...(problem.name === undefined ? {} : { name: problem.name }),
      offset: quote,
      rule: "shortcode-malformed",
      message: `Unterminated string in {% ${problem.name} %}`,
      hint: `the string runs on past %}: end it with ${mark} before %}, and write a ${mark} inside it as \\${mark}`,
      end: at + (text[at] === "-" ? 3 : 2),
    };
  }
  return problem;
}

function readTagFrom(
  text: string,
  start: number,
  max: number,
  allowsExpressions: (name: string) => boolean,
  /** Filled with each string read: [opening quote, end), the end of the text if unterminated. */
  strings: [number, number][],
): TagResult {
  let i = start + 2;
  const trimBefore = text[i] === "-";
  if (trimBefore) i++;
  while (text[i] === " " || text[i] === "\t" || text[i] === "\n") i++;
  const nameMatch = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, Math.min(max, i + 64)));
  if (!nameMatch) {
    return {
      problem: {
        offset: start,
        rule: "shortcode-malformed",
        message: "Expected a shortcode name after {%",
      },
    };
  }
  const name = nameMatch[0];
  const nameOffset = i;
  i += name.length;

  const args: StringArgument[] = [];
  let expectComma = false;
  let expression = false;
  while (i < max) {
    const c = text[i]!;
    if (c === "\n" && isBlankLineAhead(text, i, max)) break;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
    } else if (
      (c === "%" && text[i + 1] === "}") ||
      (c === "-" && text[i + 1] === "%" && text[i + 2] === "}")
    ) {
      const end = i + (c === "-" ? 3 : 2);
      if (expression && !allowsExpressions(name))
        return { problem: { ...malformed(name, nameOffset), end, name } };
      if (!expression && args.length > 0 && !expectComma) {
        return {
          problem: { ...malformed(name, i, "Expected an argument after the comma"), end, name },
        };
      }
      return {
        tag: { name, nameOffset, args, start, end, trimBefore, trimAfter: c === "-", expression },
      };
    } else if (c === '"' || c === "'") {
      if (expectComma && !expression) {
        return { problem: { ...malformed(name, i, "Expected a comma between arguments"), name } };
      }
      const parsed = readString(text, i, max);
      strings.push([i, parsed?.end ?? max]);
      if (!parsed) {
        return {
          problem: {
            name,
            offset: i,
            rule: "shortcode-malformed",
            message: `Unterminated string in {% ${name} %}`,
          },
        };
      }
      args.push(parsed.argument);
      i = parsed.end;
      expectComma = true;
    } else if (c === "," && expectComma) {
      expectComma = false;
      i++;
    } else {
      expression = true;
      i++;
    }
  }
  return {
    problem: {
      name,
      offset: start,
      rule: "shortcode-unclosed",
      message: `Unclosed tag {% ${name}: expected %}`,
    },
  };
}

function malformed(name: string, offset: number, detail?: string): TagProblem {
  return {
    offset,
    rule: "shortcode-malformed",
    message: `${detail ?? "Malformed arguments"} in {% ${name} %}: arguments are quoted strings separated by commas`,
  };
}

/** A Nunjucks string literal: `\n`, `\t`, `\r` are control characters, any other `\x` is `x`. */
function readString(
  text: string,
  start: number,
  max: number,
): { argument: StringArgument; end: number } | undefined {
  const quote = text[start]!;
  let value = "";
  const sourceIndex: number[] = [];
  const lostEscapes: StringArgument["lostEscapes"] = [];
  for (let i = start + 1; i < max; i++) {
    const c = text[i]!;
    if (c === quote) {
      sourceIndex.push(i);
      return { argument: { value, offset: start, sourceIndex, lostEscapes }, end: i + 1 };
    }
    if (c !== "\\") {
      value += c;
      sourceIndex.push(i);
      continue;
    }
    const next = text[++i];
    if (next === undefined || i >= max) return undefined;
    sourceIndex.push(i - 1);
    if (next === "n" || next === "t" || next === "r") {
      value += next === "n" ? "\n" : next === "t" ? "\t" : "\r";
      lostEscapes.push({ offset: i - 1, sequence: `\\${next}` });
    } else {
      if (/[A-Za-z]/.test(next)) lostEscapes.push({ offset: i - 1, sequence: `\\${next}` });
      value += next;
    }
  }
  return undefined;
}
