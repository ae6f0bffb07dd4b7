/**
 * Pause-and-think prompts. The shortcode produces exactly the raw-HTML form
 * that existing courses write by hand, so both render and look the same:
 * `<details class="pause-and-think"><summary>Pause and think: …</summary>`,
 * the Markdown body, `</details>`.
 */
import { escapeHtml } from "../core/html.js";
import { PAUSE_CLASS } from "../markdown/pause-summary.js";

/** The opening, up to the question (which follows as inline HTML). */
export function pauseStart(label: string): string {
  return `<details class="${PAUSE_CLASS}"><summary>${escapeHtml(label)}: `;
}

export const PAUSE_QUESTION_END = "</summary>";

/** The opening block; `questionHtml` is already-rendered inline HTML. */
export function pauseOpening(label: string, questionHtml: string): string {
  return pauseStart(label) + questionHtml + PAUSE_QUESTION_END;
}

export const PAUSE_CLOSING = "</details>";
