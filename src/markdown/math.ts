/**
 * markdown-it rules for `$…$` inline and `$$…$$` display math, found by
 * Pandoc's rule (`math-delimiters.ts`) and rendered with KaTeX. A TeX error
 * is reported at its source line and the TeX is shown as code, so the page
 * still reads while the build fails.
 *
 * A line that starts with `$$` opens a display block, which ends at the
 * first `$$` (not across a blank line) and may end with one attribute block,
 * `$$ … $$ {#eq-softmax}`, for the `div.math-display`. An unclosed `$$` is an
 * error, and its text is shown as written. `$$…$$` inside a paragraph is
 * display math too, kept inline (a `span.math-display`).
 */
import type { Env, MarkdownIt, StateBlock, StateInline, Token } from "markdown-it";
import { attributes, escapeHtml } from "../core/html.js";
import { setTextOf } from "./as-text.js";
import { blockSources, parseAttributeBlock, setAuthorAttributes } from "./attributes.js";
import { matchDisplayMath, matchMath } from "./math-delimiters.js";
import { contextOf, reportAt, type Where } from "./render-context.js";
import { renderTex } from "./tex.js";

const UNCLOSED = "syllabusUnclosed";

function mathInline(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x24 /* $ */) return false;
  const match = matchMath(state.src, state.pos, state.posMax);
  if (!match) return false;
  if (!silent) {
    const token = state.push("math_inline", "math", 0);
    token.content = state.src.slice(match.start, match.end);
    token.markup = match.display ? "$$" : "$";
  }
  state.pos = match.next;
  return true;
}

/** What ended the lines of an unclosed block, for its message. */
function endOfBlock(state: StateBlock, nextLine: number, endLine: number): string {
  if (nextLine < endLine && state.isEmpty(nextLine)) return "the blank line";
  if (state.parentType === "blockquote") return "the end of the block quote";
  if (state.parentType === "list") return "the end of the list item";
  return "the end of the document";
}

function mathBlock(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const lineStart = (line: number) => state.bMarks[line]! + state.tShift[line]!;
  const open = lineStart(startLine);
  if (!state.src.startsWith("$$", open) || open + 2 > state.eMarks[startLine]!) return false;

  // The lines it may take: up to a blank line or the end of its container, as a fence's.
  let last = startLine;
  while (
    last + 1 < endLine &&
    !state.isEmpty(last + 1) &&
    state.sCount[last + 1]! >= state.blkIndent
  )
    last++;
  const lines: string[] = [];
  for (let line = startLine; line <= last; line++)
    lines.push(state.src.slice(line === startLine ? open : lineStart(line), state.eMarks[line]));
  const text = lines.join("\n");

  const match = matchDisplayMath(text, 0);
  if (!match) {
    // Inside a paragraph, `$$` that does not close here may close later on a line of its own
    // (`$$\nx\n$$ and text` is one paragraph): it does not interrupt the paragraph.
    if (silent) return false;
    const token = state.push("math_block", "math", 0);
    token.block = true;
    token.content = text;
    token.markup = "$$";
    token.map = [startLine, last + 1];
    token.meta = { [UNCLOSED]: true };
    reportAt(
      state.env,
      startLine,
      "error",
      "math-unclosed",
      `Unclosed $$: expected a closing $$ before ${endOfBlock(state, last + 1, endLine)}`,
      "$$",
      "close the formula with $$ (display math does not cross a blank line), or write \\$ for a dollar sign",
    );
    state.line = last + 1;
    return true;
  }

  // The closing `$$` ends its line, or is followed by one attribute block: else this is a paragraph.
  let closeLine = 0;
  let closeLineStart = 0;
  while (closeLineStart + lines[closeLine]!.length < match.next - 1) {
    closeLineStart += lines[closeLine]!.length + 1;
    closeLine++;
  }
  const column = match.next - closeLineStart;
  const rest = lines[closeLine]!.slice(column);
  const blockAt = column + rest.length - rest.trimStart().length;
  const block = rest.trim() === "" ? undefined : parseAttributeBlock(lines[closeLine]!, blockAt);
  if (rest.trim() !== "" && (!block || lines[closeLine]!.slice(block.end).trim() !== ""))
    return false;
  if (silent) return true;

  const token = state.push("math_block", "math", 0);
  token.block = true;
  token.content = text
    .slice(match.start, match.end)
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
  token.markup = "$$";
  token.map = [startLine, startLine + closeLine + 1];
  if (block) {
    const line = startLine + closeLine;
    const offset = (closeLine === 0 ? open : lineStart(line)) + blockAt;
    const position = contextOf(state.env)?.positionOf?.(offset);
    const blockText = lines[closeLine]!.slice(blockAt, block.end);
    setAuthorAttributes(token, block.attrs, blockSources(blockText, line, position));
  }
  state.line = startLine + closeLine + 1;
  return true;
}

/** The attributes of a display block's element: its class first, the author's after. */
function displayAttributes(token: Token, cls: string): string {
  const attrs: Record<string, string> = { class: cls };
  for (const [name, value] of token.attrs ?? [])
    attrs[name] = name === "class" ? `${attrs.class} ${value}` : String(value);
  return attributes(attrs);
}

function renderMath(
  token: Token,
  display: boolean,
  env: Env | undefined,
  /** An inline formula is located by its token; a block by its line. */
  where: Where,
): string {
  if (token.meta?.[UNCLOSED]) {
    return `<pre class="math-error"><code class="math-error">${escapeHtml(token.content)}</code></pre>\n`;
  }
  const result = renderTex(token.content, display);
  if (result.ok) {
    if (!display) return result.html;
    // `$$…$$` inside a paragraph must stay phrasing content: a span, styled as a block.
    // A wide formula scrolls sideways; the keyboard must be able to scroll it too.
    return token.block
      ? `<div${displayAttributes(token, "math-display")} tabindex="0">${result.html}</div>\n`
      : `<span class="math-display" tabindex="0">${result.html}</span>`;
  }
  reportAt(
    env,
    where,
    "error",
    "math-tex",
    `TeX error: ${result.message}`,
    token.content.split("\n")[0],
  );
  const code = `<code class="math-error">${escapeHtml(token.content)}</code>`;
  return token.block ? `<pre${displayAttributes(token, "math-error")}>${code}</pre>\n` : code;
}

export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.after("escape", "math_inline", mathInline);
  md.block.ruler.before("fence", "math_block", mathBlock, {
    alt: ["paragraph", "reference", "blockquote", "list"],
  });
  md.renderer.rules.math_inline = (tokens, idx, _options, env) => {
    const token = tokens[idx]!;
    return renderMath(token, token.markup === "$$", env, token);
  };
  md.renderer.rules.math_block = (tokens, idx, _options, env) =>
    renderMath(tokens[idx]!, true, env, tokens[idx]!.map?.[0]);
  // In an image's description, which becomes its alt text, a formula reads as its TeX, as in Pandoc.
  setTextOf(md, "math_inline", (token) => token.content);
}
