/**
 * Scans an article body before anything renders it. Nunjucks runs before
 * Markdown in this format, and the two collide: `{{ }}` in code, `{#id}`
 * attributes, TeX in math. The scanner finds what is code, math or comment
 * (left exactly as written) and what is a shortcode tag (parsed, with its
 * location), so that shortcodes are expanded by us, with located errors, and
 * Nunjucks only ever sees text that is meant for it.
 */
import {
  findDisplayBlockEnd,
  findInlineMathClose,
  opensDisplayBlock,
} from "../markdown/math-delimiters.js";
import { didYouMean } from "../core/suggest.js";

/** A string argument of a shortcode, unescaped as Nunjucks would, with the offset of its opening quote. */
export interface StringArgument {
  value: string;
  offset: number;
  /** Backslash escapes that dropped a backslash (`\a` → `a`), to warn about TeX written with one. */
  lostEscapes: { offset: number; sequence: string }[];
}

export type Segment =
  | { kind: "text"; start: number; end: number }
  /** Code, math, comments, `{% raw %}` contents: copied exactly, never seen by Nunjucks. */
  | { kind: "protected"; start: number; end: number }
  /** A `{% name … %}` tag of ours. */
  | {
      kind: "tag";
      name: string;
      args: StringArgument[];
      start: number;
      end: number;
      nameOffset: number;
    }
  /** Other Nunjucks syntax (`{{ x }}`, `{% if %}`, `{# comment #}`): left for Nunjucks. */
  | { kind: "nunjucks"; start: number; end: number }
  /** A tag that could not be used (reported in `problems`): shown as written, never parsed again. */
  | { kind: "broken"; start: number; end: number };

export interface ScanProblem {
  offset: number;
  rule: string;
  message: string;
  hint?: string;
}

export interface ScanResult {
  segments: Segment[];
  problems: ScanProblem[];
  /** Whether any segment needs a Nunjucks pass. */
  needsNunjucks: boolean;
}

/** Nunjucks' own tags: left to Nunjucks when an author uses them. */
export const NUNJUCKS_TAGS = new Set([
  "if",
  "elif",
  "elseif",
  "else",
  "endif",
  "for",
  "endfor",
  "asyncEach",
  "endeach",
  "asyncAll",
  "endall",
  "set",
  "endset",
  "include",
  "import",
  "from",
  "macro",
  "endmacro",
  "call",
  "endcall",
  "filter",
  "endfilter",
  "block",
  "endblock",
  "extends",
]);

