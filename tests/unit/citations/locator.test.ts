import { describe, expect, it } from "vitest";
import { parseCiteArgument, type CiteItem } from "../../../src/citations/locator.js";

function item(argument: string): CiteItem {
  const parsed = parseCiteArgument(argument);
  if ("error" in parsed)
    throw new Error(`unexpected error for ${JSON.stringify(argument)}: ${parsed.error}`);
  return parsed.item;
}

function error(argument: string): string {
  const parsed = parseCiteArgument(argument);
  if ("item" in parsed)
    throw new Error(
      `expected an error for ${JSON.stringify(argument)}, got ${JSON.stringify(parsed.item)}`,
    );
  return parsed.error;
}

describe("parseCiteArgument", () => {
  it("reads a bare key", () => {
    expect(item("elhage2022toy")).toEqual({
      key: "elhage2022toy",
      locatorText: undefined,
      label: undefined,
      locator: undefined,
    });
  });

  it("trims spaces around the key", () => {
    expect(item("  olah2020zoom  ").key).toBe("olah2020zoom");
    expect(item("olah2020zoom , p. 4")).toMatchObject({
      key: "olah2020zoom",
      label: "page",
      locator: "4",
    });
  });

  it.each([
    ["key, p. 4", "page", "4", "p. 4"],
    ["key, pp. 210-212", "page", "210-212", "pp. 210-212"],
    ["key, page 7", "page", "7", "page 7"],
    ["key, sec. 3", "section", "3", "sec. 3"],
    ["key, section 3.2", "section", "3.2", "section 3.2"],
    ["key, § 3", "section", "3", "§ 3"],
    ["key, §3", "section", "3", "§3"],
    ["key, §§ 3-4", "section", "3-4", "§§ 3-4"],
    ["key, ch. 2", "chapter", "2", "ch. 2"],
    ["key, chapter 12", "chapter", "12", "chapter 12"],
    ["key, fig. 2", "figure", "2", "fig. 2"],
    ["key, Fig. 2b", "figure", "2b", "Fig. 2b"],
    ["key, figs. 2-3", "figure", "2-3", "figs. 2-3"],
    ["key, eq. 7", "equation", "7", "eq. 7"],
    ["key, eqn 7", "equation", "7", "eqn 7"],
    ["key, tab. 1", "table", "1", "tab. 1"],
    ["key, para. 5", "paragraph", "5", "para. 5"],
    ["key, l. 12", "line", "12", "l. 12"],
    ["key, n. 3", "note", "3", "n. 3"],
    ["key, vol. 2", "volume", "2", "vol. 2"],
    ["key, pt. 1", "part", "1", "pt. 1"],
    ["key, app. A", "appendix", "A", "app. A"],
  ])("reads the locator in %j", (argument, label, locator, locatorText) => {
    expect(item(argument)).toEqual({ key: "key", label, locator, locatorText });
  });

  it.each([
    ["key, 4", "4"],
    ["key,4", "4"],
    ["key, 12-15", "12-15"],
    ["key, 12–15", "12–15"],
    ["key, 3, 7", "3, 7"],
    ["key, iv", "iv"],
    ["key, xii-xiv", "xii-xiv"],
  ])("reads the bare number in %j as a page", (argument, locator) => {
    expect(item(argument)).toEqual({
      key: "key",
      label: "page",
      locator,
      locatorText: `p. ${locator}`,
    });
  });

  it("keeps everything after the first comma as the locator", () => {
    expect(item("key, p. 4, note 2")).toMatchObject({
      key: "key",
      label: "page",
      locator: "4, note 2",
    });
  });

  it("rejects an empty key", () => {
    expect(error("")).toBe("Empty citation key");
    expect(error("   ")).toBe("Empty citation key");
    expect(error(", p. 4")).toBe("Empty citation key");
  });

  it("rejects a key with spaces, explaining how to cite several works", () => {
    expect(error("olah2020zoom elhage2022toy")).toBe(
      'Citation key "olah2020zoom elhage2022toy" contains spaces; separate keys as {% cite "a", "b" %}',
    );
  });

  it("rejects an empty locator", () => {
    expect(error("key,")).toBe('Empty locator after "key,"');
    expect(error("key,   ")).toBe('Empty locator after "key,"');
  });

  it("rejects an unknown label, listing the known ones", () => {
    const message = error("key, foo 3");
    expect(message).toMatch(
      /^Unrecognised locator "foo 3": start it with a label such as p\., pp\., sec\., §, ch\., fig\., eq\./,
    );
    expect(error("key, see above")).toMatch(/^Unrecognised locator "see above"/);
    expect(error("key, page")).toBe('Locator "page" has a label but no value');
    expect(error("key, §")).toBe('Locator "§" has a label but no value');
  });

  // Regression: a label without a value is accepted, its last character taken as the
  // value: parseCiteArgument("key, p.") gives { label: "page", locator: "." }
  // (rendered "p. ." by author-date styles), "key, fig." gives figure ".", and
  // "key, pp" gives page "p". Each should be an error, as "key, §" already is.
  it.each(["key, p.", "key, sec.", "key, fig.", "key, pp"])(
    "rejects the label without a value in %j",
    (argument) => {
      expect(parseCiteArgument(argument)).toHaveProperty("error");
    },
  );
});
