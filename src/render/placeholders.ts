/**
 * Opaque markers for text that must pass through a stage untouched. They use
 * Unicode private-use characters, which neither Nunjucks nor markdown-it
 * interpret and no author types, and carry no letters or digits, so they
 * never leak into heading slugs.
 */

const DIGIT_BASE = 0xe010;

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

  /** Removes every marker (for text that must not carry what they stand for). */
  strip(text: string): string {
    return text.replace(this.pattern, "");
  }
}

const HTML_OPEN = "\ue000";

/** HTML produced by shortcodes, substituted after markdown-it has run. */
export const htmlPlaceholders = () => new Placeholders(HTML_OPEN, "\ue001");

/** Whether text (seen by a markdown-it rule) holds shortcode output still to be substituted. */
export function holdsShortcodeOutput(text: string): boolean {
  return text.includes(HTML_OPEN);
}
/** Source text hidden from Nunjucks, restored before markdown-it runs. */
export const sourcePlaceholders = () => new Placeholders("\ue002", "\ue003");