const FENCE_OPEN = /^[ \t]*(?:>[ \t]?)*[ \t]*(`{3,}|~{3,})([^\n]*)$/;

export function scanBody(text: string, shortcodes: ReadonlySet<string>): ScanResult {
  const segments: Segment[] = [];
  const problems: ScanProblem[] = [];
  let needsNunjucks = false;
  let textStart = 0;
  let i = 0;

  const flushText = (end: number) => {
    if (end > textStart) segments.push({ kind: "text", start: textStart, end });
  };
  const emit = (segment: Segment) => {
    flushText(segment.start);
    segments.push(segment);
    textStart = i = segment.end;
  };

  // Block context, for indented code: it starts after a blank line, outside lists.
  let previousBlank = true;
  let inList = false;

  while (i < text.length) {
    if (i === 0 || text[i - 1] === "\n") {
      const line = text.slice(i, endOfLine(text, i));
      const blank = line.trim() === "";
      const end = blank ? i : blockProtectedEnd(text, i, previousBlank && !inList);
      if (!blank) {
        if (LIST_ITEM.test(line)) inList = true;
        else if (!/^\s/.test(line)) inList = false;
      }
      previousBlank = blank;
      if (end > i) {
        emit({ kind: "protected", start: i, end });
        continue;
      }
    }
    const c = text[i];
    if (c === "\\" && (text[i + 1] === "$" || text[i + 1] === "`")) {
      i += 2;
    } else if (c === "`") {
      const run = runLength(text, i, "`");
      const close = findCodeSpanClose(text, i + run, run);
      if (close < 0) i += run;
      else emit({ kind: "protected", start: i, end: close + run });
    } else if (c === "$") {
      const close = findInlineMathClose(text, i);
      if (close < 0) i++;
      else emit({ kind: "protected", start: i, end: close + (text[i + 1] === "$" ? 2 : 1) });
    } else if (c === "<" && text.startsWith("<!--", i)) {
      const close = text.indexOf("-->", i + 4);
      emit({ kind: "protected", start: i, end: close < 0 ? text.length : close + 3 });
    } else if (c === "{" && text[i + 1] === "%") {
      const tag = parseTag(text, i);
      if ("problem" in tag) {
        problems.push(tag.problem);
        emit({ kind: "broken", start: i, end: tag.end ?? endOfLine(text, i) });
        continue;
      }
      if (tag.name === "raw" || tag.name === "verbatim") {
        const endTag = findEndRaw(text, tag.end, tag.name);
        if (!endTag) {
          problems.push({
            offset: i,
            rule: "shortcode-unclosed",
            message: `Unclosed {% ${tag.name} %}: expected {% end${tag.name} %}`,
          });
          emit({ kind: "broken", start: i, end: tag.end });
          continue;
        }
        flushText(i);
        segments.push({ kind: "protected", start: tag.end, end: endTag.start });
        textStart = i = endTag.end;
      } else if (shortcodes.has(tag.name)) {
        emit({
          kind: "tag",
          name: tag.name,
          args: tag.args,
          start: i,
          end: tag.end,
          nameOffset: tag.nameOffset,
        });
      } else if (NUNJUCKS_TAGS.has(tag.name)) {
        needsNunjucks = true;
        emit({ kind: "nunjucks", start: i, end: tag.end });
      } else {
        const known = [...shortcodes, ...NUNJUCKS_TAGS];
        problems.push({
          offset: tag.nameOffset,
          rule: "shortcode-unknown",
          message: `Unknown shortcode "${tag.name}"`,
          ...suggestion(tag.name, known),
        });
        emit({ kind: "broken", start: i, end: tag.end });
      }
    } else if (c === "{" && text[i + 1] === "{") {
      const close = text.indexOf("}}", i + 2);
      if (close < 0) {
        problems.push({
          offset: i,
          rule: "shortcode-unclosed",
          message: "Unclosed {{: expected }}",
        });
        emit({ kind: "broken", start: i, end: i + 2 });
      } else {
        needsNunjucks = true;
        emit({ kind: "nunjucks", start: i, end: close + 2 });
      }
    } else if (c === "{" && text[i + 1] === "#") {
      const end = nunjucksCommentEnd(text, i);
      if (end < 0) {
        // markdown-it-attrs' `{#id …}`: not a Nunjucks comment, and must not be taken for one.
        const close = text.indexOf("}", i);
        emit({ kind: "protected", start: i, end: close < 0 ? i + 2 : close + 1 });
      } else {
        needsNunjucks = true;
        emit({ kind: "nunjucks", start: i, end });
      }
    } else {
      i++;
    }
  }
  flushText(text.length);
  return { segments, problems, needsNunjucks };
}

const LIST_ITEM = /^\s{0,3}([-*+]|\d{1,9}[.)])(\s|$)/;

/**
 * End of a fenced code block, display-math block or (when `codeMayStart`)
 * indented code block starting at this line, or `start` if none.
 */
function blockProtectedEnd(text: string, start: number, codeMayStart: boolean): number {
  const lineEnd = endOfLine(text, start);
  const line = text.slice(start, lineEnd);
  const fence = FENCE_OPEN.exec(line);
  if (fence && !(fence[1]![0] === "`" && fence[2]!.includes("`"))) {
    const marker = fence[1]!;
    let at = lineEnd + 1;
    while (at <= text.length) {
      const end = endOfLine(text, at);
      const candidate = text
        .slice(at, end)
        .replace(/^[ \t]*(?:>[ \t]?)*[ \t]*/, "")
        .trimEnd();
      if (candidate.length >= marker.length && candidate === marker[0]!.repeat(candidate.length))
        return end;
      at = end + 1;
    }
    return text.length;
  }
  if (codeMayStart && /^( {4}|\t)/.test(line)) {
    // Indented code runs until a non-blank line indented less.
    let end = lineEnd;
    let at = lineEnd + 1;
    while (at < text.length) {
      const next = endOfLine(text, at);
      const candidate = text.slice(at, next);
      if (candidate.trim() !== "" && !/^( {4}|\t)/.test(candidate)) break;
      if (candidate.trim() !== "") end = next;
      at = next + 1;
    }
    return end;
  }
  if (opensDisplayBlock(line)) {
    // Lines from this one on, found as the shared rule asks for them.
    const starts = [start];
    const lineAt = (i: number) => {
      while (starts.length <= i) {
        const next = text.indexOf("\n", starts.at(-1));
        if (next < 0) return undefined;
        starts.push(next + 1);
      }
      return text.slice(starts[i], endOfLine(text, starts[i]!));
    };
    const close = findDisplayBlockEnd(lineAt, 0);
    if (close >= 0) return endOfLine(text, starts[close]!);
  }
  return start;
}

