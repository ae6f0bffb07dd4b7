/**
 * Inline tokens carry no source positions in markdown-it. We record, as each
 * inline token is created, its offset in the paragraph's text, and from it
 * give each child of an inline token the 0-based line it starts on, so that
 * problems found in links, images and math are located exactly.
 */
import type { MarkdownIt, StateCore, Token } from "markdown-it";

const OFFSET = "syllabusOffset";
const LINE = "syllabusLine";

function remember(token: Token, offset: number): Token {
  token.meta = { ...(token.meta ?? {}), [OFFSET]: offset };
  return token;
}

function annotate(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children || !block.map) continue;
    const newlines: number[] = [];
    for (let i = block.content.indexOf("\n"); i >= 0; i = block.content.indexOf("\n", i + 1))
      newlines.push(i);
    for (const child of block.children) {
      const offset = child.meta?.[OFFSET];
      if (typeof offset !== "number") continue;
      let before = 0;
      while (before < newlines.length && newlines[before]! < offset) before++;
      child.meta = { ...child.meta, [LINE]: block.map[0] + before };
    }
  }
}

/** The 0-based Markdown line an inline token starts on, when known. */
export function inlineLine(token: Token): number | undefined {
  const line = token.meta?.[LINE];
  return typeof line === "number" ? line : undefined;
}

export function inlineLinesPlugin(md: MarkdownIt): void {
  const Base = md.inline.State;
  md.inline.State = class extends Base {
    override push(
      type: string,
      tag: string,
      nesting: Parameters<InstanceType<typeof Base>["push"]>[2],
    ): Token {
      return remember(super.push(type, tag, nesting), this.pos);
    }

    override pushPending(): Token {
      const start = this.pos - this.pending.length;
      return remember(super.pushPending(), start);
    }
  };
  md.core.ruler.after("inline", "syllabus_inline_lines", annotate);
}
