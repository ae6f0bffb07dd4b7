/**
 * Source positions for inline tokens. markdown-it gives block tokens a line
 * range (`map`) but inline tokens nothing, and an inline token's `content` is
 * its block's lines with container markers (`> `, list indentation) removed.
 * This plugin maps each inline token back to the author's file as it is
 * created: every token gets the position where it starts, and its start and
 * end offsets in the Markdown being parsed, so that problems are located
 * exactly and callers can tell which parts of the source are code or text.
 *
 * A parse of text that is not a slice of the document (a shortcode's string
 * argument, a figure caption) sets its own mapping with `withInlineMapper`.
 */
import type { Env, MarkdownIt, StateCore, StateInline, Token } from "markdown-it";
import { contextOf, sourceOf, type SourcePosition } from "./render-context.js";

/** Where offsets in the inline text being parsed come from. */
export interface InlineMapper {
  /** Position in the author's file of an offset in the inline text. */
  position: (offset: number) => SourcePosition | undefined;
  /** Offset in the Markdown being parsed (state.src of the core parse), when the inline text is a slice of it. */
  markdownOffset: (offset: number) => number | undefined;
}

const MAPPER = "syllabusInlineMapper";
/** Line starts of the Markdown being parsed, set by the `inline` core rule. */
const LINE_STARTS = "syllabusLineStarts";
/** Set on a synthetic inline token whose content is not its block's lines (a pause question). */
export const INLINE_MAPPER_META = "syllabusContentMapper";

/** The mapper inline rules are parsing under, if any. */
export function currentMapper(env: Env | undefined): InlineMapper | undefined {
  return env?.[MAPPER] as InlineMapper | undefined;
}

/** Runs `parse` with `mapper` as the current mapping of inline offsets. */
export function withInlineMapper<T>(env: Env, mapper: InlineMapper | undefined, parse: () => T): T {
  const saved = env[MAPPER] as InlineMapper | undefined;
  env[MAPPER] = mapper;
  try {
    return parse();
  } finally {
    env[MAPPER] = saved;
  }
}

/** A mapping that puts every offset at one position (a figure caption: at its image). */
export function fixedMapper(position: SourcePosition | undefined): InlineMapper {
  return { position: () => position, markdownOffset: () => undefined };
}

function remember(env: Env | undefined, token: Token, offset: number): Token {
  const mapper = currentMapper(env);
  if (!mapper) return token;
  const markdown = mapper.markdownOffset(offset);
  const source = sourceOf(token);
  source.position = mapper.position(offset);
  source.start = markdown;
  const lineStarts = env?.[LINE_STARTS] as number[] | undefined;
  if (markdown !== undefined && lineStarts) source.line = lineIndexOf(lineStarts, markdown);
  return token;
}

/** The 0-based line of the Markdown being parsed that an inline token starts on, when known. */
export function inlineLine(token: Token): number | undefined {
  return sourceOf(token).line;
}

/** Offsets of an inline token in the Markdown being parsed, [start, end), when it is a slice of it. */
export function tokenRange(token: Token): [number, number] | undefined {
  const source = sourceOf(token);
  return source.start !== undefined && source.end !== undefined
    ? [source.start, source.end]
    : undefined;
}

/**
 * Maps the content of a block's inline token (or of an html block) to offsets
 * in the Markdown. Each line of the content is the end of a source line, once
 * the container's markers and indentation are removed; the last line may have
 * lost trailing spaces, and a heading's line its closing `#`s.
 */
export function contentMapper(
  src: string,
  lineStarts: readonly number[],
  content: string,
  firstLine: number,
  env: Env | undefined,
): InlineMapper {
  const contentStarts = [0];
  for (let i = content.indexOf("\n"); i >= 0; i = content.indexOf("\n", i + 1))
    contentStarts.push(i + 1);
  const sourceStarts = contentStarts.map((start, k) => {
    const lineStart = lineStarts[firstLine + k];
    if (lineStart === undefined) return undefined;
    const lineEnd = (lineStarts[firstLine + k + 1] ?? src.length + 1) - 1;
    const sourceLine = src.slice(lineStart, lineEnd);
    const contentLine = content.slice(start, (contentStarts[k + 1] ?? content.length + 1) - 1);
    return lineStart + columnOf(sourceLine, contentLine);
  });
  const lineOf = (offset: number) => {
    let k = contentStarts.length - 1;
    while (k > 0 && contentStarts[k]! > offset) k--;
    return k;
  };
  const markdownOffset = (offset: number) => {
    const k = lineOf(offset);
    const start = sourceStarts[k];
    return start === undefined ? undefined : start + (offset - contentStarts[k]!);
  };
  return {
    markdownOffset,
    position: (offset) => {
      const markdown = markdownOffset(offset);
      return markdown === undefined ? undefined : contextOf(env)?.positionOf?.(markdown);
    },
  };
}

/** Where a content line starts in its source line. */
function columnOf(sourceLine: string, contentLine: string): number {
  if (sourceLine.endsWith(contentLine)) return sourceLine.length - contentLine.length;
  const trimmed = sourceLine.trimEnd();
  const content = contentLine.trimEnd();
  if (content && trimmed.endsWith(content)) return trimmed.length - content.length;
  const found = content ? sourceLine.indexOf(content) : -1;
  if (found >= 0) return found;
  return sourceLine.length - sourceLine.trimStart().length;
}

