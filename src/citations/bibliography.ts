/**
 * Loads the course bibliography: `_data/references.bib` (BibTeX/BibLaTeX) and
 * `_data/references.json` (CSL-JSON), either or both. Every entry keeps where
 * it was defined. A malformed entry never takes its neighbours down and is
 * never dropped silently: it is kept aside with its problems, whose severity
 * depends on whether a page cites it (see malformed-works.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { readJsonFile } from "../source/json-file.js";
import { decodeUtf8 } from "../source/utf8.js";
import { checkCslItem, checkCslJson } from "../schema/csl-json.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { LineIndex } from "../core/text.js";
import { isHttpUrl } from "../core/urls.js";
import { rawField, scanBibtex, type BibtexEntry } from "./bibtex-entries.js";
import { parseBibtex, type CslItem } from "./citation-js.js";

export interface Work {
  id: string;
  item: CslItem;
  /** Where the work was defined. */
  file: string;
  line: number;
  column: number;
  /** The link to the paper: its DOI, else its URL, else its arXiv page. */
  link: { href: string; label: string } | undefined;
}

/** An entry left out of the bibliography, with its problems (as errors). */
export interface MalformedWork {
  /** The key a page would cite it by, when the entry got as far as naming one. */
  key: string | undefined;
  problems: Diagnostic[];
}

export interface Bibliography {
  works: ReadonlyMap<string, Work>;
  /** Entries left out: errors when a page cites them, warnings otherwise. */
  malformed: readonly MalformedWork[];
  /** Whether a bibliography file exists at all. */
  present: boolean;
  /** Content fingerprint, for caches of formatted output. */
  fingerprint: string;
}

export const BIBTEX_PATH = "_data/references.bib";
export const CSL_JSON_PATH = "_data/references.json";

/** How to fix a `.bib` that an older reference manager wrote in Latin-1 or Windows-1252. */
export const BIBTEX_ENCODING_HINT =
  'export the bibliography again as UTF-8: in Zotero (and Better BibTeX), choose "Unicode (UTF-8)" as the character encoding in the export options; in JabRef, set Library → Library properties → Encoding to UTF-8 and save';

/**
 * The works of the course, the entries left out, and the problems that are
 * not one entry's (a file that cannot be read, a key defined twice, invalid
 * UTF-8): those are errors whoever cites what.
 */
export function loadBibliography(root: string): {
  bibliography: Bibliography;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const malformed: MalformedWork[] = [];
  const works = new Map<string, Work>();
  const texts: string[] = [];
  const add = (work: Work) => {
    const existing = works.get(work.id);
    if (existing) {
      diagnostics.push({
        file: work.file,
        line: work.line,
        column: work.column,
        severity: "error",
        rule: "bibliography-duplicate-key",
        message: `Key "${work.id}" is defined twice: first at ${existing.file}:${existing.line}:${existing.column}`,
      });
      return;
    }
    works.set(work.id, work);
  };

  const bibPath = path.join(root, BIBTEX_PATH);
  if (existsSync(bibPath)) {
    const { text, diagnostics: encoding } = decodeUtf8(
      readFileSync(bibPath),
      BIBTEX_PATH,
      BIBTEX_ENCODING_HINT,
    );
    diagnostics.push(...encoding);
    texts.push(text);
    for (const work of readBibtex(text, malformed)) add(work);
  }
  const jsonPath = path.join(root, CSL_JSON_PATH);
  if (existsSync(jsonPath)) {
    const read = readCslJson(jsonPath, diagnostics, malformed);
    // Unreadable, it still makes the bibliography present (and the build fail).
    texts.push(read.text ?? "");
    for (const work of read.works) add(work);
  }
  for (const work of works.values()) sanitise(work, diagnostics);
  return {
    bibliography: {
      works,
      malformed,
      present: texts.length > 0,
      fingerprint: fingerprint(texts.join("\u0000")),
    },
    diagnostics,
  };
}

function readBibtex(text: string, malformed: MalformedWork[]): Work[] {
  const scan = scanBibtex(text);
  const problem = (
    key: string | undefined,
    at: { line: number; column: number },
    message: string,
  ) => {
    malformed.push({
      key,
      problems: [
        { file: BIBTEX_PATH, ...at, severity: "error", rule: "bibliography-malformed", message },
      ],
    });
  };
  for (const { key, line, column, message } of scan.problems)
    problem(key, { line, column }, message);
  const prefix = scan.macros.join("\n");
  const reported = new Set<BibtexEntry>();
  let items: CslItem[];
  try {
    items = parseBibtex(`${prefix}\n${scan.entries.map((e) => e.text).join("\n")}`);
  } catch {
    // Find the culprits: parse entry by entry.
    items = [];
    for (const entry of scan.entries) {
      try {
        items.push(...parseBibtex(`${prefix}\n${entry.text}`));
      } catch (error) {
        reported.add(entry);
        // citation-js counts lines in the text it was given: the macros, then the entry.
        const message = firstLine(error);
        const at = /at line (\d+) col (\d+)/.exec(message);
        const line = at ? entry.line + Number(at[1]) - 2 - lineCount(prefix) : entry.line;
        problem(
          entry.key,
          {
            line: Math.max(entry.line, line),
            column: at && line > entry.line ? Number(at[2]) : entry.column,
          },
          `Malformed entry "${entry.key}": ${message.replace(/ at line \d+ col \d+:?$/, "")}`,
        );
      }
    }
  }
  const byKey = new Map(items.map((item) => [String(item.id), item]));
  const lines = new LineIndex(text);
  const works: Work[] = [];
  for (const entry of scan.entries) {
    const item = byKey.get(entry.key);
    if (!item) {
      if (!reported.has(entry)) problem(entry.key, entry, `Entry "${entry.key}" could not be read`);
      continue;
    }
    // citation-js reads almost anything (`author = {Smith, J. and }` gives an empty
    // name); the CSL-JSON schema decides what citeproc may be given.
    const checked = checkCslItem(item, entrySource(entry, lines), `entry "${entry.key}"`, {
      reportUnknownFields: false,
    });
    if (checked.diagnostics.length > 0) {
      malformed.push({ key: entry.key, problems: checked.diagnostics });
      continue;
    }
    works.push({
      id: entry.key,
      item: tidy(item),
      file: BIBTEX_PATH,
      line: entry.line,
      column: entry.column,
      link: arxivLink(entry),
    });
  }
  return works;
}

