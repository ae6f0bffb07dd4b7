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

/** Problems of the document at `absolute` (`shown`: from the project root), each at its line and column. */
export function checkDocument(
  absolute: string,
  shown: string,
  kind: "svg" | "html",
  embeds: readonly string[],
): Diagnostic[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (cause) {
    const code = cause instanceof Error && "code" in cause ? String(cause.code) : String(cause);
    return [
      {
        file: shown,
        line: 1,
        column: 1,
        severity: "error",
        rule: "unreadable",
        message: `${shown} cannot be read (${code})`,
        hint: "check its permissions",
      },
    ];
  }
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
  return problems.map((p) => at(p.offset, p.rule, p.message));
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
