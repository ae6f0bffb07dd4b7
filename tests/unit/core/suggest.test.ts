import { describe, expect, it } from "vitest";
import { closest, didYouMean, editDistance } from "../../../src/core/suggest.js";

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("flaw", "lawn")).toBe(2);
    expect(editDistance("sidenot", "sidenote")).toBe(1);
  });

  it("counts a transposition as two edits", () => {
    expect(editDistance("ab", "ba")).toBe(2);
  });

  it("is zero for equal strings and the length for an empty one", () => {
    expect(editDistance("same", "same")).toBe(0);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("", "")).toBe(0);
  });

  it("is case-sensitive", () => {
    expect(editDistance("Title", "title")).toBe(1);
  });

  it("stops at limit + 1 once the distance exceeds the limit", () => {
    expect(editDistance("abcdef", "zzzzzz", 2)).toBe(3);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
    expect(editDistance("kitten", "sitting", 2)).toBe(3);
  });
});

describe("closest", () => {
  it("offers a candidate within a few edits", () => {
    expect(closest("sidenot", ["sidenote", "marginnote", "pause"])).toEqual(["sidenote"]);
  });

  it("ignores case when comparing but returns the candidate as spelt", () => {
    expect(closest("SIDENOTE", ["SideNote"])).toEqual(["SideNote"]);
  });

  it("offers a candidate sharing a prefix of four characters even when far in edits", () => {
    expect(editDistance("prereq", "prerequisites")).toBe(7);
    expect(closest("prereq", ["prerequisites"])).toEqual(["prerequisites"]);
    expect(closest("prer", ["prerequisites"])).toEqual(["prerequisites"]);
  });

  it("does not offer a candidate sharing only three characters of prefix", () => {
    expect(closest("prex", ["prerequisites"])).toEqual([]);
  });

  it("offers nothing when nothing is close", () => {
    expect(closest("zzzzzz", ["sidenote", "pause"])).toEqual([]);
  });

  it("sorts by distance, then alphabetically, and keeps at most `max`", () => {
    expect(closest("cat", ["cart", "cut", "cat", "bat"])).toEqual(["cat", "bat", "cart"]);
    expect(closest("abc", ["abg", "abf", "abe", "abd"], 2)).toEqual(["abd", "abe"]);
  });

  it("accepts any iterable", () => {
    expect(closest("titel", new Set(["title", "description"]))).toEqual(["title"]);
  });

  // Regression: the doc comment promises candidates "within a third of the name's length in edits",
  // but the limit has a floor of 2, so for a one- or two-letter name every short
  // candidate is "plausible" (closest("x", ["a","b","c"]) → ["a","b","c"]).
  it("offers nothing for a one-letter name that shares no letter with the candidates", () => {
    expect(closest("x", ["a", "b", "c"])).toEqual([]);
  });
});

describe("didYouMean", () => {
  it("suggests one name", () => {
    expect(didYouMean("dificulty", ["title", "difficulty", "draft"])).toBe(
      'did you mean "difficulty"?',
    );
  });

  it("joins two suggestions with 'or'", () => {
    expect(didYouMean("catt", ["cat", "cart"])).toBe('did you mean "cart" or "cat"?');
  });

  it("joins three suggestions with a comma and 'or'", () => {
    expect(didYouMean("abc", ["abd", "abe", "abf", "abg"])).toBe(
      'did you mean "abd", "abe" or "abf"?',
    );
  });

  it("is undefined when nothing is close", () => {
    expect(didYouMean("zzzz", ["sidenote"])).toBeUndefined();
    expect(didYouMean("anything", [])).toBeUndefined();
  });
});
