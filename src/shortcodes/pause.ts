/**
 * Pause-and-think prompts. The shortcode produces exactly the raw-HTML form
 * that existing courses write by hand, so both render and look the same:
 * `<details class="pause-and-think"><summary>Pause and think: …</summary>`,
 * a blank line, the Markdown body, a blank line, `</details>`.
 */
import { escapeHtml } from "../core/html.js";

/** The opening block; `questionHtml` is already-rendered inline HTML. */
export function pauseOpening(label: string, questionHtml: string): string {
  return `<details class="pause-and-think"><summary>${escapeHtml(label)}: ${questionHtml}</summary>`;
}

export const PAUSE_CLOSING = "</details>";
