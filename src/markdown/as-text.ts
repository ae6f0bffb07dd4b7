/**
 * How tokens read as plain text, where markdown-it needs text rather than
 * HTML: an image's description becomes its `alt`. markdown-it's own
 * `renderInlineAsText` knows only text, images, HTML and line breaks, and
 * drops everything else (a formula, a literal `{{ … }}`) without a trace.
 */
import type { MarkdownIt, Token } from "markdown-it";

const RULES = new WeakMap<MarkdownIt, Map<string, (token: Token) => string>>();

/** Registers how tokens of `type` read as text in `md`. */
export function setTextOf(md: MarkdownIt, type: string, text: (token: Token) => string): void {
  let rules = RULES.get(md);
  if (!rules) {
    const known = new Map<string, (token: Token) => string>();
    rules = known;
    RULES.set(md, known);
    const renderer = md.renderer;
    const original = renderer.renderInlineAsText.bind(renderer);
    renderer.renderInlineAsText = (tokens, options, env) => {
      let result = "";
      for (const token of tokens) {
        const rule = known.get(token.type);
        result += rule ? rule(token) : original([token], options, env);
      }
      return result;
    };
  }
  rules.set(type, text);
}
