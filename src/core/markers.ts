/**
 * Opaque markers for text that must pass through a stage untouched. They use
 * Unicode private-use characters, which neither Nunjucks nor markdown-it
 * interpret, and carry no letters or digits, so they never leak into heading
 * slugs. An author who types one gets an error (`RESERVED_CHARACTERS`): it
 * would be read as a marker. Every marker kind's characters are here, so
 * that no two kinds share them:
 *
 * - U+E000/E001: HTML substituted after markdown-it has run (citations)
 * - U+E002/E003: source text hidden from Nunjucks (code, math, comments)
 * - U+E004/E005: line numbers carried through Nunjucks
 * - U+E006/E007: shortcode tags carried through Nunjucks
 * - U+E010–E019: the digits inside markers
 */

const DIGIT_BASE = 0xe010;

/** Every character markers are made of: reserved, in what authors write. */
export const RESERVED_CHARACTERS = /[\ue000-\ue019]/;

/** The digits of a number as private-use characters (U+E010–U+E019), for markers. */
export const MARKER_DIGITS = "[\\ue010-\\ue019]+";

export function encodeMarkerNumber(index: number): string {
  return [...String(index)].map((d) => String.fromCharCode(DIGIT_BASE + Number(d))).join("");
}

export function decodeMarkerNumber(encoded: string): number {
  return Number([...encoded].map((c) => c.charCodeAt(0) - DIGIT_BASE).join(""));
}

export class Placeholders {
  private readonly values: string[] = [];
  private readonly pattern: RegExp;

  constructor(
    private readonly open: string,
    private readonly close: string,
  ) {
    this.pattern = new RegExp(`${open}(${MARKER_DIGITS})${close}`, "g");
  }

  /** A marker standing for `value`. */
  add(value: string): string {
    this.values.push(value);
    return `${this.open}${encodeMarkerNumber(this.values.length - 1)}${this.close}`;
  }

  /** Replaces every marker with its value. */
  restore(text: string): string {
    if (this.values.length === 0) return text;
    return text.replace(
      this.pattern,
      (_, encoded: string) => this.values[decodeMarkerNumber(encoded)] ?? "",
    );
  }
}

export const MARKERS = {
  html: ["\ue000", "\ue001"],
  source: ["\ue002", "\ue003"],
  line: ["\ue004", "\ue005"],
  tag: ["\ue006", "\ue007"],
} as const;

/** HTML substituted after markdown-it has run (formatted citations). */
export const htmlPlaceholders = () => new Placeholders(...MARKERS.html);

/** Source text hidden from Nunjucks, restored before markdown-it runs. */
export const sourcePlaceholders = () => new Placeholders(...MARKERS.source);
