/**
 * The markdown-it that renders bodies: the configured Markdown of
 * `markdown/`, with our shortcodes and glossary links as its syntax. Built
 * once per process and shared by every render: it keeps no per-page state,
 * which lives in each render's env.
 */
import type { MarkdownIt } from "markdown-it";
import { glossaryLinksPlugin } from "../glossary/link-terms.js";
import { createMarkdown } from "../markdown/create-markdown.js";
import { recordInlineEnds } from "../markdown/inline-lines.js";
import { shortcodesPlugin } from "../shortcodes/plugin.js";

export type BodyMarkdown = MarkdownIt;

let shared: BodyMarkdown | undefined;

export function bodyMarkdown(): BodyMarkdown {
  if (!shared) {
    const md = createMarkdown();
    md.use(shortcodesPlugin);
    md.use(glossaryLinksPlugin);
    // Last: every inline rule is registered.
    recordInlineEnds(md);
    shared = md;
  }
  return shared;
}