/** The 0-based line holding `offset`, given the offsets where lines start. */
function lineIndexOf(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

interface TableRow {
  line: number;
  /** Where the next cell is looked for on the row's line. */
  cursor: number;
}

/** Maps a table cell's content to the Markdown: the cell is found on its row's line after the previous cell. */
function cellMapper(
  src: string,
  lineStarts: readonly number[],
  row: TableRow,
  content: string,
  env: Env | undefined,
): InlineMapper {
  const lineStart = lineStarts[row.line] ?? src.length;
  const lineText = src.slice(lineStart, (lineStarts[row.line + 1] ?? src.length + 1) - 1);
  const found = content ? lineText.indexOf(content, row.cursor) : -1;
  const start = lineStart + (found >= 0 ? found : row.cursor);
  if (found >= 0) row.cursor = found + content.length;
  const markdownOffset = (offset: number) => start + offset;
  return {
    markdownOffset,
    position: (offset) => contextOf(env)?.positionOf?.(markdownOffset(offset)),
  };
}

/** Offsets where each line of `text` starts. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** Offset of a state's text in the text its mapper maps (not 0 for an image's description). */
export function stateBase(state: StateInline): number {
  return (state as unknown as { base?: number }).base ?? 0;
}

/** The current mapping, for offsets in this state's own text. */
export function stateMapper(state: StateInline): InlineMapper | undefined {
  const mapper = currentMapper(state.env);
  const base = stateBase(state);
  if (!mapper || base === 0) return mapper;
  return {
    position: (offset) => mapper.position(base + offset),
    markdownOffset: (offset) => mapper.markdownOffset(base + offset),
  };
}

/** Set while markdown-it parses an image's description: where it starts in the text being parsed. */
const NESTED_START = "syllabusNestedStart";

export function inlineLinesPlugin(md: MarkdownIt): void {
  const Base = md.inline.State;
  md.inline.State = class extends Base {
    /** Offset of this state's text in the text the current mapper maps. */
    readonly base: number;

    constructor(...args: ConstructorParameters<typeof Base>) {
      super(...args);
      this.base = (this.env[NESTED_START] as number | undefined) ?? 0;
      delete this.env[NESTED_START];
    }

    override push(
      type: string,
      tag: string,
      nesting: Parameters<InstanceType<typeof Base>["push"]>[2],
    ): Token {
      return remember(this.env, super.push(type, tag, nesting), this.base + this.pos);
    }

    override pushPending(): Token {
      const start = this.pos - this.pending.length;
      return remember(this.env, super.pushPending(), this.base + start);
    }
  };
  // markdown-it parses an image's description as a text of its own, which starts after `![`.
  const image = md.inline.ruler.__rules__.find((rule) => rule.name === "image")!.fn;
  md.inline.ruler.at("image", (state, silent) => {
    if (!silent) state.env[NESTED_START] = stateBase(state) + state.pos + 2;
    try {
      return image(state, silent);
    } finally {
      delete state.env[NESTED_START];
    }
  });

  // markdown-it's own `inline` core rule, with the mapping of each block's content set first.
  md.core.ruler.at("inline", (state: StateCore) => {
    const lineStarts = lineStartsOf(state.src);
    state.env[LINE_STARTS] = lineStarts;
    // markdown-it gives a table's cells no line: they are found in order on their row's line.
    let row: TableRow | undefined;
    for (const token of state.tokens) {
      if (token.type === "tr_open" && token.map) row = { line: token.map[0], cursor: 0 };
      if (token.type !== "inline") continue;
      let mapper = token.meta?.[INLINE_MAPPER_META] as InlineMapper | undefined;
      if (state.inlineMode) {
        // `renderInline` of a text that is not the page's (a figure's caption): only its caller knows where it is.
        mapper = currentMapper(state.env);
      } else if (!mapper && token.map) {
        mapper = contentMapper(state.src, lineStarts, token.content, token.map[0], state.env);
      } else if (!mapper && row) {
        mapper = cellMapper(state.src, lineStarts, row, token.content, state.env);
      }
      withInlineMapper(state.env, mapper, () =>
        md.inline.parse(token.content, md, state.env, token.children ?? []),
      );
    }
  });
}

/**
 * Records where each inline token ends, by wrapping every inline rule: the
 * position after a rule succeeds is the end of the tokens it pushed. Call it
 * once all inline rules are registered.
 */
export function recordInlineEnds(md: MarkdownIt): void {
  for (const rule of md.inline.ruler.__rules__) {
    const original = rule.fn;
    md.inline.ruler.at(rule.name, (state, silent) => {
      const before = state.tokens.length;
      const ok = original(state, silent);
      if (ok && !silent) {
        const end = stateMapper(state)?.markdownOffset(state.pos);
        for (let i = before; i < state.tokens.length; i++) {
          const token = state.tokens[i]!;
          // Text is pushed when the next token is: its end is not this rule's.
          const source = sourceOf(token);
          if (token.type !== "text" && source.end === undefined) source.end = end;
        }
      }
      return ok;
    });
  }
}
