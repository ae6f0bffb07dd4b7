/**
 * The configured Markdown: markdown-it with math, attributes, figures, heading
 * ids, notes and the checks of raw HTML and URLs. Bodies are rendered with it
 * plus our shortcodes (`render/create-renderer.ts`).
 */
import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from "markdown-it";
import { attributesPlugin } from "./attributes.js";
import { figuresPlugin } from "./figures.js";
import { headingsPlugin } from "./headings.js";
import { inlineLinesPlugin } from "./inline-lines.js";
import { mathPlugin } from "./math.js";
import { nestingPlugin } from "./nesting.js";
import { notesPlugin } from "./notes.js";
import { pauseSummaryPlugin } from "./pause-summary.js";
import { rawHtmlCheckPlugin } from "./raw-html-check.js";

export function createMarkdown(): MarkdownItInstance {
  // Fences are highlighted by the attributes plugin's fence renderer (attributes.ts).
  const md = new MarkdownIt({ html: true, typographer: true });
  md.use(mathPlugin);
  md.use(inlineLinesPlugin);
  md.use(attributesPlugin);
  md.use(rawHtmlCheckPlugin);
  md.use(figuresPlugin);
  md.use(headingsPlugin);
  md.use(pauseSummaryPlugin);
  md.use(notesPlugin);
  md.use(nestingPlugin);
  return md;
}
