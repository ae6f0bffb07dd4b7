/** The one configured markdown-it used for every page and every shortcode's text. */
import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from "markdown-it";
import attrs from "markdown-it-attrs";
import { attributeCheckPlugin, skipAttributesWhenAbsent } from "./attributes.js";
import { figuresPlugin } from "./figures.js";
import { glossaryLinksPlugin } from "../glossary/link-terms.js";
import { headingsPlugin } from "./headings.js";
import { highlightCode } from "./highlight.js";
import { inlineLinesPlugin } from "./inline-lines.js";
import { mathPlugin } from "./math.js";
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
  md.use(glossaryLinksPlugin);
  return md;
}
