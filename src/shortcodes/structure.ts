/**
 * Shortcodes in context, once markdown-it has parsed the page:
 * - `pairPauses` (after the block phase) pairs each `{% pause %}` with its
 *   `{% endpause %}` within the same container, as a container rule would:
 *   one left open is reported and closed where its container ends.
 * - `checkShortcodes` (after the inline phase) walks every token in document
 *   order: inside `{% raw %}` shortcodes and Nunjucks syntax are shown as
 *   written; elsewhere Nunjucks syntax gets its warning, a note or citation
 *   in a heading, link text or image description is an error (it would nest
 *   interactive content), a `{% pause %}` inside a paragraph is misplaced.
 *   It also counts the words read, and (for a `bodyTemplates` first parse)
 *   collects what a Nunjucks pass must leave alone.
 */
import type { StateCore, Token } from "markdown-it";
import { scanHtml } from "../core/html-scan.js";
import { countWords } from "../core/text.js";
import { lineStartsOf, tokenRange } from "../markdown/inline-lines.js";
import { NOTE_CLOSE, NOTE_OPEN } from "../markdown/notes.js";
import {
  reportAt,
  reportAtPosition,
  tokenPosition,
  type Where,
} from "../markdown/render-context.js";
import { BLOCK_TOKENS, TAG_RANGE } from "./block-rule.js";
import { TOKENS, type TagProblemReport } from "./inline-rule.js";
import { BODY_TEMPLATES_OPTION, isShortcode } from "./registry.js";
import { shortcodeEnv, type ShortcodeEnv } from "./shortcode-env.js";
import { tagNameIn } from "./tag-syntax.js";

const LITERAL = "syllabusLiteral";

/** Whether a token stands for something shown as written (inside `{% raw %}`). */
export function isLiteral(token: Token): boolean {
  return token.meta?.[LITERAL] === true;
}

export function pairPauses(state: StateCore): void {
  if (!shortcodeEnv(state.env)) return;
  // Most pages have no prompt written as a shortcode: nothing to pair, no levels to recompute.
  const pauses = new Set<string>([BLOCK_TOKENS.pauseOpen, BLOCK_TOKENS.pauseClose]);
  if (!state.tokens.some((t) => pauses.has(t.type))) return;
  const out: Token[] = [];
  const frames: Token[][] = [[]];
  let raw = 0;
  const close = (open: Token) => {
    reportAtPosition(
      state.env,
      tokenPosition(open),
      "error",
      "shortcode-unclosed",
      "Unclosed {% pause %}: expected {% endpause %} after it",
    );
    const token = new state.Token(BLOCK_TOKENS.pauseClose, "details", 0);
    token.map = open.map;
    out.push(token);
  };
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === BLOCK_TOKENS.raw) raw = Math.max(0, raw + (token.meta?.open ? 1 : -1));
    if (
      raw > 0 &&
      (token.type === BLOCK_TOKENS.pauseOpen || token.type === BLOCK_TOKENS.pauseClose)
    ) {
      // Inside {% raw %}: the tag is shown as written, its question is not a summary.
      token.meta = { ...token.meta, [LITERAL]: true };
      out.push(token);
      if (token.type === BLOCK_TOKENS.pauseOpen) i += 2;
      continue;
    }
    if (token.type === BLOCK_TOKENS.pauseOpen) {
      frames.at(-1)!.push(token);
    } else if (token.type === BLOCK_TOKENS.pauseClose) {
      if (frames.at(-1)!.pop() === undefined) {
        reportAtPosition(
          state.env,
          tokenPosition(token),
          "error",
          "shortcode-unopened",
          "{% endpause %} without a {% pause %} before it",
        );
        continue;
      }
    } else if (token.nesting === 1) {
      frames.push([]);
    } else if (token.nesting === -1) {
      for (const open of frames.pop()!.reverse()) close(open);
    }
    out.push(token);
  }
  for (const open of frames.pop()!.reverse()) close(open);
  // The pause is now a container: its tokens nest inside it.
  let level = 0;
  for (const token of out) {
    if (!isLiteral(token)) {
      if (token.type === BLOCK_TOKENS.pauseOpen) token.nesting = 1;
      if (token.type === BLOCK_TOKENS.pauseClose) token.nesting = -1;
    }
    if (token.nesting === -1) level--;
    token.level = level;
    if (token.nesting === 1) level++;
  }
  state.tokens = out;
}