/** BibTeX fields that CSL variables come from, where they differ in name. */
const BIBTEX_FIELDS: Record<string, string[]> = {
  issued: ["date", "year"],
  "container-title": ["journal", "journaltitle", "booktitle"],
  page: ["pages"],
  issue: ["number"],
  "publisher-place": ["address", "location"],
  accessed: ["urldate"],
};

/** Locates a CSL key path of an entry at the BibTeX field it came from, else at the entry. */
function entrySource(entry: BibtexEntry, lines: LineIndex) {
  return {
    path: BIBTEX_PATH,
    locate: (keyPath: readonly (string | number)[]) => {
      const variable = String(keyPath[0] ?? "");
      for (const field of [variable, ...(BIBTEX_FIELDS[variable] ?? [])]) {
        const match = new RegExp(`[,\\s]${field.replace(/[^\w-]/g, "")}\\s*=`, "i").exec(
          entry.text,
        );
        if (match) return lines.position(entry.offset + match.index + 1);
      }
      return { line: entry.line, column: entry.column };
    },
  };
}

function readCslJson(
  absolutePath: string,
  diagnostics: Diagnostic[],
  malformed: MalformedWork[],
): { works: Work[]; text: string | undefined } {
  const { file, diagnostics: problems } = readJsonFile(absolutePath, CSL_JSON_PATH);
  diagnostics.push(...problems);
  if (!file) return { works: [], text: undefined };
  const checked = checkCslJson(file);
  diagnostics.push(...checked.diagnostics);
  const works: Work[] = [];
  for (const { index, key, item, diagnostics: itemProblems } of checked.items) {
    // Warnings (an ignored field) do not make an item malformed.
    const errors = itemProblems.filter((d) => d.severity === "error");
    diagnostics.push(...itemProblems.filter((d) => d.severity !== "error"));
    if (!item || errors.length > 0) {
      malformed.push({ key, problems: errors });
      continue;
    }
    works.push({
      id: item.id,
      item: tidy(item as unknown as CslItem),
      file: CSL_JSON_PATH,
      ...file.locate([index]),
      link: undefined,
    });
  }
  return { works, text: file.text };
}

/** Drops unsafe URLs (with a warning) and picks the paper's link. */
function sanitise(work: Work, diagnostics: Diagnostic[]): void {
  const item = work.item as CslItem & { URL?: string; DOI?: string };
  // citeproc links URLs and DOIs as they are; normalise them so that no quote
  // or angle bracket can leave the href attribute.
  if (item.URL !== undefined && isHttpUrl(item.URL)) item.URL = new URL(item.URL).href;
  if (item.URL !== undefined && !isHttpUrl(item.URL)) {
    diagnostics.push({
      file: work.file,
      line: work.line,
      column: work.column,
      severity: "warning",
      rule: "bibliography-unsafe-url",
      message: `URL ${JSON.stringify(item.URL)} of "${work.id}" is not an http(s) URL; it is left out`,
    });
    delete item.URL;
  }
  if (item.DOI !== undefined) {
    item.DOI = item.DOI.trim()
      .replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:)/i, "")
      .replace(/["'<>\s\\`]/g, (c) => encodeURIComponent(c));
    work.link = { href: `https://doi.org/${item.DOI}`, label: `doi:${item.DOI}` };
  } else if (item.URL !== undefined) {
    work.link = { href: item.URL, label: new URL(item.URL).host };
  }
}

function arxivLink(entry: BibtexEntry): Work["link"] {
  const eprint = rawField(entry.text, "eprint");
  const archive = rawField(entry.text, "archiveprefix") ?? rawField(entry.text, "eprinttype");
  if (!eprint || (archive && archive.toLowerCase() !== "arxiv")) return undefined;
  if (!/^[\w./-]+$/.test(eprint)) return undefined;
  return { href: `https://arxiv.org/abs/${eprint}`, label: `arXiv:${eprint}` };
}

/** citation-js turns `{\'\i}` into a dotless i plus an accent; recompose it. */
function tidy<T>(value: T): T {
  if (typeof value === "string")
    return value.replace(/ı(?=[\u0300-\u036f])/g, "i").normalize("NFC") as T;
  if (Array.isArray(value)) return value.map(tidy) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tidy(v)])) as T;
  }
  return value;
}

function lineCount(text: string): number {
  return text === "" ? 0 : text.split("\n").length;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}

/** A short, stable fingerprint (FNV-1a) of text. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}
