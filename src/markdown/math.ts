/**
 * markdown-it rules for `$…$` inline and `$$…$$` display math, rendered with
 * KaTeX. A TeX error is reported at its source line and the TeX is shown as
 * code, so the page still reads while the build fails.
 */
import type { Env, MarkdownIt, StateBlock, StateInline, Token } from "markdown-it";
import { escapeHtml } from "../core/html.js";
import { reportAt } from "./render-context.js";
import { delimiterWidth, findDisplayBlockEnd, findInlineMathClose } from "./math-delimiters.js";
import { renderTex } from "./tex.js";
import { inlineLine } from "./inline-lines.js";

function mathInline(state: StateInline, silent: boolean): boolean {
  const open = state.pos;
  if (state.src.charCodeAt(open) !== 0x24 /* $ */) return false;
  const close = findInlineMathClose(state.src, open, state.posMax);
  if (close < 0) return false;
  const width = delimiterWidth(state.src, open);
  if (!silent) {
    const token = state.push("math_inline", "math", 0);
    token.content = state.src.slice(open + width, close);
    token.markup = width === 2 ? "$$" : "$";
  }
  state.pos = close + width;
  return true;
}

function mathBlock(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const lineText = (line: number) =>
    state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
  // The same rule as the shortcode scanner's, so the two always agree on what is math.
  const closeLine = findDisplayBlockEnd(
    (line) => (line < endLine ? lineText(line) : undefined),
    startLine,
  );
  if (closeLine < 0) return false;
  if (silent) return true;

  const rest = lineText(startLine).slice(2).trimEnd();
  const last = lineText(closeLine).trimEnd().slice(0, -2);
  const content =
    closeLine === startLine
      ? [rest.slice(0, -2)]
      : [
          rest,
          ...Array.from({ length: closeLine - startLine - 1 }, (_, i) =>
            lineText(startLine + 1 + i).trimEnd(),
          ),
          last,
        ];

  const token = state.push("math_block", "math", 0);
  token.block = true;
  token.content = content.join("\n").trim();
  token.markup = "$$";
  token.map = [startLine, closeLine + 1];
  state.line = closeLine + 1;
  return true;
}

function renderMath(
  token: Token,
  display: boolean,
  env: Env | undefined,
  line: number | undefined,
): string {
  const result = renderTex(token.content, display);
  if (result.ok) {
    if (!display) return result.html;
    // `$$…$$` inside a paragraph must stay phrasing content: a span, styled as a block.
    // A wide formula scrolls sideways; the keyboard must be able to scroll it too.
    return token.block
      ? `<div class="math-display" tabindex="0">${result.html}</div>\n`
      : `<span class="math-display" tabindex="0">${result.html}</span>`;
  }
  reportAt(
    env,
    line,
    "error",
    "math-tex",
    `TeX error: ${result.message}`,
    token.content.split("\n")[0],
  );
  const code = `<code class="math-error">${escapeHtml(token.content)}</code>`;
  return token.block ? `<pre class="math-error">${code}</pre>\n` : code;
}

export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.after("escape", "math_inline", mathInline);
  md.block.ruler.before("fence", "math_block", mathBlock, {
    alt: ["paragraph", "reference", "blockquote", "list"],
  });
  md.renderer.rules.math_inline = (tokens, idx, _options, env) => {
    const token = tokens[idx]!;
    return renderMath(token, token.markup === "$$", env, inlineLine(token));
  };
  md.renderer.rules.math_block = (tokens, idx, _options, env) =>
    renderMath(tokens[idx]!, true, env, tokens[idx]!.map?.[0]);
}
