/** Reads one Markdown source: parsed frontmatter and body, and its shortcodes scanned. */
import { readFileSync } from "node:fs";
import type { Diagnostic } from "../core/diagnostics.js";
import { SHORTCODE_NAMES } from "../render/render-body.js";
import { scanBody, type ScanResult } from "../shortcodes/scan-body.js";
import type { SourceKind } from "./find-sources.js";
import { parseSourceFile, type SourceFile } from "./frontmatter.js";

/** A source as the loader uses it: what it is, its parsed file, its scanned body. */
export interface ParsedSource {
  origin: SourceKind;
  file: SourceFile;
  scan: ScanResult;
}

/** One source's parse, kept with the text it came from so that an unchanged file is not parsed again. */
export interface CachedSource {
  raw: string;
  file: SourceFile;
  problems: Diagnostic[];
  scan: ScanResult;
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
  const entry = { raw, file, problems, scan: scanBody(file.body, SHORTCODE_NAMES) };
  cache?.sources.set(absolutePath, entry);
  return entry;
}
