/**
 * Reads one Markdown source: its frontmatter parsed and its body split off.
 * Bytes that are not UTF-8 are an error at their line, not a silent U+FFFD.
 */
import { readFileSync } from "node:fs";
import type { Diagnostic } from "../core/diagnostics.js";
import type { SourceKind } from "./find-sources.js";
import { parseSourceFile, type SourceFile } from "./frontmatter.js";
import { decodeUtf8 } from "./utf8.js";

/** A source as the loader uses it: what it is, and its parsed file. */
export interface ParsedSource {
  origin: SourceKind;
  file: SourceFile;
}

/** One source's parse, kept with the text it came from so that an unchanged file is not parsed again. */
export interface CachedSource {
  /** The file's bytes, one character each (latin1), to compare with the next read. */
  raw: string;
  file: SourceFile;
  problems: Diagnostic[];
}

/** Where earlier parses are kept, by absolute path (the load cache). */
export interface SourceCache {
  readonly sources: Map<string, CachedSource>;
}

/** Reads and parses a source, or takes it from the cache when the file is unchanged. */
export function readSource(
  absolutePath: string,
  relativePath: string,
  cache: SourceCache | undefined,
): CachedSource {
  const bytes = readFileSync(absolutePath);
  // Compared as bytes: two different invalid sequences decode to the same text.
  const raw = bytes.toString("latin1");
  const cached = cache?.sources.get(absolutePath);
  if (cached?.raw === raw && cached.file.path === relativePath) return cached;
  const decoded = decodeUtf8(bytes, relativePath);
  const { file, diagnostics } = parseSourceFile(relativePath, decoded.text);
  const entry = { raw, file, problems: [...decoded.diagnostics, ...diagnostics] };
  cache?.sources.set(absolutePath, entry);
  return entry;
}