/** Where a note or citation cannot stand, by the context that holds it. */
const PLACES = {
  heading: "a heading",
  link: "link text",
  image: "an image's description",
} as const;
type Place = keyof typeof PLACES;

interface Walk {
  state: StateCore;
  shortcodes: ShortcodeEnv;
  raw: Token[];
  pauses: number;
  lineStarts: number[] | undefined;
}

export function checkShortcodes(state: StateCore): void {
  const shortcodes = shortcodeEnv(state.env);
  if (!shortcodes) return;
  const walk: Walk = { state, shortcodes, raw: [], pauses: 0, lineStarts: undefined };
  let heading = false;
  for (const token of state.tokens) {
    if (token.type === "heading_open") heading = true;
    if (token.type === "heading_close") heading = false;
    if (token.type === BLOCK_TOKENS.pauseOpen && !isLiteral(token)) walk.pauses++;
    if (token.type === BLOCK_TOKENS.pauseClose && !isLiteral(token)) walk.pauses--;
    if (token.type === BLOCK_TOKENS.raw) raw(walk, token);
    else if (token.type === BLOCK_TOKENS.comment && walk.raw.length > 0)
      token.meta = { ...token.meta, [LITERAL]: true };
    collectBlock(walk, token);
    if (token.type === "inline" && token.children) {
      token.children = children(walk, token.children, heading ? "heading" : undefined);
    }
  }
  for (const open of walk.raw) {
    reportAtPosition(
      state.env,
      tokenPosition(open),
      "error",
      "shortcode-unclosed",
      `Unclosed {% ${String(open.meta?.name)} %}: expected {% end${String(open.meta?.name)} %}`,
    );
  }
}

function raw(walk: Walk, token: Token): void {
  if (token.meta?.open) {
    walk.raw.push(token);
  } else if (walk.raw.pop() === undefined) {
    reportAtPosition(
      walk.state.env,
      tokenPosition(token),
      "error",
      "shortcode-unopened",
      `{% ${String(token.meta?.name)} %} without a {% ${String(token.meta?.name).replace(/^end/, "")} %} before it`,
    );
  }
}

/** The inline tokens, checked in context; a note or citation that cannot stand there is left out. */
function children(walk: Walk, tokens: Token[], outer: Place | undefined): Token[] {
  const out: Token[] = [];
  const { env } = walk.state;
  let links = 0;
  let notes = 0;
  const rawBefore = walk.raw.length;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const place: Place | undefined = outer ?? (links > 0 ? "link" : undefined);
    if (token.type === "link_open") links++;
    if (token.type === "link_close") links--;
    if (token.type === "link_open" || token.type === "image") checkAttributes(walk, token);
    if (token.type === TOKENS.raw) {
      raw(walk, token);
      continue;
    }
    if (token.type === TOKENS.broken && walk.raw.length === 0) {
      const problem = token.meta?.problem as TagProblemReport;
      reportAtPosition(env, problem.position, "error", problem.rule, problem.message, problem.hint);
    }
    if (walk.raw.length > 0 && isShortcodeToken(token)) {
      // Inside {% raw %}: shown exactly as written (not a text token, which the typographer would change).
      const literal = new walk.state.Token(TOKENS.nunjucksLiteral, "", 0);
      literal.content = token.content;
      out.push(literal);
      if (token.type === NOTE_OPEN) i = closingIndex(tokens, i);
      continue;
    }
    if (token.type === TOKENS.nunjucksLiteral) {
      if (walk.raw.length === 0 && walk.shortcodes.nunjucksWarnings) warnNunjucks(walk, token);
    } else if (token.type === TOKENS.misplacedBlockTag) {
      misplaced(walk, token);
    } else if (token.type === NOTE_OPEN || token.type === TOKENS.cite) {
      const kind = token.type === TOKENS.cite ? "cite" : String(token.meta?.kind);
      const problem =
        place !== undefined
          ? `{% ${kind} %} cannot stand in ${PLACES[place]}: it would put interactive content inside it`
          : notes > 0 && kind !== "cite"
            ? `{% ${kind} %} cannot stand inside another note`
            : undefined;
      if (problem) {
        reportAtPosition(
          env,
          tokenPosition(token),
          "error",
          "shortcode-placement",
          problem,
          "move it into the text beside it",
        );
        if (token.type === NOTE_OPEN) i = closingIndex(tokens, i);
        continue;
      }
      if (token.type === NOTE_OPEN) notes++;
    } else if (token.type === NOTE_CLOSE) {
      notes--;
    } else if (token.type === "image" && token.children) {
      token.children = children(walk, token.children, "image");
      walk.shortcodes.words += countWords(token.children.map((t) => t.content).join(" "));
    } else if (token.type === "html_inline") {
      htmlInline(walk, token);
    } else if (token.type === "text") {
      walk.shortcodes.words += countWords(token.content);
    }
    collectInline(walk, token);
    out.push(token);
  }
  // A {% raw %} opened in a paragraph ends with it: around blocks, raw tags stand on lines of their own.
  while (walk.raw.length > rawBefore) {
    const open = walk.raw.pop()!;
    const name = String(open.meta?.name);
    reportAtPosition(
      env,
      tokenPosition(open),
      "error",
      "shortcode-unclosed",
      `Unclosed {% ${name} %}: expected {% end${name} %}`,
      `close it in the same paragraph; around several paragraphs, put {% ${name} %} and {% end${name} %} on lines of their own`,
    );
  }
  return out;
}

