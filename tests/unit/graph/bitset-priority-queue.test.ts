import { describe, expect, it } from "vitest";
import { BitSet } from "../../../src/graph/bitset.js";
import { PriorityQueue } from "../../../src/graph/priority-queue.js";

describe("BitSet", () => {
  it("is empty when created, sized in 32-bit words", () => {
    const set = new BitSet(70);
    expect(set.words).toHaveLength(3);
    expect([...set]).toStrictEqual([]);
    expect(set.has(0)).toBe(false);
    expect(new BitSet(0).words).toHaveLength(0);
    expect(new BitSet(32).words).toHaveLength(1);
    expect(new BitSet(33).words).toHaveLength(2);
  });

  it("adds and tests members, including the top bit of a word", () => {
    const set = new BitSet(100);
    for (const i of [0, 1, 30, 31, 32, 63, 64, 99]) set.add(i);
    for (const i of [0, 1, 30, 31, 32, 63, 64, 99]) expect(set.has(i), String(i)).toBe(true);
    for (const i of [2, 29, 33, 62, 65, 98]) expect(set.has(i), String(i)).toBe(false);
    set.add(31);
    expect(set.has(31)).toBe(true);
  });

  it("iterates members in ascending order", () => {
    const set = new BitSet(130);
    for (const i of [129, 31, 0, 64, 63, 32, 5]) set.add(i);
    expect([...set]).toStrictEqual([0, 5, 31, 32, 63, 64, 129]);
    const full = new BitSet(64);
    for (let i = 0; i < 64; i++) full.add(i);
    expect([...full]).toStrictEqual(Array.from({ length: 64 }, (_, i) => i));
  });

  it("unions in place, leaving the other set unchanged", () => {
    const a = new BitSet(80);
    const b = new BitSet(80);
    [1, 31, 40].forEach((i) => a.add(i));
    [2, 31, 79].forEach((i) => b.add(i));
    a.union(b);
    expect([...a]).toStrictEqual([1, 2, 31, 40, 79]);
    expect([...b]).toStrictEqual([2, 31, 79]);
  });
});

describe("PriorityQueue", () => {
  it("pops the smallest item first and undefined when empty", () => {
    const queue = new PriorityQueue<number>((a, b) => a < b);
    expect(queue.size).toBe(0);
    expect(queue.pop()).toBeUndefined();
    for (const n of [5, 3, 8, 1, 9, 2]) queue.push(n);
    expect(queue.size).toBe(6);
    const out: number[] = [];
    for (let n = queue.pop(); n !== undefined; n = queue.pop()) out.push(n);
    expect(out).toStrictEqual([1, 2, 3, 5, 8, 9]);
    expect(queue.size).toBe(0);
  });

  it("keeps duplicates and works when pushes and pops interleave", () => {
    const queue = new PriorityQueue<number>((a, b) => a < b);
    queue.push(4);
    queue.push(4);
    queue.push(2);
    expect(queue.pop()).toBe(2);
    queue.push(1);
    queue.push(4);
    expect([queue.pop(), queue.pop(), queue.pop(), queue.pop(), queue.pop()]).toStrictEqual([
      1,
      4,
      4,
      4,
      undefined,
    ]);
  });

  it("sorts 1,000 random numbers like Array.prototype.sort", () => {
    let state = 12345;
    const random = () => {
      // mulberry32
      state = (state + 0x6d2b79f5) >>> 0;
      let t = Math.imul(state ^ (state >>> 15), state | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const numbers = Array.from({ length: 1000 }, () => Math.floor(random() * 500));
    const queue = new PriorityQueue<number>((a, b) => a < b);
    numbers.forEach((n) => queue.push(n));
    const out: number[] = [];
    while (queue.size > 0) out.push(queue.pop()!);
    expect(out).toStrictEqual([...numbers].sort((a, b) => a - b));
  });

  it("uses the given comparison (here a max-heap of objects)", () => {
    const queue = new PriorityQueue<{ name: string; rank: number }>((a, b) => a.rank > b.rank);
    queue.push({ name: "low", rank: 1 });
    queue.push({ name: "high", rank: 9 });
    queue.push({ name: "mid", rank: 5 });
    expect([queue.pop()?.name, queue.pop()?.name, queue.pop()?.name]).toStrictEqual([
      "high",
      "mid",
      "low",
    ]);
  });
});
