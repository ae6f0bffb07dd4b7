/** Build-time syntax highlighting of fenced code with Prism. */
import Prism from "prismjs";
import loadLanguages from "prismjs/components/index.js";
import type { MarkdownIt } from "markdown-it";
import { attributes, escapeHtml } from "../core/html.js";
import { timed } from "../core/phases.js";

/** Languages course authors use most; code in any other language is shown unhighlighted. */
const DEFAULT_LANGUAGES = [
  "python",
  "javascript",
  "typescript",
  "bash",
  "json",
  "yaml",
  "latex",
  "markdown",
  "c",
  "cpp",
  "rust",
  "go",
  "java",
  "sql",
  "diff",
  "toml",
  "julia",
  "r",
];
const ALIASES: Record<string, string> = {
  py: "python",
  js: "javascript",
  ts: "typescript",
  sh: "bash",
  shell: "bash",
  tex: "latex",
  md: "markdown",
  yml: "yaml",
};

let loaded = false;

function ensureLanguages(): void {
  if (loaded) return;
  // Prism's loader prints a warning per unknown language to the console; ours are all known.
  loadLanguages(DEFAULT_LANGUAGES);
  loaded = true;
}

/**
 * `<pre><code>` for a fence: highlighted when the language is known, escaped
 * otherwise. The author's attributes (`{#listing-1 .numbered}`) go on the
 * `<pre>`, their classes after the language's.
 */
export function renderCodeBlock(
  code: string,
  info: string,
  authorAttributes: readonly (readonly [string, string | number])[] = [],
): string {
  return timed("highlight", () => renderUntimed(code, info, authorAttributes));
}

function renderUntimed(
  code: string,
  info: string,
  authorAttributes: readonly (readonly [string, string | number])[],
): string {
  ensureLanguages();
  const requested = info.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  const language = ALIASES[requested] ?? requested;
  const grammar = language ? Prism.languages[language] : undefined;
  const body = grammar ? Prism.highlight(code, grammar, language) : escapeHtml(code);
  const cls = language ? `language-${language}` : "language-none";
  const pre: Record<string, string> = { class: cls };
  for (const [name, value] of authorAttributes) {
    pre[name] = name === "class" ? `${pre.class} ${value}` : String(value);
  }
  // A long line scrolls sideways; the keyboard must be able to scroll it too.
  pre.tabindex ??= "0";
  return `<pre${attributes(pre)}><code${attributes({ class: cls })}>${body}</code></pre>\n`;
}

/**
 * Renders fences with `renderCodeBlock`, so that the attributes on a fence
 * token reach the `<pre>`. markdown-it ignores them when the highlighter
 * returns a whole `<pre>`, and markdown-it-attrs' own fence renderer then adds
 * a second `class` attribute, which browsers ignore.
 */
export function codeFencePlugin(md: MarkdownIt): void {
  md.renderer.rules.fence = (tokens, idx) => {
    const token = tokens[idx]!;
    const info = token.info ? md.utils.unescapeAll(token.info) : "";
    return renderCodeBlock(token.content, info, token.attrs ?? []);
  };
}
