/**
 * An image alone in its paragraph with a title (`![alt](src "Figure 1: …")`)
 * becomes `<figure>` with the title, as inline Markdown, in `<figcaption>`.
 * Every image is lazy-loaded.
 */
import type { Env, MarkdownIt, StateCore } from "markdown-it";
import { fixedMapper, tokenRange, withInlineMapper, type InlineMapper } from "./inline-lines.js";
import { contextOf, tokenPosition } from "./render-context.js";

const CAPTION = "syllabusCaption";
/** Offset in the Markdown of each character of the caption (and one past its end), when found. */
const CAPTION_OFFSETS = "syllabusCaptionOffsets";

function markFigures(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const open = tokens[i]!;
    const inline = tokens[i + 1]!;
    const close = tokens[i + 2]!;
    if (
      open.type !== "paragraph_open" ||
      inline.type !== "inline" ||
      close.type !== "paragraph_close"
    )
      continue;
    const visible = (inline.children ?? []).filter(
      (t) => !(t.type === "text" && t.content.trim() === ""),
    );
    const image = visible.length === 1 && visible[0]!.type === "image" ? visible[0]! : undefined;
    const title = image && String(image.attrGet("title") ?? "");
    if (!image || !title) continue;
    open.tag = close.tag = "figure";
    image.attrs = (image.attrs ?? []).filter(([name]) => name !== "title");
    const range = tokenRange(image);
    const unescape = state.md.utils.unescapeAll;
    const offsets =
      (range && titleOffsets(state.src, range[0], range[1], title, unescape)) ??
      // A reference image (`![alt][ref]`): the title is in the reference's definition.
      titleOffsets(state.src, 0, state.src.length, title, unescape);
    image.meta = { ...(image.meta ?? {}), [CAPTION]: title, [CAPTION_OFFSETS]: offsets };
  }
}

/** What a backslash escapes in CommonMark: ASCII punctuation. */
const PUNCTUATION = /^[!-/:-@[-`{-~]$/;

/**
 * Where the title `title` was written between `from` and `to` in the
 * Markdown: for each of its characters, its offset. markdown-it gives the
 * title unescaped (`\"` and `&amp;` read as `"` and `&`) and, on a line of
 * a container, without the container's markers: each is skipped over here.
 */
function titleOffsets(
  src: string,
  from: number,
  to: number,
  title: string,
  unescape: (text: string) => string,
): number[] | undefined {
  for (let open = from; open < to; open++) {
    const opener = src[open]!;
    if (opener !== '"' && opener !== "'" && opener !== "(") continue;
    const closer = opener === "(" ? ")" : opener;
    const offsets: number[] = [];
    let r = open + 1;
    for (let t = 0; t < title.length && r < to;) {
      const entity = /^&(?:#x[\da-f]+|#\d+|[a-z][a-z\d]*);/i.exec(src.slice(r, r + 40))?.[0];
      const decoded = entity ? unescape(entity) : undefined;
      if (src[r] === "\\" && src[r + 1] === title[t] && PUNCTUATION.test(title[t]!)) {
        offsets.push(r);
        r += 2;
        t++;
      } else if (entity && decoded && title.startsWith(decoded, t)) {
        for (let k = 0; k < decoded.length; k++) offsets.push(r);
        r += entity.length;
        t += decoded.length;
      } else if (src[r] === title[t]) {
        offsets.push(r++);
        t++;
      } else if (
        src[r - 1] === "\n" ||
        /^\n[ \t>]*$/.test(src.slice(src.lastIndexOf("\n", r), r))
      ) {
        r++; // A container's marker or indentation on a title's later line.
      } else break;
    }
    if (offsets.length === title.length && src[r] === closer) return [...offsets, r];
  }
  return undefined;
}

/** The caption's mapping: each character where it was written, or all at the image. */
function captionMapper(
  env: Env | undefined,
  token: Parameters<typeof tokenPosition>[0],
): InlineMapper {
  const offsets = token.meta?.[CAPTION_OFFSETS] as number[] | undefined;
  if (!offsets) return fixedMapper(tokenPosition(token));
  const markdownOffset = (offset: number) => offsets[Math.min(offset, offsets.length - 1)];
  return {
    markdownOffset,
    position: (offset) => contextOf(env)?.positionOf?.(markdownOffset(offset)!),
  };
}

export function figuresPlugin(md: MarkdownIt): void {
  md.core.ruler.push("syllabus_figures", markFigures);
  const renderImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    if (token.attrIndex("loading") < 0) token.attrPush(["loading", "lazy"]);
    if (token.attrIndex("decoding") < 0) token.attrPush(["decoding", "async"]);
    // Intrinsic size, so that the page does not shift as images load.
    const size = contextOf(env)?.imageSize?.(String(token.attrGet("src") ?? ""));
    if (size && token.attrIndex("width") < 0 && token.attrIndex("height") < 0) {
      token.attrPush(["width", String(size.width)]);
      token.attrPush(["height", String(size.height)]);
    }
    const img = renderImage(tokens, idx, options, env, self);
    const caption = token.meta?.[CAPTION];
    if (typeof caption !== "string") return img;
    // The caption was the image's title: its problems are located where it was written.
    const html = withInlineMapper(env ?? {}, captionMapper(env, token), () =>
      md.renderInline(caption, env),
    );
    return `${img}<figcaption>${html}</figcaption>`;
  };
}
