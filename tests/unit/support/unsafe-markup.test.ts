/**
 * The judge of built pages (tests/support/unsafe-markup.ts) shares parse5
 * with the check it judges: where parse5 drops a tag a browser keeps, it
 * must say so rather than see nothing (red-team F1).
 */
import { describe, expect, it } from "vitest";
import { unsafeMarkup } from "../../support/unsafe-markup.js";

const page = (body: string) =>
  `<!doctype html><html><head><title>x</title></head><body>${body}</body></html>`;

describe("the judge of built pages", () => {
  it("reports each tag parse5 drops inside a <select>, and the <select>", () => {
    expect(
      unsafeMarkup(
        page(
          "<select><meta http-equiv=refresh content=0><button><img src=x onerror=a></button></select>",
        ),
      ),
    ).toEqual(["dropped <meta>", "dropped <button>", "dropped <img>"]);
    expect(unsafeMarkup(page("<select><hr></select>"))).toEqual([
      "<select> holding more than options",
    ]);
  });

  it("accepts a plain <select> of options, as the search page's filters", () => {
    expect(
      unsafeMarkup(
        page(
          '<select name="b"><option value="">All</option><optgroup label="g"><option>y</option></optgroup></select>',
        ),
      ),
    ).toEqual([]);
  });

  it("reports <datalist> and <selectedcontent>", () => {
    expect(
      unsafeMarkup(
        page("<datalist><option>x</option></datalist><selectedcontent></selectedcontent>"),
      ),
    ).toEqual(["<datalist>", "<selectedcontent>"]);
  });

  it("walks a page nested 50,000 deep without a stack trace", () => {
    expect(unsafeMarkup(page("<span>".repeat(50_000) + "<img src=x onerror=a>"))).toEqual([
      "<img onerror>",
    ]);
  });
});
