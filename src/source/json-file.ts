/**
 * Reads a JSON data file (`_data/site.json`, `_data/blocks.json`) keeping
 * positions, so that problems in it are reported at their line and column.
 * Read strictly: bytes that are not UTF-8 and keys given twice (which
 * `JSON.parse` lets the last win silently) are errors.
 */
import { existsSync, readFileSync } from "node:fs";
import { isMap, isScalar, parseDocument, visit, type Document } from "yaml";
import type { Diagnostic } from "../core/diagnostics.js";
import { LineIndex } from "../core/text.js";
import { decodeUtf8 } from "./utf8.js";
import { offsetOfPath } from "./yaml-positions.js";

export interface JsonFile {
  path: string;
  /** The file's text, decoded (for fingerprints of what was read). */
  text: string;
  value: unknown;
  /** Position of the key or item at `path` (the file's start when absent). */
  locate(path: readonly (string | number)[]): { line: number; column: number };
}

export function readJsonFile(
  absolutePath: string,
  path: string,
): { file: JsonFile | undefined; diagnostics: Diagnostic[] } {
  if (!existsSync(absolutePath)) return { file: undefined, diagnostics: [] };
  const decoded = decodeUtf8(readFileSync(absolutePath), path);
  const parsed = parseJsonText(decoded.text, path);
  return { file: parsed.file, diagnostics: [...decoded.diagnostics, ...parsed.diagnostics] };
}

/** Parses the text of a JSON data file (already decoded, its byte-order mark dropped). */
export function parseJsonText(
  text: string,
  path: string,
): { file: JsonFile | undefined; diagnostics: Diagnostic[] } {
  const lines = new LineIndex(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const { line, column } = lines.position(position ? Number(position[1]) : 0);
    return {
      file: undefined,
      diagnostics: [
        {
          file: path,
          line,
          column,
          severity: "error",
          rule: "json-syntax",
          message: `Malformed JSON: ${message.replace(/ in JSON at position \d+.*$/, "")}`,
        },
      ],
    };
  }
  // JSON is YAML: the `yaml` parser gives every key its position. It may give
  // up on what JSON.parse accepted (nesting thousands deep), and then only
  // positions are lost: problems fall back to the nearest located parent.
  let doc: Document | undefined;
  try {
    doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  } catch {
    doc = undefined;
  }
  const diagnostics = doc ? duplicateKeys(doc, path, lines) : [];
  return {
    file: {
      path,
      text,
      value,
      locate: (keyPath) => lines.position((doc && offsetOfPath(doc, keyPath)) ?? 0),
    },
    diagnostics,
  };
}

/** An error at the second of two equal keys of one object (compared after unescaping, as JSON.parse does). */
function duplicateKeys(doc: Document, path: string, lines: LineIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Map<unknown, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = pair.key.value;
        const offset = pair.key.range?.[0] ?? 0;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, offset);
          continue;
        }
        const earlier = lines.position(first);
        diagnostics.push({
          file: path,
          ...lines.position(offset),
          severity: "error",
          rule: "duplicate-key",
          message: `Duplicate key ${JSON.stringify(String(key))}: already set at line ${earlier.line}, column ${earlier.column}`,
          hint: "keep one of them (JSON would silently use the last)",
        });
      }
    },
  });
  return diagnostics;
}
