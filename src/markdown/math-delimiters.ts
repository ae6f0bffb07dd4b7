/**
 * Where `$…$` and `$$…$$` math begins and ends: Pandoc's `tex_math_dollars`
 * rule, ported from its parsers `mathInlineWith` and `mathDisplayWith`
 * (Text.Pandoc.Parsing, pandoc 2.17). Pandoc is the reference: the cases in
 * `tests/fixtures/markdown/pandoc-math/` were classified by it, and the one
 * deliberate difference (a backslash escapes the next character in `$$…$$`
 * too) is listed in `tests/unit/markdown/math-pandoc.test.ts`.
 *
 * The rules, for inline math: the opening `$` has a non-space character right
 * after it; the first `$` after it that no backslash escapes (and that is not
 * inside `\text{…}`) is the only candidate for the close; when that candidate
 * has a space before it or a digit after it, there is no math at this `$`: it
 * is literal text, and the scan never moves on to a later `$`. So in
 * "It costs $5, and the loss is $\mathcal{L}$." the `$5,` is text.
 *
 * The callers run where markdown-it's own lexer has already decided what is
 * code and what is escaped: a `$` they see at `open` is never escaped.
 */

/** A match: the formula is `text.slice(start, end)`; the delimiters end at `next`. */
export interface MathMatch {
  display: boolean;
  start: number;
  end: number;
  next: number;
}

/** Haskell's `isSpace`, which Pandoc uses after the opening `$`: ASCII and Unicode space separators. */
const UNICODE_SPACE = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
const isAsciiDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
/** Pandoc's `spaceChar`. */
const isSpaceOrTab = (c: string | undefined) => c === " " || c === "\t";

/** Whether a blank line (only spaces and tabs, then a newline or the end) starts at `from`. */
function blankLineAt(text: string, from: number, limit: number): boolean {
  let i = from;
  while (i < limit && isSpaceOrTab(text[i])) i++;
  return i < limit && text[i] === "\n";
}

/**
 * Math starting at the `$` at `open`, reading no further than `limit`: `$$…$$`
 * (display) when it closes, else `$…$` (inline), as Pandoc tries them.
 */
export function matchMath(text: string, open: number, limit = text.length): MathMatch | undefined {
  if (text[open] !== "$") return undefined;
  return (
    (text[open + 1] === "$" ? matchDisplayMath(text, open, limit) : undefined) ??
    matchInlineMath(text, open, limit)
  );
}

/**
 * `$…$` at `open` (Pandoc's `mathInlineWith "$" "$"`). Inside, a backslash
 * takes the next character with it; `\text{…}` (braces balanced) may hold a
 * `$`; a run of spaces, or a line break, must not be followed by `$`.
 */
export function matchInlineMath(
  text: string,
  open: number,
  limit = text.length,
): MathMatch | undefined {
  if (text[open] !== "$") return undefined;
  let i = open + 1;
  // `notFollowedBy space`, and Pandoc's `many1Till` does not start with the closing delimiter.
  if (i >= limit || UNICODE_SPACE.test(text[i]!) || text[i] === "$") return undefined;
  for (;;) {
    if (i >= limit) return undefined;
    const c = text[i]!;
    if (c === "$" && i > open + 1) break;
    if (c === "\\") {
      if (i + 1 >= limit) return undefined;
      const braced = text.startsWith("text", i + 1) ? balancedBraces(text, i + 5, limit) : -1;
      i = braced >= 0 ? braced : i + 2;
    } else if (c === " " || c === "\t" || c === "\n") {
      let j = i;
      while (j < limit && isSpaceOrTab(text[j])) j++;
      if (text[j] === "\n" && j < limit) {
        // A line break inside math: not before a blank line, and the next line may not start with `$`.
        if (blankLineAt(text, j + 1, limit) || j + 1 >= limit) return undefined;
        j++;
      }
      if (text[j] === "$" || j >= limit) return undefined;
      i = j;
    } else {
      i++;
    }
  }
  // `notFollowedBy digit`: `$5 and $6` are prices, and `$x$5` is not math either.
  if (isAsciiDigit(text[i + 1])) return undefined;
  return { display: false, start: open + 1, end: i, next: i + 1 };
}

/**
 * Where `\text{…}` starting with the `{` at `from` ends (after its `}`), or -1.
 * As in Pandoc, a backslash makes the characters after it literal: the run
 * of backslashes and the one character after it.
 */
function balancedBraces(text: string, from: number, limit: number): number {
  if (text[from] !== "{") return -1;
  let depth = 1;
  let i = from + 1;
  while (i < limit) {
    const c = text[i]!;
    if (c === "\\") {
      while (i < limit && text[i] === "\\") i++;
      i++;
    } else {
      if (c === "}" && --depth === 0) return i + 1;
      if (c === "{") depth++;
      i++;
    }
  }
  return -1;
}

/**
 * `$$…$$` at `open` (Pandoc's `mathDisplayWith "$$" "$$"`): any characters,
 * line breaks included but not a blank line, up to the first `$$`. Unlike
 * Pandoc, a backslash takes the next character with it, so that `\$` (a
 * dollar sign in TeX) never closes the formula: Pandoc reads `$$a = \$$$`
 * as the formula `a = \` followed by a `$`.
 */
export function matchDisplayMath(
  text: string,
  open: number,
  limit = text.length,
): MathMatch | undefined {
  if (!text.startsWith("$$", open) || open + 2 > limit) return undefined;
  const closesAt = (i: number) => i + 2 <= limit && text.startsWith("$$", i);
  let i = open + 2;
  if (closesAt(i)) return undefined;
  for (;;) {
    if (i >= limit) return undefined;
    if (i > open + 2 && closesAt(i)) return { display: true, start: open + 2, end: i, next: i + 2 };
    const c = text[i]!;
    if (c === "\\" && i + 1 < limit && text[i + 1] !== "\n") i += 2;
    else if (c === "\n" && blankLineAt(text, i + 1, limit)) return undefined;
    else i++;
  }
}
