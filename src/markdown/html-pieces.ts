/**
 * Splitting an html block into pieces: slices of its HTML, passed through as
 * they are, and inline tokens parsed as Markdown where they were written (the
 * question of a raw pause-and-think prompt, a shortcode in a figure caption).
 */
import type { StateCore, Token } from "markdown-it";
import { contentMapper, INLINE_MAPPER_META, type InlineMapper } from "./inline-lines.js";

/** A piece of an html block's content as an inline token parsed as Markdown, positioned where it was written. */
export function inlineFromHtml(
  state: StateCore,
  block: Token,
  start: number,
  end: number,
  mapper: InlineMapper,
): Token {
  const inline = new state.Token("inline", "", 0);
  inline.content = block.content.slice(start, end);
  inline.map = block.map;
  inline.level = block.level;
  inline.children = [];
  inline.meta = {
    [INLINE_MAPPER_META]: {
      position: (offset: number) => mapper.position(start + offset),
      markdownOffset: (offset: number) => mapper.markdownOffset(start + offset),
    } satisfies InlineMapper,
  };
  return inline;
}

/** An html block holding a slice of another's content, its lines starting where the slice does. */
export function htmlSlice(state: StateCore, block: Token, start: number, end: number): Token {
  const piece = new state.Token("html_block", "", 0);
  piece.content = block.content.slice(start, end);
  if (block.map) {
    const linesBefore = block.content.slice(0, start).split("\n").length - 1;
    piece.map = [block.map[0] + linesBefore, block.map[1]];
  }
  piece.level = block.level;
  return piece;
}

/** The mapping of an html block's content to the Markdown, for pieces split from it. */
export function htmlBlockMapper(
  state: StateCore,
  block: Token,
  lineStarts: () => number[],
): InlineMapper {
  return contentMapper(state.src, lineStarts(), block.content, block.map?.[0] ?? 0, state.env);
}
