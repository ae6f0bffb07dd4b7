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
import type { PolicyProblem } from "../../../src/core/html-policy.js";

const SVG = 'xmlns="http://www.w3.org/2000/svg"';
const DTD =
  "DTD declarations are not allowed in an SVG file: they can insert markup and add attributes";
/** `offset needle rule message`, for compact assertions. */
const brief = (problems: PolicyProblem[]) =>
  problems.map((p) => `${p.offset} ${p.needle} ${p.rule} ${p.message}`);

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
      `url("https://x.example/y.css") in <style> refers outside the SVG: only references to its own elements (#id) are allowed`,
      "Element <foreignObject> is not allowed in an SVG file: it puts HTML inside SVG",
      "Element <p> is not allowed in an SVG file: it is HTML",
    ]);
  });

  it("allows an Inkscape drawing, with its metadata, and refuses entity declarations", () => {
    const drawing =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1.3"' +
      ' xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd">' +
      '<sodipodi:namedview pagecolor="#fff"/><filter id="f"><feGaussianBlur stdDeviation="2"/></filter>' +
      '<a href="https://example.org/"><rect width="1" height="1" filter="url(#f)"/></a></svg>';
    expect(svgDocumentProblems(drawing)).toEqual([]);
    expect(
      svgDocumentProblems(
        '<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
      ).map((p) => p.message),
    ).toEqual([DTD]);
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

describe("an SVG file, read as XML as the browser opens it", () => {
  it("refuses an internal subset past a quoted id holding >, and declarations anywhere", () => {
    // The ATTLIST default would give <svg> an onload that no tag shows.
    const subset = `<!DOCTYPE svg PUBLIC "a>b" "c" [<!ATTLIST svg onload CDATA "alert(1)">]><svg ${SVG}/>`;
    expect(brief(svgDocumentProblems(subset))).toEqual([`0 <!DOCTYPE unsafe-html ${DTD}`]);
    expect(
      svgDocumentProblems(`<svg ${SVG}><!ATTLIST svg onload CDATA "x"></svg>`)[0]?.message,
    ).toBe(DTD);
    const plain = `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg ${SVG}/>`;
    expect(svgDocumentProblems(plain)).toEqual([]);
  });

  it("binds prefixes as XML does: an xlink:href under another prefix, xml:base", () => {
    const prefixed = `<svg ${SVG}><g xmlns:q="http://www.w3.org/1999/xlink"><image q:href="https://e.example/t.png"/></g></svg>`;
    expect(brief(svgDocumentProblems(prefixed))).toEqual([
      `89 xlink:href external-resource <image xlink:href="https://e.example/t.png"> would be blocked by the site's Content-Security-Policy: only files of the course can be loaded`,
    ]);
    expect(
      svgDocumentProblems(
        `<svg ${SVG} xml:base="https://e.example/"><image href="t.png"/></svg>`,
      ).map((p) => p.message),
    ).toEqual([
      'Attribute "xml:base" is not allowed in an SVG file: it would change where its links point',
    ]);
  });

  it("reads a <style>'s CDATA, and CSS escapes, as the browser does", () => {
    const svg = `<svg ${SVG}><style><![CDATA[ @\\69mport "https://e.example/x.css"; ]]></style></svg>`;
    expect(svgDocumentProblems(svg).map((p) => p.message)).toEqual([
      `url("https://e.example/x.css") in <style> refers outside the SVG: only references to its own elements (#id) are allowed`,
    ]);
    const set = `<svg ${SVG}><style>a { fill: image-set("https://e.example/a.png" 1x) }</style></svg>`;
    expect(svgDocumentProblems(set)).toHaveLength(1);
  });

  it("refuses a file that is not well-formed: the browser would not read it as checked", () => {
    expect(
      svgDocumentProblems(`<svg ${SVG}><text>&nbsp;</text></svg>`).map((p) => p.message),
    ).toEqual(["The SVG file is not well-formed XML: undefined entity."]);
  });
});

describe("CSS in an .html page", () => {
  it("checks the style attributes of every element, the document's own included", () => {
    const page =
      '<!doctype html><html><body style="background:url(https://e.example/a.png)">' +
      '<p style="color:red;background:u\\72l(//e.example/b.png)">x</p></body></html>';
    expect(htmlDocumentProblems(page).map((p) => p.message)).toEqual([
      `url("https://e.example/a.png") in "style" of <body> would be blocked by the site's Content-Security-Policy: only files of the course can be loaded`,
      `url("//e.example/b.png") in "style" of <p> would be blocked by the site's Content-Security-Policy: only files of the course can be loaded`,
    ]);
  });
});

describe("standalone files a browser builds differently from parse5 (red-team F1, F3)", () => {
  it("refuses a <select> in an .html page, and the tags parse5 drops in it", () => {
    const page =
      '<!doctype html><title>x</title><select><meta http-equiv="refresh" content="0;url=https://evil.example/"></select>';
    expect(brief(htmlDocumentProblems(page))).toEqual([
      "39 <meta unsafe-html The tag <meta> is not allowed here: the parser drops it, but a browser may keep it",
      "31 <select unsafe-html Element <select> is not allowed: browsers disagree about what it may hold, so it cannot be checked",
    ]);
  });

  it("lets a page's own <html>, <head> and <body> pass, repeated or not", () => {
    expect(
      htmlDocumentProblems(
        "<!doctype html><html><head><title>x</title></head><body><p>x<body></body></html>",
      ),
    ).toEqual([]);
  });

  it("reports a page or a drawing nested too deep, without a stack trace", () => {
    const TOO_DEEP =
      "HTML nested more than 256 elements deep is not allowed: browsers build such a tree differently";
    const page = "<!doctype html><title>x</title>" + "<div>".repeat(10_000);
    expect(htmlDocumentProblems(page).map((p) => p.message)).toEqual([TOO_DEEP]);
    const svg = `<svg ${SVG}>` + "<g>".repeat(10_000) + "</g>".repeat(10_000) + "</svg>";
    expect(svgDocumentProblems(svg).map((p) => p.message)).toContain(TOO_DEEP);
  });
});
