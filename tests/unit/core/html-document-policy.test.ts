/**
 * The checks of standalone .svg and .html files of the content, which a
 * browser opens as documents of the site: what they may not hold, and the
 * ordinary drawings and pages that must pass.
 */
import { describe, expect, it } from "vitest";
import {
  htmlDocumentProblems,
  svgDocumentProblems,
} from "../../../src/core/html-document-policy.js";

describe("standalone files", () => {
  it("checks an .svg file: script, handlers, HTML and files of other sites", () => {
    const svg =
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script>' +
      '<image href="https://x.example/a.png"/><style>@import url(https://x.example/y.css);</style>' +
      "<foreignObject><p>x</p></foreignObject></svg>";
    expect(svgDocumentProblems(svg).map((p) => p.message)).toEqual([
      'Attribute "onload" is not allowed: event handlers would run script',
      "Element <script> is not allowed in an SVG file: it would run script",
      `<image href="https://x.example/a.png"> would be blocked by the site's Content-Security-Policy: only files of the course can be loaded`,
      "<style> refers to another file (@import): only the SVG's own elements (#id) can be referred to",
      "Element <foreignObject> is not allowed in an SVG file: it puts HTML inside SVG",
      "Element <p> is not allowed in an SVG file: it is HTML",
    ]);
  });

  it("allows an Inkscape drawing, with its metadata, and refuses entity declarations", () => {
    const drawing =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1.3">' +
      '<sodipodi:namedview pagecolor="#fff"/><filter id="f"><feGaussianBlur stdDeviation="2"/></filter>' +
      '<a href="https://example.org/"><rect width="1" height="1" filter="url(#f)"/></a></svg>';
    expect(svgDocumentProblems(drawing)).toEqual([]);
    expect(
      svgDocumentProblems(
        '<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
      ).map((p) => p.message),
    ).toEqual(["Entity declarations are not allowed in an SVG file: they can insert markup"]);
  });

  it("checks an .html page: the body's list plus the document's own elements", () => {
    const page = (head: string) =>
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>T</title>${head}</head><body><p>x</p></body></html>`;
    expect(htmlDocumentProblems(page(""))).toEqual([]);
    expect(
      htmlDocumentProblems(page('<meta http-equiv="refresh" content="0;url=/x">')).map(
        (p) => p.message,
      ),
    ).toEqual([
      "Element <meta> is not allowed: it belongs to the page's layout (http-equiv can redirect the page)",
    ]);
    expect(
      htmlDocumentProblems(page('<script src="a.js"></script>')).map((p) => p.message),
    ).toEqual(["Element <script> is not allowed: it would run script"]);
  });
});