/** A shortcode written in a link's or image's destination or title is not rendered there. */
function checkAttributes(walk: Walk, token: Token): void {
  // A reference link's destination is its definition's, checked there.
  if (walk.shortcodes.mode !== "source" || token.meta?.label !== undefined) return;
  for (const name of token.type === "image" ? ["src", "title"] : ["href", "title"]) {
    const value = token.attrGet(name);
    const tag = value === null ? undefined : shortcodeIn(decoded(String(value)));
    if (tag) reportInAttribute(walk.state, token, tag);
  }
}

/**
 * Link reference definitions (`[x]: <url> "title"`): each checked once, where
 * it is written (the links that use it are not checked again). Before
 * markdown-it's `strip_references` rule takes their tokens away.
 */
export function checkReferences(state: StateCore): void {
  const shortcodes = shortcodeEnv(state.env);
  if (!shortcodes || shortcodes.mode !== "source") return;
  let lines: string[] | undefined;
  for (const token of state.tokens) {
    const label =
      token.type === "reference_definition" ? (token.meta?.label as string | undefined) : undefined;
    const reference = label === undefined ? undefined : state.env?.references?.[label];
    if (!reference) continue;
    for (const value of [decoded(reference.href), reference.title]) {
      const tag = shortcodeIn(value);
      if (!tag || !token.map) continue;
      lines ??= state.src.split("\n");
      // A definition may span lines (label, destination, title): the line the tag is on.
      let line = token.map[0];
      while (line < token.map[1] - 1 && !lines[line]?.includes(tag.text)) line++;
      reportInAttribute(state, line, tag);
    }
  }
}

function shortcodeIn(value: string): { name: string; text: string } | undefined {
  const tag = tagNameIn(value);
  return tag && isShortcode(tag.name) ? tag : undefined;
}

function decoded(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

function reportInAttribute(
  state: StateCore,
  where: Where,
  tag: { name: string; text: string },
): void {
  reportAt(
    state.env,
    where,
    "error",
    "shortcode-in-attribute",
    `{% ${tag.name} %} cannot stand in a link's or image's destination or title: it would not be rendered there`,
    tag.text,
    "put it in the text; for a figure whose caption cites a work, write the figure as raw HTML with the shortcode in its <figcaption>",
  );
}

function isShortcodeToken(token: Token): boolean {
  return (
    token.type === NOTE_OPEN ||
    token.type === TOKENS.broken ||
    token.type === TOKENS.cite ||
    token.type === TOKENS.misplacedBlockTag ||
    token.type === TOKENS.nunjucksComment
  );
}

/** Index of the NOTE_CLOSE matching the NOTE_OPEN at `open`. */
function closingIndex(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i]!.type === NOTE_OPEN) depth++;
    if (tokens[i]!.type === NOTE_CLOSE && --depth === 0) return i;
  }
  return tokens.length - 1;
}

