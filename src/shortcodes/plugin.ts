/**
 * Shortcodes as markdown-it syntax: the rules that find them (where
 * markdown-it reads text, in any container), the passes that check them in
 * context, and how each renders. The render gives them what they need
 * through `withShortcodes(env, …)`; without it, the rules do nothing.
 */
import type { MarkdownIt, StateInline, Token } from "markdown-it";
import { escapeHtml } from "../core/html.js";
import { setTextOf } from "../markdown/as-text.js";
import { DEFAULT_UI_STRINGS } from "../core/ui-strings.js";
import {
  contextOf,
  locationOf,
  reportAt,
  type RenderContext,
  type SourcePosition,
} from "../markdown/render-context.js";
import { BLOCK_TOKENS, shortcodeBlockRule } from "./block-rule.js";
import { PAUSE_CLOSING, PAUSE_QUESTION_END, pauseStart } from "./pause.js";
import { shortcodeInlineRule, TOKENS } from "./inline-rule.js";
import { rawHtmlShortcodes } from "./raw-html.js";
import { shortcodeEnv, TAG_MARKER_OPEN, type CiteCall } from "./shortcode-env.js";
import { checkReferences, checkShortcodes, isLiteral, pairPauses } from "./structure.js";

/**
 * markdown-it's `text` rule, which skips characters no rule starts with, also
 * stopping at a tag marker so that the shortcode rule sees it (replacing this
 * rule is how markdown-it's documentation says to add a terminator).
 */
const TERMINATORS = new Set(
  [..."\n!#$%&*+-:<=>@[\\]^_`{}~", TAG_MARKER_OPEN].map((c) => c.charCodeAt(0)),
);

function textUpToMarkers(state: StateInline, silent: boolean): boolean {
  let pos = state.pos;
  while (pos < state.posMax && !TERMINATORS.has(state.src.charCodeAt(pos))) pos++;
  if (pos === state.pos) return false;
  if (!silent) state.pending += state.src.slice(state.pos, pos);
  state.pos = pos;
  return true;
}

export function shortcodesPlugin(md: MarkdownIt): void {
  md.block.ruler.before("paragraph", "syllabus_shortcode_block", shortcodeBlockRule, {
    alt: ["paragraph", "reference", "blockquote", "list"],
  });
  md.inline.ruler.before("text", "syllabus_shortcode", shortcodeInlineRule);
  md.inline.ruler.at("text", textUpToMarkers);
  // After the block phase (and the raw pause form's question), before inline parsing: the order matters.
  md.core.ruler.before("inline", "syllabus_raw_html_shortcodes", rawHtmlShortcodes);
  md.core.ruler.before("inline", "syllabus_pause_pairs", pairPauses);
  md.core.ruler.after("inline", "syllabus_shortcodes_in_context", checkShortcodes);
  md.core.ruler.after("block", "syllabus_shortcodes_in_references", checkReferences);

  const rules = md.renderer.rules;
  const literal = (token: Token) => escapeHtml(token.content);
  const ui = (context: RenderContext | undefined) => context?.ui ?? DEFAULT_UI_STRINGS;

  rules[TOKENS.cite] = (tokens, idx, _options, env) => {
    const token = tokens[idx]!;
    const context = contextOf(env);
    const cite = shortcodeEnv(env)?.cite;
    if (!context) return "";
    if (!cite) {
      reportAt(
        env,
        token,
        "error",
        "cite-no-bibliography",
        "Citation found, but the course has no bibliography (_data/references.bib or _data/references.json)",
      );
      return "";
    }
    const args = (token.meta?.args ?? []) as {
      value: string;
      position: SourcePosition | undefined;
    }[];
    const call: CiteCall = {
      at: locationOf(context, token),
      args: args.map((arg) => ({
        value: arg.value,
        at:
          arg.position && context.locatePosition
            ? context.locatePosition(arg.position)
            : locationOf(context, token),
      })),
    };
    return cite(call);
  };
  rules[TOKENS.broken] = (tokens, idx) => {
    const token = tokens[idx]!;
    return token.meta?.hidden ? "" : `<code class="shortcode-error">${literal(token)}</code>`;
  };
  rules[TOKENS.misplacedBlockTag] = () => "";
  rules[TOKENS.nunjucksLiteral] = (tokens, idx) => literal(tokens[idx]!);
  // In an image's description, which becomes its alt text: shown as written, as in text.
  setTextOf(md, TOKENS.nunjucksLiteral, (token) => token.content);
  setTextOf(md, TOKENS.broken, (token) => token.content);
  rules[TOKENS.nunjucksComment] = () => "";
  rules[TOKENS.raw] = () => "";
  rules[BLOCK_TOKENS.raw] = () => "";
  rules[BLOCK_TOKENS.comment] = (tokens, idx) => {
    const token = tokens[idx]!;
    return isLiteral(token) ? `<p>${literal(token)}</p>\n` : "";
  };
  rules[BLOCK_TOKENS.pauseOpen] = (tokens, idx, _options, env) => {
    const token = tokens[idx]!;
    if (isLiteral(token)) return `<p>${literal(token)}</p>\n`;
    return pauseStart(ui(contextOf(env)).pauseAndThink);
  };
  rules[BLOCK_TOKENS.pauseQuestionEnd] = () => `${PAUSE_QUESTION_END}\n`;
  rules[BLOCK_TOKENS.pauseClose] = (tokens, idx) => {
    const token = tokens[idx]!;
    return isLiteral(token) ? `<p>${literal(token)}</p>\n` : `${PAUSE_CLOSING}\n`;
  };
}
