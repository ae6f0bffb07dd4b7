/**
 * The check of an SVG image or HTML page from `content/` before it is
 * published: opened on its own, either can run script, so it must pass the
 * same HTML policy as what Markdown renders (core/html-document-policy.ts).
 * What is checked must be what the browser reads: the file must be UTF-8, hold
 * no NUL (a browser would read `<\0s\0v\0g` as UTF-16) and declare no other
 * encoding.
 */
import { readFileSync } from "node:fs";
import type { Diagnostic } from "../core/diagnostics.js";
import { htmlDocumentProblems, svgDocumentProblems } from "../core/html-document-policy.js";
import { LineIndex } from "../core/text.js";
import { decodeUtf8 } from "./utf8.js";

/** The errno code of a file-system error (`ENOENT`), or undefined for anything else. */
export function errorCode(cause: unknown): string | undefined {
  return cause instanceof Error && "code" in cause && typeof cause.code === "string"
    ? cause.code
    : undefined;
}

/** The one report of a file or folder in content/ that cannot be read (`shown`: from the project root). */
export function unreadable(shown: string, cause: unknown): Diagnostic {
  return {
    file: shown,
    line: 1,
    column: 1,
    severity: "error",
    rule: "unreadable",
    message: `${shown} cannot be read (${errorCode(cause) ?? String(cause)})`,
    hint: "check its permissions",
  };
}

/**
 * The document at `absolute` (`shown`: from the project root), read once: its
 * bytes, which are what was checked and so what is published, or its problems,
 * each at its line and column.
 */
export function checkDocument(
  absolute: string,
  shown: string,
  kind: "svg" | "html",
  embeds: readonly string[],
): { bytes: Buffer; problems: [] } | { bytes?: undefined; problems: Diagnostic[] } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (cause) {
    return { problems: [unreadable(shown, cause)] };
  }
  const problems = documentProblems(bytes, shown, kind, embeds);
  return problems.length === 0 ? { bytes, problems: [] } : { problems };
}

function documentProblems(
  bytes: Buffer,
  shown: string,
  kind: "svg" | "html",
  embeds: readonly string[],
): Diagnostic[] {
  const { text, diagnostics } = decodeUtf8(bytes, shown);
  if (diagnostics.length > 0) return diagnostics;
  const lines = new LineIndex(text);
  const at = (offset: number, rule: string, message: string, hint?: string): Diagnostic => ({
    file: shown,
    ...lines.position(offset),
    severity: "error",
    rule,
    message,
    ...(hint === undefined ? {} : { hint }),
  });
  const nul = text.indexOf("\0");
  if (nul >= 0)
    return [
      at(
        nul,
        "content-encoding",
        "A NUL character: browsers could read this file as another encoding than the one checked",
      ),
    ];
  const declared = declaredEncoding(text, kind);
  if (declared) {
    return [
      at(
        declared.offset,
        "content-encoding",
        `The file declares the encoding "${declared.name}": only UTF-8 is checked and published`,
        "save the file as UTF-8 and declare utf-8, or nothing",
      ),
    ];
  }
  const problems =
    kind === "svg" ? svgDocumentProblems(text) : htmlDocumentProblems(text, { embeds });
  return problems.map((p) => at(p.offset, p.rule, p.message, p.hint));
}

/** An encoding other than UTF-8 that an SVG's XML declaration, or an HTML page's `<meta charset>`, names. */
function declaredEncoding(
  text: string,
  kind: "svg" | "html",
): { name: string; offset: number } | undefined {
  const pattern =
    kind === "svg"
      ? /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']?([^"'\s?>]*)/g
      : /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([^\s"'/>;]*)/gi;
  for (const match of text.matchAll(pattern)) {
    if (!/^utf-?8$/i.test(match[1]!)) return { name: match[1]!, offset: match.index };
  }
  return undefined;
}
