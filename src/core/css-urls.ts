/**
 * The URLs a piece of CSS (a style sheet or a `style` attribute) makes the
 * browser fetch, read as the browser tokenizes CSS (CSS Syntax Level 3,
 * https://www.w3.org/TR/css-syntax-3/#tokenization): escapes undone
 * (`@\69mport`, `u\72l(`), comments skipped but not inside strings, and
 * every form that takes a URL: `url(…)` quoted or not, `src("…")`,
 * `image("…")`, the strings of `image-set()` and `-webkit-image-set()`, and
 * `@import "…"`. A `url()` in `@font-face { src: … }` is a `url()` like any
 * other. A check that matches patterns in the text as written is walked
 * around by an escape or a second `url(`; this one reads every token.
 */

/** A URL found in CSS, as the browser reads it, and where its token starts in the CSS. */
export interface CssUrl {
  url: string;
  offset: number;
}

type CssToken =
  | { kind: "url" | "string"; value: string; offset: number }
  | { kind: "function" | "at"; name: string; offset: number }
  | { kind: "open" | "close" | "semicolon" | "other"; offset: number };

/** Functions whose string arguments are URLs. `image-set()` also takes `url()`s, found as such. */
const URL_STRING_FUNCTIONS = new Set(["url", "src", "image", "image-set", "-webkit-image-set"]);

/** Every URL `css` refers to, in order. */
export function cssUrls(css: string): CssUrl[] {
  const urls: CssUrl[] = [];
  // Open functions whose strings are URLs (true) or not (false), innermost last.
  const functions: boolean[] = [];
  let importing = false;
  /** `@namespace`'s URL names a namespace: nothing is fetched. */
  let namespacing = false;
  for (const token of tokenize(css)) {
    switch (token.kind) {
      case "url":
        if (!namespacing) urls.push({ url: token.value, offset: token.offset });
        break;
      case "string":
        if (importing || functions.at(-1) === true)
          urls.push({ url: token.value, offset: token.offset });
        break;
      case "function":
        functions.push(URL_STRING_FUNCTIONS.has(token.name) && !namespacing);
        break;
      case "open":
        functions.push(false);
        break;
      case "close":
        functions.pop();
        break;
      case "at":
        importing = token.name === "import";
        namespacing = token.name === "namespace";
        break;
      case "semicolon":
        importing = false;
        namespacing = false;
        break;
      default:
        break;
    }
  }
  return urls;
}

const HEX = /^[0-9a-fA-F]$/;
const WHITESPACE = /^[ \t\n]$/;

/** Whether `c` may be part of a name (an identifier): letters, digits, `-`, `_`, anything non-ASCII. */
function isNameCodePoint(c: string | undefined): boolean {
  return c !== undefined && (/^[a-zA-Z0-9_-]$/.test(c) || c.codePointAt(0)! >= 0x80);
}

/** The tokens that matter for URLs; the rest are `other`. */
function* tokenize(input: string): Generator<CssToken> {
  // Preprocessing (§3.3): newlines normalised, NUL replaced. Offsets stay those of the input
  // except for \r\n, one code point in CSS: kept as two, so a `\r` is read as a newline.
  const css = input.replace(/\r\n?|\f/g, (m) => (m.length === 2 ? " \n" : "\n"));
  let i = 0;
  const at = (k = 0) => css[i + k];

  /** Whether the next two code points start an escape (§4.3.8). */
  const startsEscape = (k = 0) => at(k) === "\\" && at(k + 1) !== "\n" && at(k + 1) !== undefined;

  /** Consumes an escape after its `\` (§4.3.7). */
  const escape = (): string => {
    let hex = "";
    while (hex.length < 6 && HEX.test(at() ?? "")) hex += css[i++];
    if (hex) {
      if (WHITESPACE.test(at() ?? "")) i++;
      const cp = parseInt(hex, 16);
      return cp === 0 || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff
        ? "\ufffd"
        : String.fromCodePoint(cp);
    }
    const c = at();
    if (c === undefined) return "\ufffd";
    i += c.length;
    return c;
  };

  /** Consumes a name (§4.3.12). */
  const name = (): string => {
    let out = "";
    for (;;) {
      if (isNameCodePoint(at())) out += css[i++];
      else if (startsEscape()) {
        i++;
        out += escape();
      } else return out;
    }
  };

  /** Whether a name starts here (§4.3.9), at offset k. */
  const startsName = (k = 0): boolean => {
    const c = at(k);
    if (c === "-") return isNameCodePoint(at(k + 1)) || at(k + 1) === "-" || startsEscape(k + 1);
    return (isNameCodePoint(c) && !/^[0-9]$/.test(c ?? "")) || startsEscape(k);
  };

  /** Consumes a string after its quote (§4.3.5); an unescaped newline ends it (a bad string). */
  const string = (quote: string): string => {
    let out = "";
    for (;;) {
      const c = at();
      if (c === undefined || c === quote) {
        i++;
        return out;
      }
      if (c === "\n") return out;
      if (c === "\\") {
        i++;
        if (at() === undefined) continue;
        if (at() === "\n") i++;
        else out += escape();
        continue;
      }
      out += c;
      i++;
    }
  };

  /** Consumes an unquoted url( … ) after `url(` and its whitespace (§4.3.6). */
  const unquotedUrl = (): string => {
    let out = "";
    for (;;) {
      const c = at();
      if (c === undefined || c === ")") {
        i++;
        return out.trim();
      }
      if (c === "\\" && startsEscape()) {
        i++;
        out += escape();
        continue;
      }
      out += c;
      i++;
    }
  };

  while (i < css.length) {
    const start = i;
    const c = css[i]!;
    if (c === "/" && at(1) === "*") {
      const end = css.indexOf("*/", i + 2);
      i = end < 0 ? css.length : end + 2;
    } else if (c === '"' || c === "'") {
      i++;
      yield { kind: "string", value: string(c), offset: start };
    } else if (c === "@" && startsName(1)) {
      i++;
      yield { kind: "at", name: name().toLowerCase(), offset: start };
    } else if (startsName()) {
      const word = name().toLowerCase();
      if (at() !== "(") {
        yield { kind: "other", offset: start };
        continue;
      }
      i++;
      if (word === "url") {
        let k = 0;
        while (WHITESPACE.test(at(k) ?? "")) k++;
        if (at(k) !== '"' && at(k) !== "'") {
          i += k;
          yield { kind: "url", value: unquotedUrl(), offset: start };
          continue;
        }
      }
      yield { kind: "function", name: word, offset: start };
    } else {
      i += c.length;
      if (c === "(") yield { kind: "open", offset: start };
      else if (c === ")") yield { kind: "close", offset: start };
      else if (c === ";" || c === "{" || c === "}") yield { kind: "semicolon", offset: start };
      else yield { kind: "other", offset: start };
    }
  }
}
