/**
 * The inline rule for what a body may write in text with braces: our
 * shortcodes (`{% sidenote "…" %}`, `{% marginnote "…" %}`, `{% cite "…" %}`),
 * and Nunjucks' syntax, which a body holds as data: `{{ … }}` and Nunjucks'
 * own tags are shown as written (with a warning, in `structure.ts`), `{# … #}`
 * comments are left out, `{% raw %}` tags are dropped. Being an inline rule,
 * it runs exactly where markdown-it reads text: never in code, math, raw HTML
 * tags or comments, in any container at any depth.
 */
import type { Env, StateInline, Token } from "markdown-it";
import { parseAttributeBlock } from "../markdown/attributes.js";
import { stateMapper, withInlineMapper, type InlineMapper } from "../markdown/inline-lines.js";
import { NOTE_CLOSE, NOTE_OPEN } from "../markdown/notes.js";
import {
  reportAtPosition,
  setTokenPosition,
  type SourcePosition,
} from "../markdown/render-context.js";
import {
  arityProblem,
  isShortcode,
  lostEscapeWarning,
  NUNJUCKS_TAGS,
  rawTagKind,
  SHORTCODES,
  takesExpressions,
  unknownTagHint,
} from "./registry.js";
import { markedTag, shortcodeEnv, type ShortcodeEnv } from "./shortcode-env.js";
import { lineEnd, readTag, type StringArgument, type Tag, type TagText } from "./tag-syntax.js";

/** Token types this rule pushes (rendered by `plugin.ts`, checked by `structure.ts`). */
export const TOKENS = {
  cite: "syllabus_cite",
  /** `{% pause %}` or `{% endpause %}` inside a paragraph: they must stand on a line of their own. */
  misplacedBlockTag: "syllabus_misplaced_block_tag",
  /** A tag that could not be used (reported in context): shown as written, as code. */
  broken: "syllabus_shortcode_error",
  /** `{{ … }}` or a Nunjucks tag, shown as written. */
  nunjucksLiteral: "syllabus_nunjucks_literal",
  /** `{# … #}`: left out (shown as written inside `{% raw %}`). */
  nunjucksComment: "syllabus_nunjucks_comment",
  /** `{% raw %}` / `{% endraw %}`: dropped; between them everything is shown as written. */
  raw: "syllabus_raw",
} as const;

export function shortcodeInlineRule(state: StateInline, silent: boolean): boolean {
  const shortcodes = shortcodeEnv(state.env);
  if (!shortcodes) return false;
  const pos = state.pos;
  const marked = markedTag(state.src, pos, shortcodes);
  if (marked) {
    const { source, result, bodyOffset, length } = marked;
    return useTag(state, silent, shortcodes, source, result, bodyOffset, pos + length);
  }
  if (shortcodes.mode !== "source" || state.src.charCodeAt(pos) !== 0x7b /* { */) return false;
  const mapper = stateMapper(state);
  const source: TagText = {
    text: state.src,
    max: state.posMax,
    position: (offset) => mapper?.position(offset),
    markdownOffset: (offset) => mapper?.markdownOffset(offset),
  };
  switch (state.src.charCodeAt(pos + 1)) {
    case 0x25 /* % */: {
      const result = readTag(state.src, pos, state.posMax, takesExpressions);
      return useTag(state, silent, shortcodes, source, result, pos, undefined);
    }
    case 0x7b /* { */:
      return expression(state, silent);
    case 0x23 /* # */:
      return comment(state, silent, shortcodes, source);
    default:
      return false;
  }
}

