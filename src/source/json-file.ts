/**
 * Reads a JSON data file (`_data/site.json`, `_data/blocks.json`) keeping
 * positions, so that problems in it are reported at their line and column.
 */
import { existsSync, readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import type { Diagnostic } from "../core/diagnostics.js";
import { LineIndex } from "../core/text.js";
import { offsetOfPath } from "./yaml-positions.js";

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
  const doc = parseDocument(text);
  return {
    file: { path, value, locate: (keyPath) => lines.position(offsetOfPath(doc, keyPath) ?? 0) },
    diagnostics: [],
  };
}
