import { describe, expect, it } from "vitest";
import { MappedText } from "../../../src/render/mapped-text.js";

describe("MappedText", () => {
  const source = "a\nb\nc";

  it("maps source offsets to source lines, starting at firstLine", () => {
    const text = new MappedText(source, 5);
    expect(text.lineOf(0)).toBe(5);
    expect(text.lineOf(1)).toBe(5); // the newline belongs to its line
    expect(text.lineOf(2)).toBe(6);
    expect(text.lineOf(4)).toBe(7);
  });

  it("copies source pieces and keeps the line of every output line", () => {
    const text = new MappedText(source, 5);
    text.copy(0, source.length);
    expect(text.toString()).toBe(source);
    expect(text.lineMap).toEqual([5, 6, 7]);
    expect([0, 1, 2].map((l) => text.sourceLine(l))).toEqual([5, 6, 7]);
  });

  it("maps every line of inserted text to the line of the offset it stands for", () => {
    const text = new MappedText(source, 5);
    text.copy(0, 2); // "a\n"
    text.insert("X\nY\n", 2); // stands for "b", on line 6
    text.copy(2, 5); // "b\nc"
    expect(text.toString()).toBe("a\nX\nY\nb\nc");
    expect(text.lineMap).toEqual([5, 6, 6, 6, 7]);
    expect(text.sourceLine(4)).toBe(7);
  });

  it("keeps line numbers right when part of a line is left out", () => {
    const source = "a {% raw %}b{% endraw %}\nc [x]";
    const text = new MappedText(source, 10);
    text.copy(0, 2); // "a "
    text.copy(11, 12); // "b"
    text.copy(24, source.length); // "\nc [x]"
    expect(text.toString()).toBe("a b\nc [x]");
    expect(text.lineMap).toEqual([10, 11]);
  });

  it("maps unknown and out-of-range lines to the nearest known line", () => {
    const text = new MappedText(source, 5);
    text.copy(0, source.length);
    expect(text.sourceLine(undefined)).toBe(5);
    expect(text.sourceLine(100)).toBe(7);
  });

  it("maps an empty source to firstLine", () => {
    const text = new MappedText("", 9);
    expect(text.lineOf(0)).toBe(9);
    expect(text.sourceLine(0)).toBe(9);
    expect(text.toString()).toBe("");
  });
});
