/** Offsets in a text to 1-based lines and columns. Lines are found on first use (most texts never need it). */
export class LineIndex {
  private lineStarts: number[] | undefined;

  constructor(readonly text: string) {}

  private get starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      for (let i = this.text.indexOf("\n"); i >= 0; i = this.text.indexOf("\n", i + 1))
        starts.push(i + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  /** 1-based line and column of a 0-based offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }

  /** The text of a 1-based line, without its newline. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return "";
    const end = this.starts[line] ?? this.text.length + 1;
    return this.text.slice(start, end - 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** Counts words the way reading-time estimates do: runs of letters or digits. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/**
 * A copy of a string that does not keep a larger one alive. V8 makes
 * substrings views into their parent, so a URL or a title sliced from a page
 * would keep the whole page in memory for as long as it lives.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}

/** A character by its code point, as messages name it: `U+0000`. */
export function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** A character as a message names it: quoted when it prints, else by code point. */
export function describeCharacter(character: string): string {
  return /^[\x21-\x7e]$/.test(character) ? `"${character}"` : codePoint(character);
}
