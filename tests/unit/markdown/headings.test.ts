import { describe, expect, it } from "vitest";
import { slugify } from "../../../src/markdown/headings.js";

describe("slugify", () => {
  it("lower-cases and joins words with dashes", () => {
    expect(slugify("Hello World")).toBe("hello-world");
    expect(slugify("  Attention   Heads  ")).toBe("attention-heads");
  });

  it("removes accents but keeps other letters", () => {
    expect(slugify("Café Éclair")).toBe("cafe-eclair");
    expect(slugify("Straße")).toBe("straße");
    expect(slugify("日本語 テキスト")).toBe("日本語-テキスト");
  });

  it("falls back to 'section' when nothing is left", () => {
    expect(slugify("!!!")).toBe("section");
    expect(slugify("")).toBe("section");
  });

  // Regression: the doc comment of slugify gives `Q&A: <Attention> Heads` → `qa-attention-heads`,
  // but "&" between letters becomes a dash: the result is "q-a-attention-heads".
  it("matches its documented example", () => {
    expect(slugify("Q&A: <Attention> Heads")).toBe("qa-attention-heads");
  });
});
