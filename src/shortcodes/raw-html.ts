/**
 * Shortcodes in raw HTML. Courses put `{% cite %}` in the `<figcaption>` of a
 * raw `<figure>`; markdown-it passes an HTML block through as it is, so this
 * core rule finds the shortcodes (and Nunjucks syntax) in the block's text, as
 * a browser reads it (parse5's tokenizer: not in comments, not inside tags),
 * and splits the block around each, which then stands in an inline token of
 * its own, read by the inline rule like any other. One inside a tag (an
 * attribute value) is an error: its HTML cannot go there.
 */
import type { StateCore, Token } from "markdown-it";
import { scanHtml, type HtmlRange } from "../core/html-scan.js";
import { lineStartsOf, type InlineMapper } from "../markdown/inline-lines.js";
import { htmlBlockMapper, htmlSlice, inlineFromHtml } from "../markdown/html-pieces.js";
import { reportAtPosition } from "../markdown/render-context.js";
import { isShortcode, rawTagKind, takesExpressions } from "./registry.js";
import { markedTag, shortcodeEnv, TAG_MARKER_OPEN, type ShortcodeEnv } from "./shortcode-env.js";
import { lineEnd, readTag } from "./tag-syntax.js";

interface Construct {
  start: number;
  end: number;
  trimBefore: boolean;
  trimAfter: boolean;
}

export function rawHtmlShortcodes(state: StateCore): void {
  const shortcodes = shortcodeEnv(state.env);
  if (!shortcodes) return;
  let starts: number[] | undefined;
  const lineStarts = () => (starts ??= lineStartsOf(state.src));
  const tokens: Token[] = [];
  for (const block of state.tokens) {
    const html = block.content;
    const hasSyntax = block.type === "html_block" && mayHoldSyntax(html, shortcodes);
    if (!hasSyntax && !(block.type === "html_block" && shortcodes.collect)) {
      tokens.push(block);
      continue;
    }
    const ranges = scanHtml(html);
    const mapper = htmlBlockMapper(state, block, lineStarts);
    if (shortcodes.collect) collectComments(shortcodes, ranges, mapper);
    if (!hasSyntax) {
      tokens.push(block);
      continue;
    }
    const constructs: Construct[] = [];
    /** The element whose raw text (`<style>`, `<textarea>`) a range may be in. */
    let element: string | undefined;
    for (const range of ranges) {
      if (range.kind === "text") constructs.push(...constructsIn(html, range, shortcodes));
      else if (range.kind !== "comment") checkTag(state, html, range, element, mapper, shortcodes);
      if (range.kind === "tag" && !range.closing) element = range.name;
    }
    tokens.push(...split(state, block, constructs, mapper));
  }
  state.tokens = tokens;
}

function mayHoldSyntax(html: string, shortcodes: ShortcodeEnv): boolean {
  return shortcodes.mode === "source" ? /\{[%{#]/.test(html) : html.includes(TAG_MARKER_OPEN);
}

/** The shortcodes, `{{ … }}` and `{# … #}` in a text range of the block. */
function constructsIn(html: string, range: HtmlRange, shortcodes: ShortcodeEnv): Construct[] {
  const found: Construct[] = [];
  let i = range.start;
  while (i < range.end) {
    const marked = markedTag(html, i, shortcodes);
    if (marked) {
      const tag = "tag" in marked.result ? marked.result.tag : undefined;
      found.push({
        start: i,
        end: i + marked.length,
        trimBefore: tag?.trimBefore ?? false,
        trimAfter: tag?.trimAfter ?? false,
      });
      i += marked.length;
      continue;
    }
    if (shortcodes.mode !== "source" || html[i] !== "{") {
      i++;
      continue;
    }
    const next = html[i + 1];
    let construct: Construct | undefined;
    if (next === "%") {
      const result = readTag(html, i, range.end, takesExpressions);
      construct =
        "tag" in result
          ? {
              start: i,
              end: result.tag.end,
              trimBefore: result.tag.trimBefore,
              trimAfter: result.tag.trimAfter,
            }
          : {
              start: i,
              end: result.problem.end ?? lineEnd(html, i, range.end),
              trimBefore: false,
              trimAfter: false,
            };
    } else if (next === "{" || next === "#") {
      const close = html.indexOf(next === "{" ? "}}" : "#}", i + 2);
      if (close >= 0 && close + 2 <= range.end)
        construct = { start: i, end: close + 2, trimBefore: false, trimAfter: false };
    }
    if (construct) {
      found.push(construct);
      i = construct.end;
    } else {
      i++;
    }
  }
  return found;
}

/** The block as html pieces and inline tokens, one per construct; whitespace control trims the HTML beside a tag. */
function split(
  state: StateCore,
  block: Token,
  constructs: Construct[],
  mapper: InlineMapper,
): Token[] {
  if (constructs.length === 0) return [block];
  const html = block.content;
  const pieces: Token[] = [];
  let from = 0;
  for (const construct of constructs) {
    let to = construct.start;
    if (construct.trimBefore) while (to > from && /\s/.test(html[to - 1]!)) to--;
    if (to > from) pieces.push(htmlSlice(state, block, from, to));
    pieces.push(inlineFromHtml(state, block, construct.start, construct.end, mapper));
    from = construct.end;
    if (construct.trimAfter) while (from < html.length && /\s/.test(html[from]!)) from++;
  }
  if (from < html.length) pieces.push(htmlSlice(state, block, from, html.length));
  return pieces;
}

/**
 * A shortcode inside a tag (`<img alt="{% cite "x" %}">`) cannot be expanded
 * there, nor in the raw text of `<style>`, `<script>` or `<textarea>`.
 */
function checkTag(
  state: StateCore,
  html: string,
  range: HtmlRange,
  element: string | undefined,
  mapper: InlineMapper,
  shortcodes: ShortcodeEnv,
): void {
  if (shortcodes.mode !== "source") return;
  for (
    let i = html.indexOf("{%", range.start);
    i >= 0 && i < range.end;
    i = html.indexOf("{%", i + 2)
  ) {
    const result = readTag(html, i, range.end, takesExpressions);
    const name = "tag" in result ? result.tag.name : result.problem.name;
    if (name === undefined || rawTagKind(name) || takesExpressions(name)) continue;
    const what = isShortcode(name) ? `{% ${name} %}` : `Shortcode "${name}"`;
    const where =
      range.kind === "rawtext"
        ? `inside <${element ?? "…"}>: its content is not HTML`
        : `inside an HTML tag (<${range.name ?? "!…"}>): its HTML cannot go in an attribute`;
    reportAtPosition(
      state.env,
      mapper.position(i),
      "error",
      "shortcode-in-html-tag",
      `${what} cannot stand ${where}`,
      range.kind === "rawtext"
        ? "put it in an element whose content is HTML, such as <p> or <figcaption>"
        : "put it in the element's text, between its tags",
    );
  }
}

/** HTML comments in the block, which a Nunjucks pass must leave as written. */
function collectComments(
  shortcodes: ShortcodeEnv,
  ranges: HtmlRange[],
  mapper: InlineMapper,
): void {
  for (const range of ranges) {
    if (range.kind !== "comment") continue;
    const start = mapper.markdownOffset(range.start);
    const end = mapper.markdownOffset(range.end - 1);
    if (start !== undefined && end !== undefined)
      shortcodes.collect?.verbatim.push([start, end + 1]);
  }
}