function useTag(
  state: StateInline,
  silent: boolean,
  shortcodes: ShortcodeEnv,
  source: TagText,
  result: ReturnType<typeof readTag>,
  /** Where the tag starts in `source.text`. */
  tagStart: number,
  /** After a marker: where the inline text resumes. */
  resume: number | undefined,
): boolean {
  if ("problem" in result) {
    const { problem } = result;
    const tagEnd = problem.end ?? lineEnd(source.text, tagStart, source.max);
    if (!silent) {
      broken(state, source.text.slice(tagStart, tagEnd), source.position(tagStart), {
        position: source.position(problem.offset),
        rule: problem.rule,
        message: problem.message,
        hint: problem.hint,
      });
    }
    state.pos = resume ?? tagEnd;
    return true;
  }
  const { tag } = result;
  const after = resume ?? tag.end;
  const raw = source.text.slice(tag.start, tag.end);
  if (silent) {
    state.pos = trimAfter(state, tag, after);
    return true;
  }
  if (tag.trimBefore) trimBefore(state);
  const at = source.position(tag.start);
  const rawKind = rawTagKind(tag.name);
  if (rawKind) {
    push(state, TOKENS.raw, raw, at, { open: rawKind === "open", name: tag.name });
  } else if (isShortcode(tag.name)) {
    useShortcode(state, shortcodes, source, { ...tag, name: tag.name }, raw, at);
  } else if (NUNJUCKS_TAGS.has(tag.name)) {
    push(state, TOKENS.nunjucksLiteral, raw, at, { name: tag.name });
  } else {
    broken(state, raw, at, {
      position: source.position(tag.nameOffset),
      rule: "shortcode-unknown",
      message: `Unknown shortcode "${tag.name}"`,
      hint: unknownTagHint(tag.name),
    });
  }
  state.pos = trimAfter(state, tag, after);
  return true;
}

function useShortcode(
  state: StateInline,
  shortcodes: ShortcodeEnv,
  source: TagText,
  tag: Tag & { name: keyof typeof SHORTCODES },
  raw: string,
  at: SourcePosition | undefined,
): void {
  lostEscapeWarnings(state.env, tag.args, source.position);
  const problem = arityProblem(tag);
  if (problem) {
    // Left out of the page, as the build fails anyway.
    broken(state, raw, at, { position: at, rule: "shortcode-arguments", message: problem }, true);
    return;
  }
  if (SHORTCODES[tag.name].placement === "block") {
    // Checked in context by structure.ts: misplaced, or closing nothing.
    push(state, TOKENS.misplacedBlockTag, raw, at, { name: tag.name });
    return;
  }
  if (shortcodes.allowed === "none") {
    broken(state, raw, at, {
      position: at,
      rule: "shortcode-not-allowed",
      message: `{% ${tag.name} %} cannot be used here: shortcodes stand in article and page bodies`,
    });
    return;
  }
  if (tag.name === "cite") {
    push(state, TOKENS.cite, raw, at, {
      args: tag.args.map((arg) => ({
        value: arg.value,
        position: source.position(arg.offset + 1),
      })),
    });
    return;
  }
  const [text] = tag.args as [StringArgument];
  const open = push(state, NOTE_OPEN, raw, at, { kind: tag.name });
  open.tag = "span";
  const children: Token[] = [];
  withInlineMapper(state.env, argumentMapper(text, source), () =>
    state.md.inline.parse(text.value, state.md, state.env, children),
  );
  for (const child of children) {
    child.level += state.level;
    state.tokens.push(child);
    state.tokens_meta.push(undefined);
  }
  const close = state.push(NOTE_CLOSE, "span", -1);
  close.meta = { name: tag.name };
}

/** Warns about each escape in the arguments that dropped its backslash, at the backslash. */
export function lostEscapeWarnings(
  env: Env | undefined,
  args: readonly StringArgument[],
  position: (offset: number) => SourcePosition | undefined,
): void {
  for (const arg of args) {
    for (const lost of arg.lostEscapes) {
      const { message, hint } = lostEscapeWarning(lost);
      reportAtPosition(
        env,
        position(lost.offset),
        "warning",
        "shortcode-string-escape",
        message,
        hint,
      );
    }
  }
}

/** Offsets in a string argument's value, mapped to where its characters were written. */
export function argumentMapper(argument: StringArgument, source: TagText): InlineMapper {
  const at = (offset: number) =>
    argument.sourceIndex[Math.min(offset, argument.sourceIndex.length - 1)]!;
  return {
    position: (offset) => {
      const position = source.position(at(offset));
      return position && { ...position, inString: true };
    },
    markdownOffset: () => undefined,
  };
}