function endOfLine(text: string, from: number): number {
  const end = text.indexOf("\n", from);
  return end < 0 ? text.length : end;
}

function runLength(text: string, from: number, char: string): number {
  let n = 0;
  while (text[from + n] === char) n++;
  return n;
}

/** Start of the backtick run of exactly `run` closing a code span, within the paragraph. */
function findCodeSpanClose(text: string, from: number, run: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === "\n" && /^\n[ \t]*(\n|$)/.test(text.slice(i, i + 80))) return -1;
    if (c === "`") {
      const n = runLength(text, i, "`");
      if (n === run) return i;
      i += n;
    } else i++;
  }
  return -1;
}

/** End of a `{# … #}` Nunjucks comment at `start`, or -1 when this is a `{#id}` attribute block. */
function nunjucksCommentEnd(text: string, start: number): number {
  const close = text.indexOf("#}", start + 2);
  if (close < 0) return -1;
  const brace = text.indexOf("}", start + 2);
  // `{#id .class}`: the first `}` closes an attribute block before any `#}`.
  if (brace >= 0 && brace < close + 1) return -1;
  return close + 2;
}

function findEndRaw(
  text: string,
  from: number,
  name: string,
): { start: number; end: number } | undefined {
  const pattern = new RegExp(`\\{%-?\\s*end${name}\\s*-?%\\}`, "g");
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}

type ParsedTag =
  | { name: string; nameOffset: number; args: StringArgument[]; end: number }
  /** `end`: where the tag ends, when its `%}` was found. */
  | { problem: ScanProblem; end?: number };

/** Parses `{% name "a", 'b' %}` at `start`. Arguments must be quoted strings separated by commas. */
function parseTag(text: string, start: number): ParsedTag {
  let i = start + 2;
  if (text[i] === "-") i++;
  while (text[i] === " " || text[i] === "\t") i++;
  const nameMatch = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 64));
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
  let foreign = false; // anything but strings and commas: only Nunjucks' own tags take those
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\n" && /^\n[ \t]*(\n|$)/.test(text.slice(i, i + 80))) break;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
    } else if (
      (c === "%" && text[i + 1] === "}") ||
      (c === "-" && text[i + 1] === "%" && text[i + 2] === "}")
    ) {
      const end = i + (c === "-" ? 3 : 2);
      if (foreign && !NUNJUCKS_TAGS.has(name)) return { ...malformed(name, nameOffset), end };
      return { name, nameOffset, args, end };
    } else if (c === '"' || c === "'") {
      if (expectComma && !foreign) return malformed(name, i, "Expected a comma between arguments");
      const parsed = parseString(text, i);
      if (!parsed) {
        return {
          problem: {
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
      foreign = true;
      i++;
    }
  }
  return {
    problem: {
      offset: start,
      rule: "shortcode-unclosed",
      message: `Unclosed tag {% ${name}: expected %}`,
    },
  };
}

function malformed(name: string, offset: number, detail?: string): { problem: ScanProblem } {
  return {
    problem: {
      offset,
      rule: "shortcode-malformed",
      message: `${detail ?? "Malformed arguments"} in {% ${name} %}: arguments are quoted strings separated by commas`,
    },
  };
}

/** A Nunjucks string literal: `\n`, `\t`, `\r` are control characters, any other `\x` is `x`. */
function parseString(
  text: string,
  start: number,
): { argument: StringArgument; end: number } | undefined {
  const quote = text[start]!;
  let value = "";
  const lostEscapes: StringArgument["lostEscapes"] = [];
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === quote) return { argument: { value, offset: start, lostEscapes }, end: i + 1 };
    if (c !== "\\") {
      value += c;
      continue;
    }
    const next = text[++i];
    if (next === undefined) return undefined;
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

function suggestion(name: string, known: string[]): { hint?: string } {
  const hint = didYouMean(name, known);
  return hint === undefined ? {} : { hint };
}
