/**
 * An image alone in its paragraph with a title (`![alt](src "Figure 1: …")`)
 * becomes `<figure>` with the title, as inline Markdown, in `<figcaption>`.
 * Every image is lazy-loaded.
 */
import type { MarkdownIt, StateCore } from "markdown-it";
import { fixedMapper, withInlineMapper } from "./inline-lines.js";
import { contextOf, tokenPosition } from "./render-context.js";

const CAPTION = "syllabusCaption";

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
    const title = image?.attrGet("title");
    if (!image || !title) continue;
    open.tag = close.tag = "figure";
    image.attrs = (image.attrs ?? []).filter(([name]) => name !== "title");
    image.meta = { ...(image.meta ?? {}), [CAPTION]: String(title) };
  }
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
    // The caption was the image's title: its problems are located at the image.
    const html = withInlineMapper(env ?? {}, fixedMapper(tokenPosition(token)), () =>
      md.renderInline(caption, env),
    );
    return `${img}<figcaption>${html}</figcaption>`;
  };
}
