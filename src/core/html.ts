/**
 * The one place where HTML is assembled from data. Render functions pass data
 * here; nothing else concatenates untrusted strings into markup.
 */

const TEXT_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes for HTML text and double-quoted attribute values alike (also valid in SVG and XML). */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => TEXT_ESCAPES[c]!);
}

export type AttributeValue = string | number | boolean | undefined | null;

/** ` a="x" b` from a record; false/null/undefined attributes are left out, true ones are bare. */
export function attributes(attrs: Record<string, AttributeValue>): string {
  let out = "";
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

/**
 * JSON that is safe inside HTML and inline `<script type="application/json">`:
 * `<`, `>` and `&` are escaped as \u sequences, as are the JS line separators.
 */
export function safeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
