/**
 * Splits a BibTeX file into entries with their lines, before citation-js
 * parses it, so that a malformed entry is reported at its own line and never
 * takes its neighbours down with it (or disappears silently).
 */
import { LineIndex } from "../core/text.js";

export interface BibtexEntry {
  type: string;
  key: string;
  /** The whole entry, `@type{…}`. */
  text: string;
  /** 1-based line and column of the `@`, and its 0-based offset in the file. */
  line: number;
  column: number;
  offset: number;
}

export interface BibtexProblem {
  line: number;
  column: number;
  message: string;
  /** The key of the entry it belongs to, when the entry got as far as naming one. */
  key: string | undefined;
}

export interface BibtexScan {
  entries: BibtexEntry[];
  /** `@string` and `@preamble` blocks, which every entry may depend on. */
  macros: string[];
  problems: BibtexProblem[];
}

/** Entry types of BibTeX and BibLaTeX. */
export const BIBTEX_TYPES = new Set([
  "article",
  "book",
  "booklet",
  "inbook",
  "incollection",
  "inproceedings",
  "conference",
  "manual",
  "mastersthesis",
  "misc",
  "phdthesis",
  "proceedings",
  "techreport",
  "unpublished",
  // BibLaTeX
  "online",
  "electronic",
  "www",
  "report",
  "thesis",
  "software",
  "dataset",
  "collection",
  "mvbook",
  "mvcollection",
  "mvproceedings",
  "bookinbook",
  "suppbook",
  "suppcollection",
  "suppperiodical",
  "periodical",
  "patent",
  "reference",
  "mvreference",
  "inreference",
  "set",
  "xdata",
  "artwork",
  "audio",
  "bibnote",
  "commentary",
  "image",
  "jurisdiction",
  "legislation",
  "legal",
  "letter",
  "movie",
  "music",
  "performance",
  "review",
  "standard",
  "video",
  "customa",
  "customb",
  "customc",
  "customd",
  "custome",
  "customf",
]);

export function scanBibtex(text: string): BibtexScan {
  const entries: BibtexEntry[] = [];
  const macros: string[] = [];
  const problems: BibtexProblem[] = [];
  const lines = new LineIndex(text);
  const position = (offset: number) => lines.position(offset);

  // Entries start at an `@` that begins a line (text between entries is a comment in BibTeX).
  const starts: number[] = [];
  for (const match of text.matchAll(/^[ \t]*@/gm)) starts.push(match.index + match[0].length - 1);

  for (let s = 0; s < starts.length; s++) {
    const at = starts[s]!;
    const nextStart = starts[s + 1] ?? text.length;
    const where = position(at);
    const head = /^@([A-Za-z]+)\s*([{(])/.exec(text.slice(at, at + 64));
    if (!head) {
      problems.push({
        ...where,
        message: "Malformed entry: expected @type{key, …}",
        key: undefined,
      });
      continue;
    }
    const type = head[1]!.toLowerCase();
    const close = head[2] === "{" ? "}" : ")";
    const bodyStart = at + head[0].length;
    const end = findClose(text, bodyStart, close, nextStart);
    if (end < 0) {
      problems.push({
        ...where,
        message: `Unbalanced braces: entry @${head[1]} is not closed before ${s + 1 < starts.length ? "the next entry" : "the end of the file"}`,
        key: /^\s*([^,\s{}()="]+)\s*,/.exec(text.slice(bodyStart, nextStart))?.[1],
      });
      continue;
    }
    const entryText = text.slice(at, end + 1);
    if (type === "comment") continue;
    if (type === "string" || type === "preamble") {
      macros.push(entryText);
      continue;
    }
    const keyMatch = /^\s*([^,\s{}()]*)\s*(,|$)/.exec(text.slice(bodyStart, end));
    const key = keyMatch?.[1] ?? "";
    if (!keyMatch || key === "" || /[=" ]/.test(key)) {
      problems.push({
        ...where,
        message: `Missing key: expected @${head[1]}{key, …}`,
        key: undefined,
      });
      continue;
    }
    if (!BIBTEX_TYPES.has(type)) {
      problems.push({ ...where, message: `Unknown entry type @${head[1]} for "${key}"`, key });
      continue;
    }
    entries.push({ type, key, text: entryText, ...where, offset: at });
  }
  return { entries, macros, problems };
}

/** Index of the delimiter closing the entry, or -1 if braces are unbalanced before `limit`. */
function findClose(text: string, from: number, close: string, limit: number): number {
  let depth = 0;
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === close && depth === 0) return i;
    else if (c === "}" && --depth < 0) return -1;
  }
  return -1;
}

/** A field's raw value (braces or quotes stripped), for the few fields citation-js does not map (eprint). */
export function rawField(entryText: string, field: string): string | undefined {
  const match = new RegExp(
    `[,\\s]${field}\\s*=\\s*(?:\\{([^{}]*)\\}|"([^"]*)"|([\\w.:/-]+))`,
    "i",
  ).exec(entryText);
  const value = match?.[1] ?? match?.[2] ?? match?.[3];
  return value?.trim() || undefined;
}
