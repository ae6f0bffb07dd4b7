/**
 * The strict syntax of an attribute block, as Pandoc reads one: `{` then
 * `#id`, `.class`, `key=value`, `key="value"` or `key='value'`, separated by
 * whitespace, then `}`. Anything else in braces is text (`{a, b}`,
 * `{Smith 2020}`, `{placeholder}`). Quoted values may hold braces and spaces.
 */

const NAME = /[\p{L}\p{N}_-][\p{L}\p{N}_:.-]*/uy;
const CLASS = /[\p{L}\p{N}_-][\p{L}\p{N}_-]*/uy;
const KEY = /[A-Za-z_:][A-Za-z0-9_.:-]*/y;
const UNQUOTED = /[^\s"'=<>`{}]+/y;

function match(pattern: RegExp, src: string, at: number, max: number): string | undefined {
  pattern.lastIndex = at;
  const found = pattern.exec(src);
  if (!found || found.index !== at || at + found[0].length > max) return undefined;
  return found[0];
}

/** If a strict attribute block `{…}` starts at `start` in `src` (and ends before `max`), its end (index after `}`) and its attributes; otherwise undefined. */
export function parseAttributeBlock(
  src: string,
  start: number,
  max = src.length,
): { end: number; attrs: [string, string][] } | undefined {
  if (src[start] !== "{") return undefined;
  const attrs: [string, string][] = [];
  let i = start + 1;
  const skipSpace = () => {
    const from = i;
    while (i < max && (src[i] === " " || src[i] === "\t")) i++;
    return i > from;
  };
  skipSpace();
  while (i < max) {
    if (src[i] === "}") return attrs.length > 0 ? { end: i + 1, attrs } : undefined;
    if (attrs.length > 0 && !/[ \t]/.test(src[i - 1] ?? "")) return undefined;
    const c = src[i];
    if (c === "#" || c === ".") {
      const name = match(c === "#" ? NAME : CLASS, src, i + 1, max);
      if (!name) return undefined;
      attrs.push([c === "#" ? "id" : "class", name]);
      i += 1 + name.length;
    } else {
      const key = match(KEY, src, i, max);
      if (!key || src[i + key.length] !== "=") return undefined;
      i += key.length + 1;
      const quote = src[i];
      let value: string;
      if (quote === '"' || quote === "'") {
        const close = src.indexOf(quote, i + 1);
        if (close < 0 || close >= max) return undefined;
        value = src.slice(i + 1, close);
        i = close + 1;
      } else {
        const unquoted = match(UNQUOTED, src, i, max);
        if (!unquoted) return undefined;
        value = unquoted;
        i += unquoted.length;
      }
      attrs.push([key, value]);
    }
    skipSpace();
  }
  return undefined;
}
