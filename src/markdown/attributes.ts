/**
 * Attribute blocks: `{#id .class key=value}` after a heading, a paragraph, a
 * list item, an inline element or a fence's language. Where a block applies
 * is markdown-it-attrs' decision; what is a block is ours, and strict:
 * `parseAttributeBlock` (`attribute-block.ts`, after Pandoc). Anything else
 * in braces is text, on every page alike: `Choose one of {a, b}`.
 *
 * markdown-it-attrs would take any `{…}` at the end of a line as attributes
 * (`{Smith 2020}` becomes `Smith=""`, `2020=""`), and it accepts every
 * attribute (`{onclick=…}` included). So, around its rule, we show it only
 * the strict blocks, each as a marker it cannot misread, hide every other
 * brace and quote, and afterwards put the text back and the blocks'
 * attributes in place of the markers. Then each attribute an author set is
 * checked against the allowlist: one that is not allowed is reported where
 * it was written and dropped.
 */
import type { Env, MarkdownIt, StateCore, Token } from "markdown-it";
import markdownItAttrs from "markdown-it-attrs";
import { parseAttributeBlock } from "./attribute-block.js";
import { codeFencePlugin } from "./highlight.js";
import { inlineLine } from "./inline-lines.js";
import {
  contextOf,
  reportAt,
  reportAtPosition,
  tokenPosition,
  type SourcePosition,
} from "./render-context.js";

export { parseAttributeBlock } from "./attribute-block.js";

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

/** Where an author wrote an attribute: its 0-based Markdown line and, when known, its exact position. */
export interface AttributeSource {
  line: number | undefined;
  position?: SourcePosition | undefined;
}

const SOURCES = "syllabusAttributeSources";

/**
 * Sets the attributes of an attribute block on `token`, as markdown-it-attrs
 * does (a class is added to the token's classes, anything else replaces),
 * remembering where each was written so that the check can point at it.
 */
export function setAuthorAttributes(
  token: Token,
  attrs: readonly (readonly [string, string])[],
  sourceOf: (name: string) => AttributeSource,
): void {
  const sources = (token.meta?.[SOURCES] ?? {}) as Record<string, AttributeSource>;
  for (const [name, value] of attrs) {
    if (name === "class") token.attrJoin("class", value);
    else token.attrSet(name, value);
    sources[name] = sourceOf(name);
  }
  token.meta = { ...(token.meta ?? {}), [SOURCES]: sources };
}

