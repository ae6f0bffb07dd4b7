/**
 * Text fields: strings that may not hold control characters. Every string a
 * schema accepts (titles, descriptions, terms, site options, interface words)
 * is one of these, so that nothing downstream meets a NUL: it makes XML
 * invalid (the feed, social cards), splits a line of `robots.txt` or
 * `_headers`, and is invisible in an editor.
 *
 * Control characters are C0 other than tab, line feed and carriage return,
 * DEL, and C1 (https://www.unicode.org/charts/PDF/U0000.pdf, U0080.pdf).
 */
import { z } from "zod";
import { codePoint } from "../core/text.js";

// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** The first control character of `value` and its 0-based index, if it has one. */
export function findControlCharacter(value: string): { index: number; code: string } | undefined {
  const match = CONTROL_CHARACTER.exec(value);
  return match ? { index: match.index, code: codePoint(match[0]) } : undefined;
}

/** The rule of the error a text field with a control character raises. */
export const CONTROL_CHARACTER_RULE = "control-character";

export const CONTROL_CHARACTER_HINT =
  "delete it (most editors do not show it); tab, line feed and carriage return are allowed";

/**
 * A string without control characters. The issue carries the character
 * (`params.controlCharacter`), which `issue-messages.ts` words and
 * `diagnostics-from-issues.ts` reports under its own rule.
 */
export function text(): z.ZodString {
  return z.string().check((ctx) => {
    const found = findControlCharacter(ctx.value);
    if (!found) return;
    ctx.issues.push({
      code: "custom",
      input: ctx.value,
      params: { controlCharacter: found.code, index: found.index },
    });
  });
}
