/**
 * markdown-it stops at its nesting limit (`maxNesting`, 100) without a word:
 * a block nested deeper (a 101st `>`, a list 50 levels deep) is left out
 * with everything after it in its container, and brackets nested deeper in
 * a paragraph are no longer read as links or images. This plugin reports
 * where the limit was reached, once for each place, at the construct that
 * reached it.
 *
 * It wraps markdown-it's own tokenizers and asks their own question
 * (`state.level >= maxNesting`) before they do, so that it reports exactly
 * what they drop.
 */
import type { Env, MarkdownIt, StateBlock, StateInline } from "markdown-it";
import { stateMapper } from "./inline-lines.js";
import { contextOf, reportAtPosition } from "./render-context.js";

const RULE = "markdown-nesting";
/** The places already reported in this render, so that a retried parse reports once. */
const REPORTED = "syllabusNestingReported";

function firstReport(env: Env | undefined, key: string): boolean {
  if (!env) return false;
  const reported = (env[REPORTED] ??= new Set<string>()) as Set<string>;
  if (reported.has(key)) return false;
  reported.add(key);
  return true;
}

/** The first line the block tokenizer would read from `startLine`, if any. */
function firstBlockLine(state: StateBlock, startLine: number, endLine: number): number | undefined {
  const line = state.skipEmptyLines(startLine);
  return line < endLine && state.sCount[line]! >= state.blkIndent ? line : undefined;
}

export function nestingPlugin(md: MarkdownIt): void {
  const max = () => md.options.maxNesting ?? 100;

  const tokenizeBlock = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state, startLine, endLine) => {
    const line = state.level >= max() ? firstBlockLine(state, startLine, endLine) : undefined;
    if (line !== undefined) {
      const offset = state.bMarks[line]! + state.tShift[line]!;
      if (firstReport(state.env, `block:${offset}`)) {
        const position = contextOf(state.env)?.positionOf?.(offset) ?? {
          line: line + 1,
          column: undefined,
        };
        reportAtPosition(
          state.env,
          position,
          "error",
          RULE,
          `Markdown nested deeper than ${max()} levels: this block and the rest of its container are left out`,
          "nest fewer block quotes and lists",
        );
      }
    }
    tokenizeBlock(state, startLine, endLine);
  };

  const inlineLimit = (state: StateInline) => {
    if (state.level < max() || state.pos >= state.posMax) return;
    const position = stateMapper(state)?.position(state.pos);
    const key = position ? `inline:${position.line}:${position.column}` : `inline:${state.src}`;
    if (!firstReport(state.env, key)) return;
    reportAtPosition(
      state.env,
      position,
      "error",
      RULE,
      `Markdown nested deeper than ${max()} levels: from here on, brackets and emphasis are shown as text`,
      "nest fewer links, images and brackets",
    );
  };
  const tokenizeInline = md.inline.tokenize.bind(md.inline);
  md.inline.tokenize = (state) => {
    inlineLimit(state);
    tokenizeInline(state);
  };
  // Looking for the end of a link's text, markdown-it skips over the tokens in it, one level deeper each.
  const skipToken = md.inline.skipToken.bind(md.inline);
  md.inline.skipToken = (state) => {
    inlineLimit(state);
    skipToken(state);
  };
}
