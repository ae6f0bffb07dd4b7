/**
 * Text assembled from pieces of a source plus inserted pieces, remembering for
 * every output line the source line it came from, so that markdown-it's line
 * numbers can be mapped back to the author's file.
 */
export class MappedText {
  private readonly parts: string[] = [];
  /** lineMap[k] = 1-based source line of output line k (0-based). */
  readonly lineMap: number[];

  constructor(
    private readonly source: string,
    /** Source line of offset 0 of `source`. */
    private readonly firstLine: number,
  ) {
    this.lineMap = [firstLine];
    this.lineStarts = [0];
    for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1))
      this.lineStarts.push(i + 1);
  }

  private readonly lineStarts: number[];

  /** Source line of an offset in the source. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.firstLine + lo;
  }

  /** Appends source[start, end) as is. */
  copy(start: number, end: number): void {
    const piece = this.source.slice(start, end);
    this.parts.push(piece);
    for (let i = piece.indexOf("\n"); i >= 0; i = piece.indexOf("\n", i + 1)) {
      this.lineMap.push(this.lineOf(start + i + 1));
    }
  }

  /** Appends generated text standing for the source at `offset`. */
  insert(text: string, offset: number): void {
    this.parts.push(text);
    const line = this.lineOf(offset);
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.lineMap.push(line);
  }

  toString(): string {
    return this.parts.join("");
  }

  /** Source line of a 0-based output line. */
  sourceLine(outputLine: number | undefined): number {
    if (outputLine === undefined) return this.firstLine;
    return this.lineMap[Math.min(outputLine, this.lineMap.length - 1)] ?? this.firstLine;
  }
}
