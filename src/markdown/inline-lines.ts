/**
 * Inline tokens carry no source lines in markdown-it. This core rule gives each
 * child of an inline token the 0-based line it starts on, so that problems
 * found in links, images and math can be located exactly.
 */
import type { MarkdownIt, StateCore, Token } from "markdown-it";

const LINE = "syllabusLine";

function annotate(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children || !block.map) continue;
    let line = block.map[0];
    for (const child of block.children) {
      child.meta = { ...(child.meta ?? {}), [LINE]: line };
      if (child.type === "softbreak" || child.type === "hardbreak") line++;
      else line += countNewlines(child.content);
    }
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** The 0-based Markdown line an inline token starts on, when known. */
export function inlineLine(token: Token): number | undefined {
  const line = token.meta?.[LINE];
  return typeof line === "number" ? line : undefined;
}

export function inlineLinesPlugin(md: MarkdownIt): void {
  md.core.ruler.after("inline", "syllabus_inline_lines", annotate);
}
