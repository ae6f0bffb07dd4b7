import { describe, expect, it } from "vitest";
import {
  delimiterWidth,
  findDisplayBlockEnd,
  findInlineMathClose,
  isEscaped,
  opensDisplayBlock,
} from "../../../src/markdown/math-delimiters.js";

describe("isEscaped", () => {
  it("is true after an odd run of backslashes", () => {
    expect(isEscaped("\\$", 1)).toBe(true);
    expect(isEscaped("\\\\\\$", 3)).toBe(true);
  });

  it("is false after an even run, or none", () => {
    expect(isEscaped("\\\\$", 2)).toBe(false);
    expect(isEscaped("$", 0)).toBe(false);
    expect(isEscaped("a$", 1)).toBe(false);
  });
});

describe("findInlineMathClose", () => {
  it("finds the closing dollar of $a$", () => {
    expect(findInlineMathClose("$a$", 0)).toBe(2);
    expect(findInlineMathClose("Let $x^2$ be", 4)).toBe(8);
  });

  it("does not take prices for math: $5 and $10", () => {
    expect(findInlineMathClose("$5 and $10", 0)).toBe(-1);
    expect(findInlineMathClose("$5 and $10", 7)).toBe(-1);
  });

  it("needs no space after the opening dollar", () => {
    expect(findInlineMathClose("$ a$", 0)).toBe(-1);
  });

  it("skips a closing candidate with a space before it", () => {
    expect(findInlineMathClose("$a $", 0)).toBe(-1);
    expect(findInlineMathClose("$a $b$", 0)).toBe(5);
  });

  it("skips a closing candidate followed by a digit", () => {
    expect(findInlineMathClose("$a$5", 0)).toBe(-1);
  });

  it("does not open at an escaped dollar", () => {
    expect(findInlineMathClose("\\$a$", 1)).toBe(-1);
  });

  it("opens at a dollar after an escaped backslash", () => {
    expect(findInlineMathClose("\\\\$a$", 2)).toBe(4);
  });

  it("does not close at an escaped dollar", () => {
    expect(findInlineMathClose("$a\\$b$", 0)).toBe(5);
  });

  it("crosses a single line break but not a blank line", () => {
    expect(findInlineMathClose("$a\nb$", 0)).toBe(4);
    expect(findInlineMathClose("$a\n\nb$", 0)).toBe(-1);
    expect(findInlineMathClose("$a\n  \nb$", 0)).toBe(-1);
  });

  it("treats $$…$$ inside a line as display math, returning the first closing dollar", () => {
    expect(findInlineMathClose("$$x$$", 0)).toBe(3);
    expect(findInlineMathClose("$$ x $$", 0)).toBe(5);
    expect(delimiterWidth("$$x$$", 0)).toBe(2);
    expect(delimiterWidth("$x$", 0)).toBe(1);
  });

  it("does not accept empty display math or display math across a blank line", () => {
    expect(findInlineMathClose("$$$$", 0)).toBe(-1);
    expect(findInlineMathClose("$$x\n\ny$$", 0)).toBe(-1);
  });

  it("does not close inline math at a dollar that belongs to $$", () => {
    expect(findInlineMathClose("$a$$b$", 0)).toBe(5);
  });

  it("is -1 when the character is not a dollar, or nothing follows", () => {
    expect(findInlineMathClose("x$a$", 0)).toBe(-1);
    expect(findInlineMathClose("$", 0)).toBe(-1);
  });

  it("stops at the limit", () => {
    expect(findInlineMathClose("$a$", 0, 2)).toBe(-1);
    expect(findInlineMathClose("$$a$$", 0, 4)).toBe(-1);
    expect(findInlineMathClose("$a$ b", 0, 3)).toBe(2);
  });
});

describe("findDisplayBlockEnd", () => {
  it("finds the closing line of a block", () => {
    expect(findDisplayBlockEnd(["$$", "x^2", "$$"], 0)).toBe(2);
  });

  it("closes on the opening line when it ends with $$", () => {
    expect(findDisplayBlockEnd(["$$x^2$$"], 0)).toBe(0);
    expect(findDisplayBlockEnd(["$$ $$"], 0)).toBe(0);
  });

  it("accepts indentation and trailing spaces", () => {
    expect(findDisplayBlockEnd(["   $$x", "y$$"], 0)).toBe(1);
    expect(findDisplayBlockEnd(["a", "$$", "x", "$$  "], 1)).toBe(3);
  });

  it("does not close at an escaped dollar", () => {
    expect(findDisplayBlockEnd(["$$", "a\\$$", "b$$"], 0)).toBe(2);
    expect(findDisplayBlockEnd(["$$\\$$", "x$$"], 0)).toBe(1);
  });

  it("is -1 when the block is never closed or the line does not open one", () => {
    expect(findDisplayBlockEnd(["$$", "x"], 0)).toBe(-1);
    expect(findDisplayBlockEnd(["$$"], 0)).toBe(-1);
    expect(findDisplayBlockEnd(["text"], 0)).toBe(-1);
    expect(findDisplayBlockEnd([], 0)).toBe(-1);
  });
});

describe("opensDisplayBlock", () => {
  it("allows up to three spaces of indentation", () => {
    expect(opensDisplayBlock("$$")).toBe(true);
    expect(opensDisplayBlock("   $$x")).toBe(true);
    expect(opensDisplayBlock("    $$")).toBe(false);
    expect(opensDisplayBlock("a $$")).toBe(false);
    expect(opensDisplayBlock("$x$")).toBe(false);
  });
});
