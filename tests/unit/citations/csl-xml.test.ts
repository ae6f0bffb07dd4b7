import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/core/diagnostics.js";
import { readCslXml } from "../../../src/citations/csl-xml.js";
import { fixture } from "../../integration/harness.js";

const brackets = readFileSync(fixture("citations/custom-style/_data/brackets.csl"), "utf8");
const check = (text: string) => readCslXml(text, "_data/s.csl").diagnostics.map(formatDiagnostic);

describe("readCslXml", () => {
  it("reads a valid style into elements that know their line and column", () => {
    const { root, diagnostics } = readCslXml(brackets, "_data/s.csl");
    expect(diagnostics).toEqual([]);
    expect(root).toMatchObject({ name: "style", line: 2, column: 1 });
    expect(root?.children.map((c) => [c.name, c.line, c.column])).toEqual([
      ["info", 3, 3],
      ["citation", 9, 3],
      ["bibliography", 17, 3],
    ]);
  });

  it("reports a truncated style where the text stops, naming the element left open", () => {
    expect(check(brackets.slice(0, 700))).toEqual([
      "_data/s.csl:19:43: error: The citation style ends inside <layout> (opened at 18:5): the file is truncated (csl-style-invalid)",
    ]);
  });

  it("reports a file that is not XML at its first character", () => {
    expect(check('\n  { "style": 1 }')).toEqual([
      '_data/s.csl:2:3: error: Expected a CSL style (XML starting with <?xml or <style), found "{ \\"style\\": 1" (csl-style-invalid)\n  hint: download the style\'s .csl file itself, e.g. from https://www.zotero.org/styles',
    ]);
    expect(check("")).toEqual([
      "_data/s.csl:1:1: error: The citation style is empty: expected a CSL style (XML) (csl-style-invalid)",
    ]);
  });

  it("reports XML that is not well-formed at the character that breaks it", () => {
    expect(check(brackets.replace("(test fixture)", "& fixture"))).toEqual([
      "_data/s.csl:13:46: error: The citation style is not well-formed XML: disallowed character in entity name. (csl-style-invalid)",
    ]);
  });

  it("reports XML that is not a CSL style at its root", () => {
    expect(check("<html><body>Not found</body></html>")).toEqual([
      '_data/s.csl:1:1: error: Expected the root element to be <style xmlns="http://purl.org/net/xbiblio/csl">, found <html> (csl-style-invalid)',
    ]);
    expect(
      check(brackets.replace("http://purl.org/net/xbiblio/csl", "http://example.org")),
    ).toEqual([
      '_data/s.csl:2:1: error: Expected the root element to be <style xmlns="http://purl.org/net/xbiblio/csl">, found <style> (csl-style-invalid)',
    ]);
  });

  it("requires a <citation> and a <bibliography>, each with a <layout>", () => {
    expect(check(brackets.replace(/<bibliography[\s\S]*<\/bibliography>/, ""))).toEqual([
      "_data/s.csl:2:1: error: The style has no <bibliography>: Syllabus needs one to print reference lists (csl-style-invalid)",
    ]);
    expect(check(brackets.replace(/<layout prefix[\s\S]*?<\/layout>/, ""))).toEqual([
      "_data/s.csl:9:3: error: <citation> has no <layout>: it would print nothing (csl-style-invalid)",
    ]);
  });

  // citeproc prints nothing for a call to a macro that does not exist.
  it("reports a call to an undefined macro at the calling element", () => {
    expect(
      check(
        brackets.replace('<text variable="title" font-style="italic"/>', '<text macro="title"/>'),
      ),
    ).toEqual([
      '_data/s.csl:24:9: error: <text> calls macro "title", which the style does not define (csl-style-invalid)',
    ]);
  });
});
