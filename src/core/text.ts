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
