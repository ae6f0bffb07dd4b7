/**
 * Renders a short text of inline Markdown that is not a page body (a glossary
 * definition), with its problems located at the text. Shortcodes cannot be
 * used there: they are reported.
 */
import type { Diagnostic, Location } from "../core/diagnostics.js";
import type { UiStrings } from "../core/ui-strings.js";
import { createEnv } from "../markdown/render-context.js";
import { createShortcodeEnv, withShortcodes } from "../shortcodes/shortcode-env.js";
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
  const position = () => ({ line: at.line, column: at.column });
  // Frontmatter is never a template, whatever bodyTemplates says: its Nunjucks syntax is text, with no warning to run it.
  withShortcodes(
    env,
    createShortcodeEnv(text, position, { allowed: "none", nunjucksWarnings: false }),
  );
  return md.renderInline(text, env);
}
