/**
 * The strict syntax of an attribute block, after Pandoc's `attributes`
 * parser (Text.Pandoc.Parsing): `{`, then one or more of `#id`, `.class`,
 * `key=value`, `key="value"` and `key='value'` separated by spaces or tabs,
 * then `}`, on one line. Anything else in braces is text, as in Pandoc:
 * `{a, b}`, `{Smith 2020}`, `{placeholder}`, `{hidden}`.
 *
 * Names are Pandoc's: an id is letters, digits and `-_:.`; a class is
 * letters, digits and `-_`; a key is a letter, then letters, digits and
 * `-_:.`. Quoted values may hold braces and spaces (`data-tex="e^{i}=-1"`);
 * an unquoted value runs to the next space or `}`. Where Pandoc is looser,
 * this is stricter on purpose: items must be separated by spaces (Pandoc
 * reads `{.a.b}` as two classes), a value that opens a quote must close it,
 * and `{}` and Pandoc's `{-}` (unnumbered) are text.
 */

const ID = /[\p{L}\p{N}_:.-]+/uy;
const CLASS = /[\p{L}\p{N}_-]+/uy;
const KEY = /\p{L}[\p{L}\p{N}_:.-]*/uy;
const UNQUOTED = /[^\s}]*/uy;

const isBlank = (c: string | undefined) => c === " " || c === "\t";

/** The match of a sticky pattern at `at`, if it ends by `max`. */
function matchAt(pattern: RegExp, src: string, at: number, max: number): string | undefined {
  pattern.lastIndex = at;
  const found = pattern.exec(src)?.[0];
  return found !== undefined && at + found.length <= max ? found : undefined;
}

/** If a strict attribute block `{…}` starts at `start` in `src` (and ends before `max`), its end (index after `}`) and its attributes; otherwise undefined. */
export function parseAttributeBlock(
  src: string,
  start: number,
  max: number = src.length,
): { end: number; attrs: [string, string][] } | undefined {
  if (src[start] !== "{") return undefined;
  const attrs: [string, string][] = [];
  let i = start + 1;
  while (i < max && isBlank(src[i])) i++;
  while (i < max) {
    if (src[i] === "}") return attrs.length > 0 ? { end: i + 1, attrs } : undefined;
    if (attrs.length > 0 && !isBlank(src[i - 1])) return undefined;
    const c = src[i];
    if (c === "#" || c === ".") {
      const name = matchAt(c === "#" ? ID : CLASS, src, i + 1, max);
      if (!name) return undefined;
      attrs.push([c === "#" ? "id" : "class", name]);
      i += 1 + name.length;
    } else {
      const key = matchAt(KEY, src, i, max);
      if (!key || src[i + key.length] !== "=") return undefined;
      i += key.length + 1;
      const quote = src[i];
      let value: string;
      if (quote === '"' || quote === "'") {
        const close = src.indexOf(quote, i + 1);
        if (close < 0 || close >= max) return undefined;
        value = src.slice(i + 1, close);
        if (value.includes("\n")) return undefined;
        i = close + 1;
      } else {
        value = matchAt(UNQUOTED, src, i, max) ?? "";
        i += value.length;
      }
      attrs.push([key, value]);
    }
    while (i < max && isBlank(src[i])) i++;
  }
  return undefined;
}