/** Where `name` is written in the block `text` (an attribute block), from its `{`. */
function offsetOfName(text: string, name: string): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<=[\\s{])${escaped}=`).exec(text)?.index ?? 0;
}

/**
 * The source of each attribute of a block written at `line` (0-based) whose
 * `{` is at `position` in the author's file, when that is known exactly.
 */
export function blockSources(
  text: string,
  line: number | undefined,
  position: SourcePosition | undefined,
): (name: string) => AttributeSource {
  return (name) => ({
    line,
    position:
      position?.column === undefined || position.inString
        ? undefined
        : { line: position.line, column: position.column + offsetOfName(text, name) },
  });
}

function report(env: Env | undefined, source: AttributeSource, name: string): void {
  const why = /^on/i.test(name)
    ? "inline event handlers are not allowed"
    : `allowed attributes are ${ALLOWED_ATTRIBUTES_TEXT}`;
  const message = `Attribute "${name}" is not allowed: ${why}`;
  if (source.position && contextOf(env)?.locatePosition)
    reportAtPosition(env, source.position, "error", "attribute-not-allowed", message);
  else reportAt(env, source.line, "error", "attribute-not-allowed", message, name);
}

function checkToken(token: Token, line: number | undefined, env: Env | undefined): void {
  if (!token.attrs) return;
  const builtIn = BUILT_IN[token.type] ?? [];
  const sources = token.meta?.[SOURCES] as Record<string, AttributeSource> | undefined;
  token.attrs = token.attrs.filter(([name, value]) => {
    if (isAllowedAttribute(name)) return true;
    if (
      builtIn.includes(name) &&
      (name !== "style" || /^text-align:(left|right|center)$/.test(String(value)))
    ) {
      return true;
    }
    const source = sources?.[name];
    report(env, { line: source?.line ?? line, position: source?.position }, name);
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

// Unicode noncharacters, reserved for a program's internal use: they stand
// for what markdown-it-attrs must not see while its rule runs.
const HIDDEN: Record<string, string> = { "{": "\uFDD0", "}": "\uFDD1", '"': "\uFDD2" };
const MARK = "\uFDD3";
const ESCAPE = "\uFDD4";
const SHOWN: Record<string, string> = { "\uFDD0": "{", "\uFDD1": "}", "\uFDD2": '"' };
const TO_HIDE = /[{}"\uFDD0-\uFDD4]/g;
const HIDDEN_OR_MARKED = /\uFDD4([\s\S])|[\uFDD0-\uFDD2]|\{\uFDD3(\d+)\}/g;
/** markdown-it-attrs' horizontal rule with attributes, `--- {.a}`, read from a paragraph's text. */
const RULE_PREFIX = /^ {0,3}[-*_]{3,} ?/;

interface FoundBlock {
  text: string;
  attrs: [string, string][];
  sourceOf: (name: string) => AttributeSource;
}

/** One run of markdown-it-attrs on one document: the blocks it was shown, and how to undo the hiding. */
class Hiding {
  readonly blocks: FoundBlock[] = [];

  /** Hides every brace and quote of `text` (and escapes our own characters). */
  hide(text: string): string {
    return text.replace(TO_HIDE, (c) => HIDDEN[c] ?? ESCAPE + c);
  }

  /** The strict block in `text` at `at`, as a marker for markdown-it-attrs, if there is one. */
  private marker(
    text: string,
    at: number,
    sources: (offset: number, block: string) => (name: string) => AttributeSource,
  ): { marker: string; end: number } | undefined {
    const block = parseAttributeBlock(text, at);
    if (!block) return undefined;
    const blockText = text.slice(at, block.end);
    const found = { text: blockText, attrs: block.attrs, sourceOf: sources(at, blockText) };
    const marker = `{${MARK}${this.blocks.push(found) - 1}}`;
    return { marker, end: block.end };
  }

  /** `text` with each strict block as a marker, everything else hidden. */
  text(
    text: string,
    sources: (offset: number, block: string) => (name: string) => AttributeSource,
  ): string {
    if (!/[{}"\uFDD0-\uFDD4]/.test(text)) return text;
    let out = "";
    let from = 0;
    for (let i = text.indexOf("{"); i >= 0; i = text.indexOf("{", i + 1)) {
      if (i < from) continue;
      const found = this.marker(text, i, sources);
      if (!found) continue;
      out += this.hide(text.slice(from, i)) + found.marker;
      from = found.end;
    }
    return out + this.hide(text.slice(from));
  }

  /**
   * A block's whole text, which markdown-it-attrs reads as attributes for
   * the block before (a table, a list) only when all of it is one block, or
   * a horizontal rule followed by one.
   */
  whole(
    text: string,
    sources: (offset: number, block: string) => (name: string) => AttributeSource,
  ): string {
    if (!/[{}"\uFDD0-\uFDD4]/.test(text)) return text;
    const at = text.startsWith("{") ? 0 : (RULE_PREFIX.exec(text)?.[0].length ?? -1);
    if (at >= 0 && parseAttributeBlock(text, at)?.end === text.length) {
      const found = this.marker(text, at, sources)!;
      return this.hide(text.slice(0, at)) + found.marker;
    }
    return this.hide(text);
  }

  restore(text: string): string {
    if (!/[\uFDD0-\uFDD4]/.test(text)) return text;
    return text.replace(
      HIDDEN_OR_MARKED,
      (c, escaped: string | undefined, index: string | undefined) =>
        escaped ?? (index === undefined ? SHOWN[c]! : this.blocks[Number(index)]!.text),
    );
  }

  /** The token's attributes with each marker replaced by its block's attributes. */
  restoreAttributes(token: Token): void {
    const markers = token.attrs?.filter(([name]) => name.startsWith(MARK));
    if (!markers?.length) return;
    token.attrs = token.attrs!.filter(([name]) => !name.startsWith(MARK));
    if (token.attrs.length === 0) token.attrs = null;
    for (const [name] of markers) {
      const block = this.blocks[Number(name.slice(MARK.length))]!;
      setAuthorAttributes(token, block.attrs, block.sourceOf);
    }
  }
}

function eachToken(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    if (token.children) eachToken(token.children, visit);
  }
}

/** markdown-it-attrs' rule, shown only strict attribute blocks; not run at all when there are none. */
function strictly(run: (state: StateCore) => void) {
  return (state: StateCore): void => {
    if (!state.src.includes("{")) return;
    const hiding = new Hiding();
    // Characters we use to hide are escaped wherever they could come back from, if a page has them.
    const escapeEverywhere = /[\uFDD0-\uFDD4]/.test(state.src);
    const env = state.env;
    const positionOfOffset = (token: Token, line: number | undefined) => {
      const start = tokenPosition(token);
      return (offset: number, block: string) =>
        blockSources(
          block,
          line,
          start?.column === undefined ? undefined : { ...start, column: start.column + offset },
        );
    };
    const onLine = (line: number | undefined) => (_offset: number, block: string) =>
      blockSources(block, line, undefined);

    let line: number | undefined;
    for (const token of state.tokens) {
      // Table cells have no map: they are on the line of the last token that has one.
      line = token.map?.[0] ?? line;
      if (token.type === "inline") {
        token.content = hiding.whole(token.content, onLine(line));
        // Without source positions (a render with no context), a child's line is counted by line breaks.
        let breaks = 0;
        for (const child of token.children ?? []) {
          if (child.type === "softbreak" || child.type === "hardbreak") breaks++;
          if (child.type === "text") {
            const childLine = inlineLine(child) ?? (line === undefined ? undefined : line + breaks);
            child.content = hiding.text(child.content, positionOfOffset(child, childLine));
          } else if (escapeEverywhere) {
            eachToken([child], escapeFields);
          }
        }
      } else if (token.type === "fence") {
        const info = token.info;
        if (escapeEverywhere) escapeFields(token);
        token.info = hiding.text(info, onLine(line));
      } else if (escapeEverywhere) {
        escapeFields(token);
      }
    }

    if (hiding.blocks.length > 0) run(state);
    eachToken(state.tokens, (token) => {
      token.content = hiding.restore(token.content);
      token.info = hiding.restore(token.info);
      token.markup = hiding.restore(token.markup);
      hiding.restoreAttributes(token);
      if (token.type === "fence") reportUnusedBraces(token, env);
    });
  };
}

/**
 * A fence's info string is not shown: braces left in it once markdown-it-attrs
 * took its attribute block (`{r}`, `{.a} more`, `{hidden}`) would be lost
 * without a word.
 */
function reportUnusedBraces(token: Token, env: Env | undefined): void {
  const at = token.info.indexOf("{");
  if (at < 0) return;
  const unused = token.info.slice(at).trim();
  reportAt(
    env,
    token.map?.[0],
    "warning",
    "fence-attributes",
    `Unexpected "${unused}" in the code fence's info string, expected one attribute block at its end, such as {#id .class key="value"}: it is ignored`,
    unused,
  );
}

/** Escapes our hiding characters in a token markdown-it-attrs does not read, so that restoring keeps them. */
function escapeFields(token: Token): void {
  const escape = (text: string) => text.replace(/[\uFDD0-\uFDD4]/g, (c) => ESCAPE + c);
  token.content = escape(token.content);
  token.info = escape(token.info);
  token.markup = escape(token.markup);
}

const INSTALLED = new WeakSet<MarkdownIt>();

/**
 * Attribute blocks, read strictly and checked: markdown-it-attrs, shown only
 * strict blocks, then the check of every attribute an author set, and fences
 * rendered with their attributes on the `<pre>`. Register it once, after the
 * rules that make tokens.
 */
export function attributesPlugin(md: MarkdownIt): void {
  if (INSTALLED.has(md)) return;
  INSTALLED.add(md);
  md.use(markdownItAttrs);
  const rule = md.core.ruler.__rules__.find((r) => r.name === "curly_attributes")!;
  md.core.ruler.at("curly_attributes", strictly(rule.fn));
  md.core.ruler.after("curly_attributes", "syllabus_attribute_check", checkAttributes);
  md.use(codeFencePlugin);
}
