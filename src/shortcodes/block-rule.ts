/**
 * The block rule for tags that stand on a line of their own: `{% pause "…" %}`
 * and `{% endpause %}` (a container, as markdown-it-container's `:::` lines),
 * `{% raw %}`/`{% endraw %}` around blocks, and `{# … #}` comments that span
 * lines or paragraphs. Being a block rule, it sees exactly the lines
 * markdown-it reads as blocks: a `{% pause %}` inside a list item stays in
 * the list, one inside a fence is code. Opening and closing lines are paired
 * later, per container, by `structure.ts`.
 */
import type { StateBlock, Token } from "markdown-it";
import { parseAttributeBlock } from "../markdown/attributes.js";
import { INLINE_MAPPER_META } from "../markdown/inline-lines.js";
import { contextOf, reportAtPosition, setTokenPosition } from "../markdown/render-context.js";
import { argumentMapper, lostEscapeWarnings } from "./inline-rule.js";
import { arityProblem, isShortcode, rawTagKind, SHORTCODES, takesExpressions } from "./registry.js";
import { markedTag, shortcodeEnv } from "./shortcode-env.js";
import { readTag, type StringArgument, type Tag, type TagText } from "./tag-syntax.js";

/** The offsets of a block tag in the Markdown, [start, end), on its tokens' meta. */
export const TAG_RANGE = "syllabusTagRange";

export const BLOCK_TOKENS = {
  pauseOpen: "syllabus_pause_open",
  /** Ends the question, which stands between the opening and this as an inline token. */
  pauseQuestionEnd: "syllabus_pause_question_end",
  pauseClose: "syllabus_pause_close",
  raw: "syllabus_raw_block",
  comment: "syllabus_nunjucks_comment_block",
} as const;

/** Lines from `startLine` up to a blank one (or the container's end), as one text with offsets into `state.src`. */
function paragraphText(
  state: StateBlock,
  startLine: number,
  endLine: number,
): { text: string; offsets: number[]; lines: number[] } {
  let text = "";
  const offsets: number[] = [];
  const lines: number[] = [];
  for (let line = startLine; line < endLine && !state.isEmpty(line); line++) {
    if (line > startLine && state.sCount[line]! < state.blkIndent) break;
    const from = state.bMarks[line]! + state.tShift[line]!;
    const to = state.eMarks[line]!;
    if (line > startLine) {
      text += "\n";
      offsets.push(from - 1);
      lines.push(line - 1);
    }
    for (let i = from; i < to; i++) {
      offsets.push(i);
      lines.push(line);
    }
    text += state.src.slice(from, to);
  }
  offsets.push(state.eMarks[lines.at(-1) ?? startLine]!);
  lines.push(lines.at(-1) ?? startLine);
  return { text, offsets, lines };
}

export function shortcodeBlockRule(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const shortcodes = shortcodeEnv(state.env);
  if (!shortcodes) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const first = state.src.charCodeAt(start);
  if (first !== 0x7b /* { */ && shortcodes.mode === "source") return false;
  if (shortcodes.mode === "source" && state.src.charCodeAt(start + 1) === 0x23 /* # */) {
    // Asked in silent mode whether it interrupts a paragraph: a comment never does.
    return !silent && commentBlock(state, startLine, endLine);
  }

  const { text, offsets, lines } = paragraphText(state, startLine, endLine);
  const context = contextOf(state.env);
  let source: TagText;
  let tag: Tag;
  let after: number;
  if (shortcodes.mode === "rendered") {
    const marked = markedTag(text, 0, shortcodes);
    if (!marked || !("tag" in marked.result)) return false;
    source = marked.source;
    tag = marked.result.tag;
    after = marked.length;
  } else {
    if (state.src.charCodeAt(start + 1) !== 0x25 /* % */) return false;
    const result = readTag(text, 0, text.length, takesExpressions);
    if (!("tag" in result)) return false;
    source = {
      text,
      max: text.length,
      position: (offset) => context?.positionOf?.(offsets[offset]!),
      markdownOffset: (offset) => offsets[offset],
    };
    tag = result.tag;
    after = tag.end;
  }
  const kind = blockTagKind(tag.name);
  if (!kind) return false;
  // Only whitespace may follow the tag on its last line.
  const lineEnd = text.indexOf("\n", after);
  if (text.slice(after, lineEnd < 0 ? text.length : lineEnd).trim() !== "") return false;
  if (silent) return true;

  const lastLine = lines[Math.max(0, after - 1)]!;
  state.line = lastLine + 1;
  const at = source.position(tag.start);
  const raw = source.text.slice(tag.start, tag.end);
  const map: [number, number] = [startLine, lastLine + 1];
  // Where the tag itself is in the Markdown (not its line: a container's marker may come first).
  const tagStart = source.markdownOffset(tag.start);
  const tagLast = source.markdownOffset(tag.end - 1);
  const range =
    tagStart === undefined || tagLast === undefined ? undefined : [tagStart, tagLast + 1];
  const push = (type: string, nesting: Token["nesting"] = 0) => {
    const token = state.push(type, "", nesting);
    token.map = map;
    token.content = raw;
    token.meta = { [TAG_RANGE]: range };
    if (at) setTokenPosition(token, at);
    return token;
  };

  if (kind === "raw") {
    const token = push(BLOCK_TOKENS.raw);
    token.meta = { ...token.meta, open: rawTagKind(tag.name) === "open", name: tag.name };
    return true;
  }
  const named = { ...tag, name: kind };
  lostEscapeWarnings(state.env, tag.args, source.position);
  const problem = arityProblem(named);
  if (problem) {
    reportAtPosition(state.env, at, "error", "shortcode-arguments", problem);
    return true;
  }
  if (kind === "endpause") {
    push(BLOCK_TOKENS.pauseClose);
    return true;
  }
  const [question] = tag.args as [StringArgument];
  push(BLOCK_TOKENS.pauseOpen).tag = "details";
  const inline = state.push("inline", "", 0);
  inline.content = question.value;
  inline.map = map;
  inline.children = [];
  inline.meta = { [INLINE_MAPPER_META]: argumentMapper(question, source) };
  push(BLOCK_TOKENS.pauseQuestionEnd);
  return true;
}

function blockTagKind(name: string): "pause" | "endpause" | "raw" | undefined {
  if (rawTagKind(name)) return "raw";
  if (isShortcode(name) && SHORTCODES[name].placement === "block")
    return name as "pause" | "endpause";
  return undefined;
}

/**
 * `{# … #}` starting a line and ending one (possibly paragraphs later), within
 * its container: an author's note, left out of the page. It does not
 * interrupt a paragraph: there it is an inline comment.
 */
function commentBlock(state: StateBlock, startLine: number, endLine: number): boolean {
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (parseAttributeBlock(state.src, start, state.eMarks[startLine])) return false;
  for (let line = startLine; line < endLine; line++) {
    if (line > startLine && !state.isEmpty(line) && state.sCount[line]! < state.blkIndent)
      return false;
    const from = line === startLine ? start + 2 : state.bMarks[line]!;
    const to = state.eMarks[line]!;
    const close = state.src.slice(from, to).indexOf("#}");
    if (close < 0) continue;
    if (state.src.slice(from + close + 2, to).trim() !== "") return false;
    const token = state.push(BLOCK_TOKENS.comment, "", 0);
    token.map = [startLine, line + 1];
    token.content = state.src.slice(start, from + close + 2);
    state.line = line + 1;
    return true;
  }
  return false;
}
