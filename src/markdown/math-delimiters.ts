/**
 * Where `$…$` and `$$…$$` math begins and ends. Shared by the markdown-it math
 * rules and by the shortcode scanner, which must leave math untouched, so the
 * two always agree on what is math.
 */

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\r";

/** Whether the character at `index` is escaped by an odd run of backslashes before it. */
export function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === "\\"; i--) backslashes++;
  return backslashes % 2 === 1;
}

/**
 * For a `$` at `open` that starts inline math, the index of the closing `$`;
 * otherwise -1. Rules (as in Pandoc): the opening `$` is not followed by a
 * space, the closing one is not preceded by a space nor followed by a digit,
 * and math does not cross a blank line. `$$…$$` inside a line is display math.
 */
export function findInlineMathClose(text: string, open: number, limit = text.length): number {
  if (text[open] !== "$" || isEscaped(text, open)) return -1;
  if (text[open + 1] === "$") return findDisplayClose(text, open + 2, limit);
  if (isSpace(text[open + 1]) || open + 1 >= limit) return -1;
  for (let i = open + 1; i < limit; i++) {
    const c = text[i];
    if (c === "\n" && /^\n[ \t]*(\n|$)/.test(text.slice(i, i + 80))) return -1;
    if (c !== "$" || isEscaped(text, i)) continue;
    // A `$` beside another `$` belongs to display math, never closes inline math.
    if (text[i - 1] === "$" || text[i + 1] === "$") continue;
    if (isSpace(text[i - 1])) continue;
    if (/[0-9]/.test(text[i + 1] ?? "")) continue;
    return i;
  }
  return -1;
}

/** Index of the first `$` of the `$$` closing display math begun before `from`, or -1. */
function findDisplayClose(text: string, from: number, limit: number): number {
  for (let i = from; i < limit - 1; i++) {
    if (text[i] === "$" && text[i + 1] === "$" && !isEscaped(text, i)) return i > from ? i : -1;
    if (text[i] === "\n" && /^\n[ \t]*(\n|$)/.test(text.slice(i, i + 80))) return -1;
  }
  return -1;
}

/** The width of the delimiter opening inline math at `open` (1 for `$`, 2 for `$$`). */
export function delimiterWidth(text: string, open: number): 1 | 2 {
  return text[open + 1] === "$" ? 2 : 1;
}

/**
 * A display-math block: a line that starts with `$$` (up to three spaces of
 * indentation) opens it; it ends on the line that ends with `$$`, which may be
 * the same line. Returns the 0-based index of the closing line, or -1.
 */
export function findDisplayBlockEnd(
  lines: readonly string[] | ((index: number) => string | undefined),
  start: number,
): number {
  const lineAt = typeof lines === "function" ? lines : (i: number) => lines[i];
  const first = lineAt(start)?.trimStart() ?? "";
  if (!first.startsWith("$$")) return -1;
  const rest = first.slice(2).trimEnd();
  if (closesDisplay(rest)) return start;
  // `$$x$$ and more` opens a paragraph with inline display math, not a block.
  if (unescapedIndex(rest, "$$") >= 0) return -1;
  for (let i = start + 1; ; i++) {
    const line = lineAt(i);
    if (line === undefined) return -1;
    if (closesDisplay(line.trimEnd())) return i;
  }
}

/** Whether a (right-trimmed) line ends with an unescaped `$$`. */
function closesDisplay(line: string): boolean {
  return line.endsWith("$$") && !isEscaped(line, line.length - 2);
}

function unescapedIndex(text: string, needle: string): number {
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    if (!isEscaped(text, i)) return i;
  }
  return -1;
}

/** Whether a line opens a display-math block. */
export function opensDisplayBlock(line: string): boolean {
  return /^ {0,3}\$\$/.test(line);
}
