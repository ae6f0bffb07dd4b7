/** Reads one Markdown source: its frontmatter parsed and its body split off. */
import { readFileSync } from "node:fs";
import type { Diagnostic } from "../core/diagnostics.js";
import type { SourceKind } from "./find-sources.js";
import { parseSourceFile, type SourceFile } from "./frontmatter.js";

/** A source as the loader uses it: what it is, and its parsed file. */
export interface ParsedSource {
  origin: SourceKind;
  file: SourceFile;
}

/** One source's parse, kept with the text it came from so that an unchanged file is not parsed again. */
export interface CachedSource {
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
  const raw = readFileSync(absolutePath, "utf8");
  const cached = cache?.sources.get(absolutePath);
  if (cached?.raw === raw && cached.file.path === relativePath) return cached;
  const { file, diagnostics: problems } = parseSourceFile(relativePath, raw);
  const entry = { raw, file, problems };
  cache?.sources.set(absolutePath, entry);
  return entry;
}
