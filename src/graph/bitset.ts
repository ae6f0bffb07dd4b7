/** Fixed-size bit sets over node positions, for reachability in O(n/32) per union. */
export class BitSet {
  readonly words: Uint32Array;

  constructor(size: number) {
    this.words = new Uint32Array((size + 31) >>> 5);
  }

  add(i: number): void {
    this.words[i >>> 5]! |= 1 << (i & 31);
  }

  has(i: number): boolean {
    return (this.words[i >>> 5]! & (1 << (i & 31))) !== 0;
  }

  union(other: BitSet): void {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i]! |= b[i]!;
  }

  /** Members in ascending order. */
  *[Symbol.iterator](): Generator<number> {
    const words = this.words;
    for (let w = 0; w < words.length; w++) {
      let word = words[w]!;
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        yield (w << 5) + bit;
        word &= word - 1;
      }
    }
  }
}
