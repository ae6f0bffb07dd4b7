/**
 * Tufte-style sidenotes and margin notes. One renderer serves both: a margin
 * note is a sidenote without a number.
 *
 * On wide screens the note floats into the right margin beside its reference.
 * On narrow screens it is hidden behind a checkbox toggle: a real, focusable
 * form control, so it opens by keyboard and screen reader with no JavaScript.
 */
import { escapeHtml } from "../core/html.js";

export interface NoteInput {
  kind: "sidenote" | "marginnote";
  /** Position among notes of this kind on the page, from 1. */
  index: number;
  /** The note's content, already rendered inline HTML. */
  contentHtml: string;
  /** Accessible name of the toggle's kind: "Sidenote" / "Margin note". */
  label: string;
}

export function renderNote({ kind, index, contentHtml, label }: NoteInput): string {
  const id = `${kind}-${index}`;
  const numbered = kind === "sidenote";
  const visible = numbered ? String(index) : "⊕";
  const name = `${label} ${index}`;
  return (
    `<input type="checkbox" id="${id}" class="note-toggle">` +
    `<label for="${id}" class="note-ref ${kind}-ref" title="${escapeHtml(name)}">` +
    `<span class="visually-hidden">${escapeHtml(name)}</span><span aria-hidden="true">${visible}</span></label>` +
    `<span class="${kind}" id="${id}-text">` +
    (numbered ? `<span class="sidenote-number" aria-hidden="true">${index}</span> ` : "") +
    `${contentHtml}</span>`
  );
}