/** `{{ … }}`: shown as written (a body does not run Nunjucks unless the course asks for it). */
function expression(state: StateInline, silent: boolean): boolean {
  const close = state.src.indexOf("}}", state.pos + 2);
  if (close < 0 || close + 2 > state.posMax) return false;
  if (!silent)
    push(
      state,
      TOKENS.nunjucksLiteral,
      state.src.slice(state.pos, close + 2),
      stateMapper(state)?.position(state.pos),
      {},
    );
  state.pos = close + 2;
  return true;
}

/** `{# … #}`, unless `{#id …}` is an attribute block (markdown-it-attrs'), which is left to it. */
function comment(
  state: StateInline,
  silent: boolean,
  shortcodes: ShortcodeEnv,
  source: TagText,
): boolean {
  const start = state.pos;
  const attributes = parseAttributeBlock(state.src, start, state.posMax);
  if (attributes) {
    // `{#` would open a comment for Nunjucks: a bodyTemplates pass must leave it alone.
    if (!silent) collectVerbatim(shortcodes, source, start, attributes.end);
    return false;
  }
  const close = state.src.indexOf("#}", start + 2);
  if (close < 0 || close + 2 > state.posMax) {
    // Once per paragraph: no later `{#` in it can be closed either.
    if (!silent && shortcodes.nunjucksWarnings && shortcodes.unclosedCommentIn !== state.src) {
      shortcodes.unclosedCommentIn = state.src;
      reportAtPosition(
        state.env,
        source.position(start),
        "warning",
        "nunjucks-comment-unclosed",
        "{# opens a comment, but no #} closes it in this paragraph: it is shown as text",
        'write \\{# to show "{#" as text, or close the comment with #}',
      );
    }
    state.pos = start + 2;
    if (!silent) state.pending += "{#";
    return true;
  }
  if (!silent)
    push(
      state,
      TOKENS.nunjucksComment,
      state.src.slice(start, close + 2),
      source.position(start),
      {},
    );
  state.pos = close + 2;
  return true;
}

function push(
  state: StateInline,
  type: string,
  content: string,
  at: SourcePosition | undefined,
  meta: Record<string, unknown>,
): Token {
  const token = state.push(type, "", type === NOTE_OPEN ? 1 : 0);
  token.content = content;
  token.meta = { ...(token.meta ?? {}), ...meta };
  if (at) setTokenPosition(token, at);
  return token;
}

/** A problem with a tag, reported in context (not at all inside `{% raw %}`, where the tag is shown as written). */
export interface TagProblemReport {
  position: SourcePosition | undefined;
  rule: string;
  message: string;
  hint?: string | undefined;
}

function broken(
  state: StateInline,
  raw: string,
  at: SourcePosition | undefined,
  problem: TagProblemReport,
  hidden = false,
): void {
  push(state, TOKENS.broken, raw, at, { problem, hidden });
}

/** Records a range a Nunjucks pass must leave as written (the first parse of `bodyTemplates`). */
function collectVerbatim(
  shortcodes: ShortcodeEnv,
  source: TagText,
  from: number,
  to: number,
): void {
  if (!shortcodes.collect) return;
  const start = source.markdownOffset(from);
  const end = source.markdownOffset(to);
  if (start !== undefined && end !== undefined) shortcodes.collect.verbatim.push([start, end]);
}

/**
 * `{%-`: Nunjucks trims the whitespace before the tag. Within a paragraph
 * that is the spaces before it and a line break; it never reaches beyond the
 * paragraph, so blocks are never merged.
 */
function trimBefore(state: StateInline): void {
  state.pending = state.pending.replace(/[ \t\n]+$/, "");
  if (state.pending) return;
  const tokens = state.tokens;
  while (tokens.length > 0) {
    const last = tokens.at(-1)!;
    if (last.type === "softbreak" || last.type === "hardbreak") {
      tokens.pop();
      state.tokens_meta.pop();
      continue;
    }
    if (last.type === "text") {
      last.content = last.content.replace(/[ \t]+$/, "");
      if (last.content === "") {
        tokens.pop();
        state.tokens_meta.pop();
        continue;
      }
    }
    break;
  }
}

/** `-%}`: the position after the whitespace that follows the tag, within the paragraph. */
function trimAfter(state: StateInline, tag: Tag, after: number): number {
  if (!tag.trimAfter) return after;
  let pos = after;
  while (pos < state.posMax && /[ \t\n]/.test(state.src[pos]!)) pos++;
  return pos;
}
