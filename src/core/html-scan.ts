/**
 * Splits a fragment of HTML into what a browser would read as text, tags,
 * comments and other markup, with their offsets. It runs parse5's tokenizer
 * (the HTML5 tokenizer, as browsers do) and switches it into the raw-text
 * states that the HTML tree builder would after `<textarea>`, `<style>`,
 * `<script>` and their kind, so that `<!-- a --!> x`, `<![CDATA[ … ]]>` and
 * `<noscript><p title="</noscript>…">` are split where a browser splits them.
 */
import { Tokenizer, TokenizerMode, type Token } from "parse5";

/** `rawtext`: the content of `<script>`, `<style>`, `<textarea>` and their kind, which is text but not HTML. */
export type HtmlRangeKind = "text" | "rawtext" | "tag" | "comment" | "doctype";

export interface HtmlRange {
  kind: HtmlRangeKind;
  /** Offsets in the fragment: [start, end). */
  start: number;
  end: number;
  /** Lower-cased tag name, for tags. */
  name?: string;
  /** Whether a tag is an end tag. */
  closing?: boolean;
  /** Attributes of a start tag, as the browser decodes them. */
  attributes?: readonly { name: string; value: string }[];
}

/** Elements whose content the tree builder reads as raw text (scripting enabled, as in a browser). */
const RAW_TEXT_MODES: Record<string, number> = {
  textarea: TokenizerMode.RCDATA,
  title: TokenizerMode.RCDATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  noscript: TokenizerMode.RAWTEXT,
  script: TokenizerMode.SCRIPT_DATA,
  plaintext: TokenizerMode.PLAINTEXT,
};

/** The ranges of an HTML fragment, in order. */
export function scanHtml(html: string): HtmlRange[] {
  const ranges: HtmlRange[] = [];
  const push = (range: HtmlRange) => {
    if (range.end <= range.start) return;
    const last = ranges.at(-1);
    // Character tokens come one run at a time (whitespace, text, NUL): join them.
    if (
      (range.kind === "text" || range.kind === "rawtext") &&
      last?.kind === range.kind &&
      last.end === range.start
    ) {
      last.end = range.end;
      return;
    }
    ranges.push(range);
  };
  const location = (token: { location: Token.Location | null }) => token.location;
  let rawText = false;
  const text = (token: Token.CharacterToken) => {
    const at = location(token);
    if (at) push({ kind: rawText ? "rawtext" : "text", start: at.startOffset, end: at.endOffset });
  };
  const tokenizer: Tokenizer = new Tokenizer(
    { sourceCodeLocationInfo: true },
    {
      onCharacter: text,
      onWhitespaceCharacter: text,
      onNullCharacter: text,
      onComment(token) {
        const at = location(token);
        if (at) push({ kind: "comment", start: at.startOffset, end: at.endOffset });
      },
      onDoctype(token) {
        const at = location(token);
        if (at) push({ kind: "doctype", start: at.startOffset, end: at.endOffset });
      },
      onStartTag(token) {
        const at = location(token);
        if (at) {
          push({
            kind: "tag",
            start: at.startOffset,
            end: at.endOffset,
            name: token.tagName,
            closing: false,
            attributes: token.attrs.map((a) => ({ name: a.name, value: a.value })),
          });
        }
        const mode = RAW_TEXT_MODES[token.tagName];
        if (mode !== undefined && !token.selfClosing) {
          tokenizer.state = mode;
          tokenizer.lastStartTagName = token.tagName;
          rawText = true;
        }
      },
      onEndTag(token) {
        rawText = false;
        const at = location(token);
        if (at) {
          push({
            kind: "tag",
            start: at.startOffset,
            end: at.endOffset,
            name: token.tagName,
            closing: true,
          });
        }
      },
      onEof() {},
    },
  );
  tokenizer.write(html, true);
  // A tag still open at the end (`text <b`) is dropped by browsers: it is not text.
  const covered = ranges.at(-1)?.end ?? 0;
  if (covered < html.length) ranges.push({ kind: "tag", start: covered, end: html.length });
  return ranges;
}
