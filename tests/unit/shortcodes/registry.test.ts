import { describe, expect, it } from "vitest";
import {
  NUNJUCKS_TAGS,
  SHORTCODE_NAMES,
  unknownTagHint,
} from "../../../src/shortcodes/registry.js";

describe("the shortcode registry", () => {
  it("knows Nunjucks' own tag names, apart from the shortcodes", () => {
    for (const name of ["if", "endif", "for", "endfor", "set", "include", "macro", "else"])
      expect(NUNJUCKS_TAGS.has(name), name).toBe(true);
    expect(NUNJUCKS_TAGS.has("sidenote")).toBe(false);
    expect([...SHORTCODE_NAMES].sort()).toEqual([
      "cite",
      "endpause",
      "marginnote",
      "pause",
      "sidenote",
    ]);
  });

  it("suggests shortcodes and Nunjucks tags for a misspelt name, and nothing when none is close", () => {
    expect(unknownTagHint("sidenot")).toBe('did you mean "sidenote"?');
    expect(unknownTagHint("inclde")).toBe('did you mean "include"?');
    expect(unknownTagHint("zzzzzz")).toBeUndefined();
  });
});
