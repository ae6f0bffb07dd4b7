import { describe, expect, it } from "vitest";
import { countWords, LineIndex } from "../../../src/core/text.js";

describe("LineIndex", () => {
  const index = new LineIndex("ab\ncd\n\nef");

  it("maps offsets to 1-based lines and columns", () => {
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(1)).toEqual({ line: 1, column: 2 });
    expect(index.position(2)).toEqual({ line: 1, column: 3 }); // the newline ends line 1
    expect(index.position(3)).toEqual({ line: 2, column: 1 });
    expect(index.position(5)).toEqual({ line: 2, column: 3 });
    expect(index.position(6)).toEqual({ line: 3, column: 1 }); // the empty line
    expect(index.position(7)).toEqual({ line: 4, column: 1 });
    expect(index.position(8)).toEqual({ line: 4, column: 2 });
  });

  it("counts lines, including an empty last line", () => {
    expect(index.lineCount).toBe(4);
    expect(new LineIndex("a\n").lineCount).toBe(2);
    expect(new LineIndex("").lineCount).toBe(1);
  });

  it("returns the text of a line without its newline", () => {
    expect(index.lineText(1)).toBe("ab");
    expect(index.lineText(2)).toBe("cd");
    expect(index.lineText(3)).toBe("");
    expect(index.lineText(4)).toBe("ef");
  });

  it("returns an empty string for lines that do not exist", () => {
    expect(index.lineText(0)).toBe("");
    expect(index.lineText(5)).toBe("");
  });

  it("keeps a carriage return as part of the line (only \\n separates lines)", () => {
    const crlf = new LineIndex("a\r\nb");
    expect(crlf.lineText(1)).toBe("a\r");
    expect(crlf.position(3)).toEqual({ line: 2, column: 1 });
  });

  it("handles an empty text", () => {
    const empty = new LineIndex("");
    expect(empty.position(0)).toEqual({ line: 1, column: 1 });
    expect(empty.lineText(1)).toBe("");
  });

  it("keeps the text it indexes", () => {
    expect(index.text).toBe("ab\ncd\n\nef");
  });
});

describe("countWords", () => {
  it("counts runs of letters or digits", () => {
    expect(countWords("Hello, world!")).toBe(2);
    expect(countWords("a1b2 c3")).toBe(2);
    expect(countWords("x = 3.14")).toBe(3);
  });

  it("keeps apostrophes and hyphens inside a word", () => {
    expect(countWords("don't stop-me now")).toBe(3);
    expect(countWords("it’s")).toBe(1);
  });

  it("counts words in any script", () => {
    expect(countWords("Ünïcode naïve café")).toBe(3);
    expect(countWords("日本語 テキスト")).toBe(2);
  });

  it("is zero for empty text and punctuation alone", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("— – - ' ’ ... !")).toBe(0);
  });

  it("does not count a leading apostrophe or dash as a word", () => {
    expect(countWords("'quoted' -dash")).toBe(2);
  });
});
