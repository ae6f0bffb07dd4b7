/** Build-time syntax highlighting of fenced code with Prism. */
import Prism from "prismjs";
import loadLanguages from "prismjs/components/index.js";
import { escapeHtml } from "../core/html.js";
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

/** `<pre><code>` for a fence: highlighted when the language is known, escaped otherwise. */
export function highlightCode(code: string, info: string): string {
  return timed("highlight", () => highlightUntimed(code, info));
}

function highlightUntimed(code: string, info: string): string {
  ensureLanguages();
  const requested = info.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  const language = ALIASES[requested] ?? requested;
  const grammar = language ? Prism.languages[language] : undefined;
  const body = grammar ? Prism.highlight(code, grammar, language) : escapeHtml(code);
  const cls = language ? `language-${escapeHtml(language)}` : "language-none";
  return `<pre class="${cls}" tabindex="0"><code class="${cls}">${body}</code></pre>\n`;
}
