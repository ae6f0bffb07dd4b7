/**
 * Reads a JSON data file (`_data/site.json`, `_data/blocks.json`) keeping
 * positions, so that problems in it are reported at their line and column.
 */
import { existsSync, readFileSync } from "node:fs";
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import { LineIndex } from "./source-text.js";

export interface JsonFile {
  path: string;
  value: unknown;
  /** Position of the key or item at `path` (the file's start when absent). */
  locate(path: readonly (string | number)[]): { line: number; column: number };
}

export function readJsonFile(
  absolutePath: string,
  path: string,
): { file: JsonFile | undefined; diagnostics: Diagnostic[] } {
  if (!existsSync(absolutePath)) return { file: undefined, diagnostics: [] };
  const text = readFileSync(absolutePath, "utf8").replace(/^\ufeff/, "");
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
      diagnostics: [{ file: path, line, column, severity: "error", rule: "json-syntax", message: `Malformed JSON: ${message.replace(/ in JSON at position \d+.*$/, "")}` }],
    };
  }
  const doc = parseDocument(text);
  return {
    file: { path, value, locate: (keyPath) => lines.position(offsetOf(doc, keyPath)) },
    diagnostics: [],
  };
}

function offsetOf(doc: Document, path: readonly (string | number)[]): number {
  let node: unknown = doc.contents;
  let offset = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === segment);
      if (!pair) break;
      offset = (pair.key as { range?: number[] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as { range?: number[] } | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset;
}
