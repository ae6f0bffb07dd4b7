import { describe, expect, it } from "vitest";
import {
  matchDisplayMath,
  matchInlineMath,
  matchMath,
} from "../../../src/markdown/math-delimiters.js";

/** The formula of the math at `open`, `$…$` or `$$…$$`, or undefined. */
function formula(text: string, open = text.indexOf("$"), limit?: number) {
  const match = matchMath(text, open, limit);
  return match && `${match.display ? "$$" : "$"}${text.slice(match.start, match.end)}`;
}

describe("matchInlineMath (Pandoc's $…$)", () => {
  it("finds $a$ and where it ends", () => {
    expect(matchInlineMath("$a$", 0)).toEqual({ display: false, start: 1, end: 2, next: 3 });
    expect(formula("Let $x^2$ be")).toBe("$x^2");
  });

  it("needs a non-space character right after the opening dollar", () => {
    expect(formula("$ a$")).toBeUndefined();
    expect(formula("$\ta$")).toBeUndefined();
    expect(formula("$\u00a0a$")).toBeUndefined();
  });

  it("takes the first dollar as the only candidate for the close", () => {
    // Regression: v0.1 skipped a candidate with a space before it and closed at a later dollar.
    expect(formula("$a $b$")).toBeUndefined();
    expect(formula("$5, and the loss is $\\mathcal{L}$")).toBeUndefined();
    expect(formula("$2 while training takes $T$ steps")).toBeUndefined();
  });

  it("is no math when the candidate is followed by a digit, and never moves on", () => {
    expect(formula("$a$5")).toBeUndefined();
    expect(formula("$1$2 to $3$")).toBeUndefined();
    expect(formula("$1$2 to $3$", 2)).toBeUndefined();
    expect(formula("$1$2 to $3$", 8)).toBe("$3");
  });

  it("does not close at a dollar a backslash escapes", () => {
    expect(formula("$a\\$b$")).toBe("$a\\$b");
    expect(formula("$a\\\\$b$")).toBe("$a\\\\");
  });

  it("may hold a dollar inside \\text{…} with balanced braces", () => {
    expect(formula("$\\text{a $ b}$")).toBe("$\\text{a $ b}");
    expect(formula("$\\text{a {$} b}$")).toBe("$\\text{a {$} b}");
    expect(formula("$\\text {a $ b}$")).toBeUndefined();
    expect(formula("$\\textbf{$}x$")).toBe("$\\textbf{");
  });

  it("crosses a line break, but not a blank line nor a line that starts with $", () => {
    expect(formula("$a\nb$")).toBe("$a\nb");
    expect(formula("$a\n\nb$")).toBeUndefined();
    expect(formula("$a\n  \nb$")).toBeUndefined();
    expect(formula("$a\n$")).toBeUndefined();
  });

  it("closes at a dollar right before another: $a$$b$ is two formulas", () => {
    expect(formula("$a$$b$")).toBe("$a");
    expect(formula("$a$$b$", 3)).toBe("$b");
  });

  it("is empty-free: $$ alone, or a dollar at the end, is no math", () => {
    expect(matchInlineMath("$$", 0)).toBeUndefined();
    expect(formula("$")).toBeUndefined();
    expect(formula("x$a$", 0)).toBeUndefined();
  });

  it("stops at the limit", () => {
    expect(formula("$a$", 0, 2)).toBeUndefined();
    expect(formula("$a$ b", 0, 3)).toBe("$a");
  });
});

describe("matchDisplayMath (Pandoc's $$…$$)", () => {
  it("finds $$x$$ and $$ x $$, inside a line too", () => {
    expect(matchDisplayMath("$$x$$", 0)).toEqual({ display: true, start: 2, end: 3, next: 5 });
    expect(formula("a $$ x $$ b")).toBe("$$ x ");
  });

  it("crosses line breaks but not a blank line", () => {
    expect(formula("$$a\nb$$")).toBe("$$a\nb");
    expect(formula("$$a\n\nb$$")).toBeUndefined();
  });

  it("is not empty: $$$$ is no display math", () => {
    expect(matchDisplayMath("$$$$", 0)).toBeUndefined();
    expect(formula("$$$x$$$")).toBe("$$$x");
  });

  it("does not close at a dollar a backslash escapes (unlike Pandoc)", () => {
    expect(formula("$$a = \\$$$")).toBe("$$a = \\$");
    expect(formula("$$a\\\\$$")).toBe("$$a\\\\");
  });

  it("falls back to inline math when $$ does not close", () => {
    expect(formula("$$x$")).toBeUndefined();
    expect(formula("$$x$", 1)).toBe("$x");
  });

  it("stops at the limit", () => {
    expect(formula("$$a$$", 0, 4)).toBeUndefined();
  });
});