function misplaced(walk: Walk, token: Token): void {
  const name = String(token.meta?.name);
  const stray = name === "endpause" && walk.pauses === 0;
  reportAtPosition(
    walk.state.env,
    tokenPosition(token),
    "error",
    stray ? "shortcode-unopened" : "shortcode-placement",
    stray
      ? "{% endpause %} without a {% pause %} before it"
      : `{% ${name} %} must stand on a line of its own`,
    stray
      ? undefined
      : '{% pause "Question?" %} and {% endpause %} each take a line, with the prompt\'s text between them',
  );
}

function warnNunjucks(walk: Walk, token: Token): void {
  const shown = token.content.length > 40 ? `${token.content.slice(0, 37)}…` : token.content;
  const name = token.meta?.name as string | undefined;
  const what = name ? `Nunjucks tag {% ${name} %}` : `Nunjucks expression ${shown}`;
  reportAtPosition(
    walk.state.env,
    tokenPosition(token),
    "warning",
    "body-template",
    `${what} is shown as written: article bodies do not run Nunjucks`,
    `to run it, set ${BODY_TEMPLATES_OPTION} in _data/site.json (then every body runs as a Nunjucks template, in npm run check too); to show it without this warning, wrap it in {% raw %}…{% endraw %}`,
  );
}

/** Inline HTML is one tag, comment or declaration: a shortcode inside a tag cannot be expanded there. */
function htmlInline(walk: Walk, token: Token): void {
  if (walk.shortcodes.mode !== "source" || scanHtml(token.content)[0]?.kind === "comment") return;
  const tag = shortcodeIn(token.content);
  if (!tag) return;
  reportAtPosition(
    walk.state.env,
    tokenPosition(token),
    "error",
    "shortcode-in-html-tag",
    `{% ${tag.name} %} cannot stand inside an HTML tag: its HTML cannot go in an attribute`,
    "put it in the element's text, between its tags",
  );
}

/**
 * For a `bodyTemplates` first parse: code, math and comments are left as
 * written by the Nunjucks pass; shortcode tags (outside `{% raw %}`, whose
 * content Nunjucks prints itself) are kept as tag markers.
 */
function collectInline(walk: Walk, token: Token): void {
  const collect = walk.shortcodes.collect;
  if (!collect) return;
  const verbatim =
    token.type === "code_inline" ||
    token.type === "math_inline" ||
    // A backslash escape (`\{%` shows a tag as text): Nunjucks must not read what it escapes.
    (token.type === "text_special" && token.info === "escape") ||
    (token.type === "html_inline" && scanHtml(token.content)[0]?.kind === "comment");
  const tag = isShortcodeToken(token) && token.type !== TOKENS.nunjucksComment;
  const range = verbatim || tag ? tokenRange(token) : undefined;
  if (range) collect[tag ? "tags" : "verbatim"].push(range);
}

function collectBlock(walk: Walk, token: Token): void {
  const collect = walk.shortcodes.collect;
  if (!collect || !token.map) return;
  const verbatim =
    token.type === "fence" || token.type === "code_block" || token.type === "math_block";
  const tag =
    (token.type === BLOCK_TOKENS.pauseOpen || token.type === BLOCK_TOKENS.pauseClose) &&
    !isLiteral(token);
  if (tag) {
    const range = token.meta?.[TAG_RANGE] as [number, number] | undefined;
    if (range) collect.tags.push(range);
    return;
  }
  if (!verbatim) return;
  walk.lineStarts ??= lineStartsOf(walk.state.src);
  const start = walk.lineStarts[token.map[0]] ?? walk.state.src.length;
  const end = (walk.lineStarts[token.map[1]] ?? walk.state.src.length + 1) - 1;
  collect.verbatim.push([start, Math.max(start, end)]);
}
