/**
 * markdown-it-attrs accepts any attribute (`{onclick=…}` included) and its own
 * allowlist drops the rest silently. We let it parse everything, then check
 * each attribute here and report the ones an author may not set.
 */
import type { Env, MarkdownIt, StateCore, Token } from "markdown-it";
import { inlineLine } from "./inline-lines.js";
import { reportAt } from "./render-context.js";

const ALLOWED = new Set(["id", "class", "lang", "dir", "title", "width", "height", "role"]);
const ALLOWED_PREFIXES = ["data-", "aria-"];

/** Attributes markdown-it itself sets on a token type; they are not the author's to check. */
const BUILT_IN: Record<string, readonly string[]> = {
  link_open: ["href", "title"],
  image: ["src", "alt", "title"],
  ordered_list_open: ["start"],
  th_open: ["style"],
  td_open: ["style"],
};

export const ALLOWED_ATTRIBUTES_TEXT =
  "id, class, lang, dir, title, width, height, role, data-*, aria-*";

export function isAllowedAttribute(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    ALLOWED.has(lower) ||
    ALLOWED_PREFIXES.some((p) => lower.startsWith(p) && lower.length > p.length)
  );
}

function checkToken(token: Token, line: number | undefined, env: Env | undefined): void {
  if (!token.attrs) return;
  const builtIn = BUILT_IN[token.type] ?? [];
  token.attrs = token.attrs.filter(([name, value]) => {
    if (isAllowedAttribute(name)) return true;
    if (
      builtIn.includes(name) &&
      (name !== "style" || /^text-align:(left|right|center)$/.test(String(value)))
    ) {
      return true;
    }
    const why = /^on/i.test(name)
      ? "inline event handlers are not allowed"
      : `allowed attributes are ${ALLOWED_ATTRIBUTES_TEXT}`;
    reportAt(
      env,
      line,
      "error",
      "attribute-not-allowed",
      `Attribute "${name}" is not allowed: ${why}`,
      name,
    );
    return false;
  });
}

function checkAttributes(state: StateCore): void {
  let line: number | undefined;
  for (const token of state.tokens) {
    // Some block tokens (table cells) have no map: they are on the line of the last one that has.
    line = token.map?.[0] ?? line;
    checkToken(token, line, state.env);
    for (const child of token.children ?? [])
      checkToken(child, inlineLine(child) ?? line, state.env);
  }
}

/**
 * Where markdown-it-attrs can find `{…}`: at the end of a line or table cell, or right after
 * an inline element (`*em*{.x}`, `[a](b){.x}`, `` `c`{.x} ``; not `_{`, a TeX
 * subscript far more often than emphasis). Its rule walks
 * every token with several patterns; most pages have no attribute block at all
 * and skip it.
 */
const MAY_HAVE_ATTRIBUTES = /\{[^{}\n]*\}[ \t]*(\||$)|[)*`\]]\{[^{}\n]*\}/m;

/** Runs markdown-it-attrs only on documents where an attribute block may be. */
export function skipAttributesWhenAbsent(md: MarkdownIt): void {
  const rule = md.core.ruler.__rules__.find((r) => r.name === "curly_attributes");
  if (!rule) return;
  const original = rule.fn;
  md.core.ruler.at("curly_attributes", (state: StateCore) => {
    if (MAY_HAVE_ATTRIBUTES.test(state.src)) original(state);
  });
}

export function attributeCheckPlugin(md: MarkdownIt): void {
  md.core.ruler.after("curly_attributes", "syllabus_attribute_check", checkAttributes);
}
