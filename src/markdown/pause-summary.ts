/**
 * Existing courses write pause-and-think prompts as raw HTML. markdown-it
 * passes an HTML block through untouched, so the question in its `<summary>`
 * would show `$W_{QK}$` as typed; render it as inline Markdown (with math),
 * as the `{% pause %}` shortcode does, so both forms look the same.
 */
import type { MarkdownIt, StateCore } from "markdown-it";

const SUMMARY = /(<details\s+class="pause-and-think"[^>]*>\s*<summary>)([\s\S]*?)(<\/summary>)/;

export function pauseSummaryPlugin(md: MarkdownIt): void {
  md.core.ruler.push("syllabus_pause_summary", (state: StateCore) => {
    for (const token of state.tokens) {
      if (token.type !== "html_block" || !token.content.includes("pause-and-think")) continue;
      token.content = token.content.replace(
        SUMMARY,
        (_, open: string, question: string, close: string) => {
          return `${open}${md.renderInline(question, state.env)}${close}`;
        },
      );
    }
  });
}
