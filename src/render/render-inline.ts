/**
 * Renders a short text of inline Markdown that is not a page body (a glossary
 * definition), with its problems located at the text. Shortcodes cannot be
 * used there: they are reported.
 */
import type { Diagnostic, Location } from "../core/diagnostics.js";
import type { UiStrings } from "../core/ui-strings.js";
import { createEnv } from "../markdown/render-context.js";
import { withShortcodes } from "../shortcodes/shortcode-env.js";
import type { BodyMarkdown } from "./create-renderer.js";

export function renderInlineText(
  md: BodyMarkdown,
  text: string,
  at: Location,
  ui: UiStrings,
  diagnostics: Diagnostic[],
): string {
  const env = createEnv({
    file: at.file,
    diagnostics,
    toc: [],
    ui,
    locate: () => at,
    locatePosition: () => at,
  });
  withShortcodes(env, {
    mode: "source",
    body: text,
    bodyPosition: () => ({ line: at.line, column: at.column }),
    tagOffsets: [],
    allowed: "none",
    cite: undefined,
    collect: undefined,
    nunjucksWarnings: true,
    words: 0,
  });
  return md.renderInline(text, env);
}
