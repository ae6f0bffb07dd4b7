/**
 * Renders a short text of inline Markdown that is not a page body (a glossary
 * definition), with its problems located at the text. Shortcodes cannot be
 * used there: they are reported.
 */
import type { Diagnostic, Location } from "../core/diagnostics.js";
import type { PolicyOptions } from "../core/html-url-policy.js";
import type { UiStrings } from "../core/ui-strings.js";
import { withHtmlPolicy } from "../markdown/raw-html-check.js";
import { createEnv } from "../markdown/render-context.js";
import { createShortcodeEnv, withShortcodes } from "../shortcodes/shortcode-env.js";
import type { BodyMarkdown } from "./create-renderer.js";

/** Where a definition lands: `<dl class="glossary-list"><div class="glossary-entry"><dd>`. */
const GLOSSARY_PLACE: readonly string[] = ["body", "dl.glossary-list", "div.glossary-entry", "dd"];

export function renderInlineText(
  md: BodyMarkdown,
  text: string,
  at: Location,
  ui: UiStrings,
  diagnostics: Diagnostic[],
  /** The site's options for its raw HTML (`embeds`), as a body's; without them no iframe passes. */
  policy: PolicyOptions = {},
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
  // Its raw HTML is checked as a body's is (markdown/raw-html-check.ts), where
  // the glossary page places it (_includes/layouts/glossary.njk).
  withHtmlPolicy(env, policy, GLOSSARY_PLACE);
  return md.renderInline(text, env);
}
