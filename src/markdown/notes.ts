/**
 * Tufte-style sidenotes and margin notes. One renderer serves both: a margin
 * note is a sidenote without a number.
 *
 * On wide screens the note floats into the right margin beside its reference.
 * On narrow screens it is hidden behind a checkbox toggle: a real, focusable
 * form control, so it opens by keyboard and screen reader with no JavaScript.
 */
import type { Env, MarkdownIt } from "markdown-it";
import { escapeHtml } from "../core/html.js";
import { DEFAULT_UI_STRINGS } from "../core/ui-strings.js";
import { contextOf } from "./render-context.js";

export interface NoteInput {
  kind: "sidenote" | "marginnote";
  /** Position among notes of this kind on the page, from 1. */
  index: number;
  /** Accessible name of the toggle's kind: "Sidenote" / "Margin note". */
  label: string;
}

/** Token types of a note in markdown-it's stream: its content's tokens stand between them. */
export const NOTE_OPEN = "syllabus_note_open";
export const NOTE_CLOSE = "syllabus_note_close";

export type NoteKind = NoteInput["kind"];

/** The toggle, the reference and the note's opening tag, up to its content. */
export function noteOpening({ kind, index, label }: NoteInput): string {
  const id = `${kind}-${index}`;
  const numbered = kind === "sidenote";
  const visible = numbered ? String(index) : "⊕";
  const name = `${label} ${index}`;
  return (
    `<input type="checkbox" id="${id}" class="note-toggle">` +
    `<label for="${id}" class="note-ref ${kind}-ref" title="${escapeHtml(name)}">` +
    `<span class="visually-hidden">${escapeHtml(name)}</span><span aria-hidden="true">${visible}</span></label>` +
    `<span class="${kind}" id="${id}-text">` +
    (numbered ? `<span class="sidenote-number" aria-hidden="true">${index}</span> ` : "")
  );
}

export const NOTE_CLOSING = "</span>";

const COUNTERS = "syllabusNoteCounters";

/** Renders note tokens, numbering each kind in document order within one render (one page). */
export function notesPlugin(md: MarkdownIt): void {
  md.renderer.rules[NOTE_OPEN] = (tokens, idx, _options, env: Env | undefined) => {
    const kind = tokens[idx]!.meta?.kind as NoteKind;
    const state = env ?? {};
    const counters = ((state[COUNTERS] as Record<NoteKind, number> | undefined) ??= {
      sidenote: 0,
      marginnote: 0,
    });
    const ui = contextOf(env)?.ui ?? DEFAULT_UI_STRINGS;
    return noteOpening({
      kind,
      index: ++counters[kind],
      label: kind === "sidenote" ? ui.sidenote : ui.marginNote,
    });
  };
  md.renderer.rules[NOTE_CLOSE] = () => NOTE_CLOSING;
}
