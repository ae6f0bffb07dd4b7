/**
 * The configured Markdown: markdown-it with math, attributes, figures, heading
 * ids, notes and the checks of raw HTML and URLs. Bodies are rendered with it
 * plus our shortcodes (`render/create-renderer.ts`).
 */
import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from "markdown-it";
import attrs from "markdown-it-attrs";
import { attributeCheckPlugin, skipAttributesWhenAbsent } from "./attributes.js";
import { figuresPlugin } from "./figures.js";
import { headingsPlugin } from "./headings.js";
import { highlightCode } from "./highlight.js";
import { inlineLinesPlugin } from "./inline-lines.js";
import { mathPlugin } from "./math.js";
import { notesPlugin } from "./notes.js";
import { pauseSummaryPlugin } from "./pause-summary.js";
import { rawHtmlCheckPlugin } from "./raw-html-check.js";

export function createMarkdown(): MarkdownItInstance {
  const md = new MarkdownIt({ html: true, typographer: true, highlight: highlightCode });
  md.use(mathPlugin);
  md.use(inlineLinesPlugin);
  md.use(attrs);
  md.use(skipAttributesWhenAbsent);
  md.use(attributeCheckPlugin);
  md.use(rawHtmlCheckPlugin);
  md.use(figuresPlugin);
  md.use(headingsPlugin);
  md.use(pauseSummaryPlugin);
  md.use(notesPlugin);
  return md;
}
