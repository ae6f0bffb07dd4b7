/**
 * Splits a source file into frontmatter and body with gray-matter, parsing the
 * YAML with `yaml` so that every key keeps its position for error messages.
 */
import matter from "gray-matter";
import { isMap, parseDocument, type Document } from "yaml";
import type { Diagnostic } from "../core/diagnostics.js";
import { detached, LineIndex } from "../core/text.js";
import { offsetOfPath } from "./yaml-positions.js";

export type KeyPath = readonly (string | number)[];

export interface SourceFile {
  /** Path from the project root, forward slashes. */
  path: string;
  text: string;
  lines: LineIndex;
  /** The frontmatter as plain data ({} when absent or malformed). */
  data: Record<string, unknown>;
  /** Whether the frontmatter parsed (a file with no frontmatter counts as parsed). */
  frontmatterOk: boolean;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** Position of a frontmatter key or list item; falls back to the frontmatter's start. */
  locate(path: KeyPath): { line: number; column: number };
  /** Position of the value at a frontmatter key path, when present. */
  locateValue(path: KeyPath): { line: number; column: number };
}

export function parseSourceFile(
  path: string,
  raw: string,
): { file: SourceFile; diagnostics: Diagnostic[] } {
  // Lines and columns are counted on the text as authors see it: no BOM, and
  // Windows line endings read as one (YAML would otherwise keep a `\r` in values).
  const text = (raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw).replace(/\r\n?/g, "\n");
  const lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  let doc: Document | undefined;
  const parsed = matter(text, {
    engines: {
      yaml: (source: string) => {
        // Values are sliced from what YAML parses: give it its own copy, not a view into the whole file.
        doc = parseDocument(detached(source), { prettyErrors: false, uniqueKeys: true });
        return doc.errors.length === 0 ? ((doc.toJS() as object) ?? {}) : {};
      },
    },
  });

  const hasFrontmatter = text.startsWith("---") && text.charAt(3) !== "-";
  const frontmatterOffset = hasFrontmatter ? text.indexOf(parsed.matter, 3) : 0;
  const at = (offset: number) => lines.position(frontmatterOffset + offset);

  let frontmatterOk = true;
  if (hasFrontmatter && !/\r?\n---/.test(text.slice(3))) {
    frontmatterOk = false;
    diagnostics.push({
      file: path,
      line: 1,
      column: 1,
      severity: "error",
      rule: "frontmatter-unclosed",
      message: "Frontmatter is not closed: expected a line `---` after it",
    });
  }
  for (const error of frontmatterOk ? (doc?.errors ?? []) : []) {
    frontmatterOk = false;
    const { line, column } = at(error.pos[0]);
    diagnostics.push({
      file: path,
      line,
      column,
      severity: "error",
      rule: "frontmatter-yaml",
      message: `Malformed YAML in frontmatter: ${firstLine(error.message)}`,
    });
  }

  const data = frontmatterOk && isPlainObject(parsed.data) ? parsed.data : {};
  if (frontmatterOk && doc?.contents && !isMap(doc.contents)) {
    frontmatterOk = false;
    const { line, column } = at(doc.contents.range?.[0] ?? 0);
    diagnostics.push({
      file: path,
      line,
      column,
      severity: "error",
      rule: "frontmatter-yaml",
      message: "Frontmatter must be a YAML mapping of keys to values",
    });
  }

  const body = parsed.content;
  const bodyOffset = text.length - body.length;
  const start = hasFrontmatter ? { line: 1, column: 1 } : { line: 1, column: 1 };

  const locateNode = (keyPath: KeyPath, wantValue: boolean) => {
    const offset = doc ? offsetOfPath(doc, keyPath, wantValue) : undefined;
    return offset === undefined ? start : at(offset);
  };

  return {
    file: {
      path,
      text,
      lines,
      data,
      frontmatterOk,
      body,
      bodyLine: lines.position(bodyOffset).line,
      locate: (keyPath) => locateNode(keyPath, false),
      locateValue: (keyPath) => locateNode(keyPath, true),
    },
    diagnostics,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}
