import { describe, expect, it } from "vitest";
import { titleFromSlug } from "../../../src/course/blocks.js";

describe("titleFromSlug", () => {
  it("turns dashes and underscores into spaces and capitalises the first letter", () => {
    expect(titleFromSlug("basic-interp-techniques")).toBe("Basic interp techniques");
    expect(titleFromSlug("a_b")).toBe("A b");
    expect(titleFromSlug("a__b--c")).toBe("A b c");
  });

  it("trims separators at the ends", () => {
    expect(titleFromSlug("--a--")).toBe("A");
  });

  it("leaves the rest of the case alone", () => {
    expect(titleFromSlug("intro-to-SQL")).toBe("Intro to SQL");
    expect(titleFromSlug("ünïcode-x")).toBe("Ünïcode x");
  });

  it("is empty for an empty slug", () => {
    expect(titleFromSlug("")).toBe("");
  });
});
