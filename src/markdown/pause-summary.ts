/**
 * Existing courses write pause-and-think prompts as raw HTML. markdown-it
 * passes an HTML block through untouched, so the question in its `<summary>`
 * would show `$W_{QK}$` as typed. The html block is split around the
 * question, which becomes inline Markdown parsed like any paragraph (math,
 * emphasis, shortcodes), so both forms look the same.
 */
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { scanHtml } from "../core/html-scan.js";
import { htmlBlockMapper, htmlSlice, inlineFromHtml } from "./html-pieces.js";
import { lineStartsOf } from "./inline-lines.js";

/** The class of a pause-and-think prompt's `<details>`, in both forms. */
export const PAUSE_CLASS = "pause-and-think";

/** The question's range in an html block's content: the inside of the first summary of a pause-and-think details element. */
function questionRange(html: string): [number, number] | undefined {
  const ranges = scanHtml(html);
  const details = ranges.findIndex(
    (r) =>
      r.kind === "tag" &&
      r.name === "details" &&
      !r.closing &&
      r.attributes?.some((a) => a.name === "class" && a.value.split(/\s+/).includes(PAUSE_CLASS)),
  );
  if (details < 0) return undefined;
  const open = ranges.findIndex(
    (r, i) => i > details && r.kind === "tag" && r.name === "summary" && !r.closing,
  );
  if (
    open < 0 ||
    ranges
      .slice(details + 1, open)
      .some((r) => r.kind !== "text" || html.slice(r.start, r.end).trim())
  )
    return undefined;
  const close = ranges.findIndex(
    (r, i) => i > open && r.kind === "tag" && r.name === "summary" && r.closing,
  );
  return close < 0 ? undefined : [ranges[open]!.end, ranges[close]!.start];
}

export function pauseSummaryPlugin(md: MarkdownIt): void {
  md.core.ruler.after("block", "syllabus_pause_summary", (state: StateCore) => {
    let starts: number[] | undefined;
    const lineStarts = () => (starts ??= lineStartsOf(state.src));
    const tokens: Token[] = [];
    for (const token of state.tokens) {
      const range =
        token.type === "html_block" && token.content.includes(PAUSE_CLASS)
          ? questionRange(token.content)
          : undefined;
      if (!range) {
        tokens.push(token);
        continue;
      }
      const mapper = htmlBlockMapper(state, token, lineStarts);
      tokens.push(
        htmlSlice(state, token, 0, range[0]),
        inlineFromHtml(state, token, range[0], range[1], mapper),
        htmlSlice(state, token, range[1], token.content.length),
      );
    }
    state.tokens = tokens;
  });
}
