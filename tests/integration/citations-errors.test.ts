import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/load-course.js";
import { temporaryCourses } from "../support/temporary-course.js";
import { buildCourse, buildFixture, checkFixture, fixture, removeBuild } from "./harness.js";

const temporaryCourse = temporaryCourses("citations-errors");

function parse(html: string): Document {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

/** [text, href] of each citation link in rendered HTML. */
function citeLinks(html: string): [string, string][] {
  return [...parse(html).querySelectorAll(".cite-link")].map((a) => [
    a.textContent ?? "",
    a.getAttribute("href") ?? "",
  ]);
}

function load(name: string, includeDrafts = false) {
  return loadCourse({ root: fixture(name), includeDrafts });
}

describe("a citation of an unknown key", () => {
  it("fails the build with the key's exact path:line:column and a did-you-mean hint", async () => {
    const site = await buildFixture("citations/unknown-key");
    expect(site.ok).toBe(false);
    expect(site.messages).toEqual([
      'content/topics/alpha.md:8:25: error: Unknown citation key "olah2020zom" (unknown-cite-key)\n  hint: did you mean "olah2020zoom"?',
      'content/topics/alpha.md:10:40: error: Unknown citation key "elhage2022tyo" (unknown-cite-key)\n  hint: did you mean "elhage2022toy"?',
      'content/topics/alpha.md:12:24: error: Unknown citation key "qqqqqq" (unknown-cite-key)',
    ]);
    expect(site.exists("topics/alpha/index.html")).toBe(false);
  });

  it("still renders the known keys of the page", () => {
    const { course } = load("citations/unknown-key");
    const alpha = course.bySlug.get("alpha")!;
    expect(citeLinks(alpha.html)).toEqual([
      ["1", "#ref-olah2020zoom"],
      ["2", "#ref-elhage2022toy"],
    ]);
    expect(alpha.citedIds).toEqual(["olah2020zoom", "elhage2022toy"]);
  });
});

describe("a malformed BibTeX entry", () => {
  it("that no page cites is a warning: it is left out and the build goes on", async () => {
    const site = await buildFixture("citations/malformed-bib");
    expect(site.ok).toBe(true);
    expect(site.messages).toEqual([
      "_data/references.bib:8:1: warning: Unbalanced braces: entry @article is not closed before the next entry; no page cites it, so it is left out of the bibliography (bibliography-malformed)",
    ]);
  });

  it("that a page cites fails the build with an error at its line, and the page is not blamed", async () => {
    const site = await buildFixture("citations/malformed-bib-cited");
    expect(site.ok).toBe(false);
    // One error, at the entry: no "Unknown citation key" at the page citing it.
    expect(site.messages).toEqual([
      "_data/references.bib:8:1: error: Unbalanced braces: entry @article is not closed before the next entry (bibliography-malformed)",
    ]);
  });

  it("leaves the entries before and after it usable", () => {
    const { course, diagnostics } = load("citations/malformed-bib");
    expect(diagnostics.filter((d) => d.rule !== "bibliography-malformed")).toEqual([]);
    expect([...course.bibliography.map((w) => w.id)]).toEqual(["after2022", "before2020"]);
    const alpha = course.bySlug.get("alpha")!;
    expect(citeLinks(alpha.html)).toEqual([
      ["1", "#ref-before2020"],
      ["2", "#ref-after2022"],
    ]);
    const list = parse(alpha.referencesHtml);
    expect([...list.querySelectorAll("section.references li")].map((li) => li.id)).toEqual([
      "ref-before2020",
      "ref-after2022",
    ]);
    expect(list.querySelector("#ref-after2022 .reference-entry")?.textContent).toBe(
      "After A. The Entry After. Journal. 2022.",
    );
  });

  // A reference manager's whole library, one entry with a bad author list
  // (`and` with nobody after it, which citation-js turns into an empty name).
  it("does not stop a 2,392-entry export in which one uncited entry has a bad author list", async () => {
    const entries = Array.from({ length: 2392 }, (_, i) =>
      [
        `@article{work${i},`,
        `  title = {Work ${i}},`,
        i === 1234
          ? "  author = {Smith, John and },"
          : `  author = {Author${i}, Ann and Other, Otto},`,
        "  journal = {Journal},",
        `  year = {${1990 + (i % 30)}}`,
        "}",
      ].join("\n"),
    );
    const root = temporaryCourse({
      "_data/site.json": '{ "title": "Library", "description": "A whole Mendeley library." }',
      "_data/references.bib": entries.join("\n\n"),
      "content/topics/alpha.md":
        '---\ntitle: "Alpha"\ndescription: "Cites two works."\n---\n\nOne {% cite "work1" %} and another {% cite "work2391" %}.\n',
    });
    const site = await buildCourse(root);
    removeBuild(site);
    expect(site.ok).toBe(true);
    expect(site.messages).toEqual([
      '_data/references.bib:8641:3: warning: Expected "author[1]" of entry "work1234" to be a name with a "family", "given" or "literal" part, found {}; no page cites it, so it is left out of the bibliography (bibliography-malformed)',
    ]);
  });
});

describe("a .bib that is not UTF-8", () => {
  it("is an error at the first invalid byte, with a hint to export it again as UTF-8", () => {
    const { messages } = checkFixture("citations/bib-latin1");
    expect(messages).toEqual([
      '_data/references.bib:2:14: error: The file is not valid UTF-8: these bytes would show as \ufffd (invalid-utf8)\n  hint: export the bibliography again as UTF-8: in Zotero (and Better BibTeX), choose "Unicode (UTF-8)" as the character encoding in the export options; in JabRef, set Library → Library properties → Encoding to UTF-8 and save',
    ]);
  });

  it("is an error even when written byte for byte in a test (ISO-8859-1 Müller)", () => {
    const root = temporaryCourse({
      "_data/site.json": '{ "title": "Latin-1", "description": "A Latin-1 file." }',
      "content/topics/alpha.md":
        '---\ntitle: "Alpha"\ndescription: "D."\n---\n\nA {% cite "m" %}.\n',
    });
    writeFileSync(
      path.join(root, "_data/references.bib"),
      Buffer.from(
        "@book{m,\n  author = {M\u00fcller, J},\n  title = {T},\n  year = 2019\n}\n",
        "latin1",
      ),
    );
    const { diagnostics } = loadCourse({ root, includeDrafts: false });
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.rule])).toEqual([
      ["_data/references.bib", 2, 14, "error", "invalid-utf8"],
    ]);
  });
});

describe("malformed CSL-JSON items", () => {
  it("are errors at their field when a page cites them, warnings otherwise", () => {
    const { messages } = checkFixture("citations/csl-json-malformed");
    expect(messages).toEqual([
      '_data/references.json:7:144: warning: Unknown field "colour" of CSL-JSON item "fine2020" is ignored (bibliography-unknown-field)',
      '_data/references.json:2:76: error: Expected "author[0]" of CSL-JSON item "nullauthor" to be an object, found null (bibliography-malformed)',
      '_data/references.json:3:82: warning: Expected "author[0].family" of CSL-JSON item "objectfamily" to be a string, found a map; no page cites it, so it is left out of the bibliography (bibliography-malformed)',
      '_data/references.json:4:89: error: Expected "issued.date-parts[0][0]" of CSL-JSON item "textyear" to be a whole number, found the string "x" (bibliography-malformed)',
      '_data/references.json:5:26: warning: Unexpected type "journal" of CSL-JSON item "journaltype", expected a CSL item type (article-journal, book, chapter, paper-conference, report, thesis, webpage, …); no page cites it, so it is left out of the bibliography (bibliography-malformed)\n  hint: did you mean "article-journal"?',
      '_data/references.json:6:42: error: Expected "title" of CSL-JSON item "numbertitle" to be a string, found a number 42 (bibliography-malformed)',
    ]);
  });

  it("never reach citeproc: the page still renders its valid citation", () => {
    const { course } = load("citations/csl-json-malformed");
    expect(citeLinks(course.bySlug.get("alpha")!.html)).toEqual([["1", "#ref-fine2020"]]);
  });
});

describe("a course's own .csl style", () => {
  it("that is truncated is an error where the text stops, not an empty bibliography", () => {
    const { messages } = checkFixture("citations/csl-truncated");
    expect(messages).toEqual([
      "_data/brackets.csl:19:43: error: The citation style ends inside <layout> (opened at 18:5): the file is truncated (csl-style-invalid)",
    ]);
  });

  it("that is not XML is an error in the .csl file, not at site.json", () => {
    const { messages } = checkFixture("citations/csl-not-xml");
    expect(messages).toEqual([
      '_data/brackets.csl:1:1: error: Expected a CSL style (XML starting with <?xml or <style), found "{ \\"style\\": \\"" (csl-style-invalid)\n  hint: download the style\'s .csl file itself, e.g. from https://www.zotero.org/styles',
    ]);
  });

  it("that citeproc rejects is one error at the element it names", () => {
    const { messages } = checkFixture("citations/csl-undefined-element");
    expect(messages).toEqual([
      '_data/brackets.csl:24:9: error: Citation style "brackets" cannot be used: citeproc-js error: Undefined node name "title-text". (citation-style-broken)\n  hint: citeproc could not run the style: check it against the CSL specification, e.g. with https://validator.citationstyles.org',
    ]);
  });

  it("that fails while formatting is one error at the part that failed, and the pages still build", () => {
    const xml = readFileSync(fixture("citations/custom-style/_data/brackets.csl"), "utf8");
    const root = temporaryCourse({
      "_data/site.json":
        '{ "title": "Style", "description": "A style citeproc fails on.", "citationStyle": "brackets" }',
      "_data/references.bib": readFileSync(
        fixture("citations/custom-style/_data/references.bib"),
        "utf8",
      ),
      "_data/brackets.csl": xml.replace('font-style="italic"', 'font-style="wobbly"'),
      "content/topics/alpha.md": readFileSync(
        fixture("citations/custom-style/content/topics/alpha.md"),
        "utf8",
      ),
    });
    const { course, diagnostics } = loadCourse({ root, includeDrafts: false });
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.rule, d.message])).toEqual([
      [
        "_data/brackets.csl",
        17,
        3,
        "citation-style-broken",
        "Citation style \"brackets\" cannot be used (its <bibliography>): Cannot read properties of undefined (reading 'call')",
      ],
    ]);
    // The default style takes over, so that every citation is still checked.
    expect(citeLinks(course.bySlug.get("alpha")!.html).map(([, href]) => href)).toEqual([
      "#ref-olah2020zoom",
      "#ref-olah2020zoom",
      "#ref-elhage2022toy",
    ]);
  });
});

describe("a key defined in both _data/references.bib and _data/references.json", () => {
  it("is an error naming both definitions", () => {
    const { messages } = checkFixture("citations/duplicate-key");
    expect(messages).toEqual([
      '_data/references.json:8:3: error: Key "shared2020" is defined twice: first at _data/references.bib:8:1 (bibliography-duplicate-key)',
    ]);
  });

  it("fails the build, while every other work stays citable", async () => {
    const site = await buildFixture("citations/duplicate-key");
    expect(site.ok).toBe(false);
    const { course } = load("citations/duplicate-key");
    expect(citeLinks(course.bySlug.get("alpha")!.html).map(([, href]) => href)).toEqual([
      "#ref-shared2020",
      "#ref-unique2019",
      "#ref-json2021",
    ]);
  });
});

describe("an unknown citation style", () => {
  it("is an error naming the style, with a did-you-mean hint", () => {
    const { diagnostics } = checkFixture("citations/unknown-style");
    const problem = diagnostics.find((d) => d.rule === "citation-style-unknown");
    expect(problem).toMatchObject({
      file: "_data/site.json",
      severity: "error",
      message:
        'Unknown citation style "vancover": use one of apa, vancouver, harvard1, or put <name>.csl in _data/',
      hint: 'did you mean "vancouver"?',
    });
  });

  // Regression: when the style is unknown, load-course creates no formatter, and every
  // {% cite %} then reports "Citation found, but the course has no bibliography
  // (_data/references.bib or _data/references.json)" (cite-no-bibliography),
  // although the bibliography exists: content/topics/alpha.md:6:10 here.
  // Expected: the style error alone.
  it("is the only error: the citations are not blamed on a missing bibliography", () => {
    const { diagnostics } = checkFixture("citations/unknown-style");
    expect(diagnostics.map((d) => d.rule)).toEqual(["citation-style-unknown"]);
  });
});

describe("disambiguation letters and drafts", () => {
  it("adds a and b when both works by the same authors and year are built", () => {
    const { course, diagnostics } = load("citations/draft-disambiguation", true);
    expect(diagnostics).toEqual([]);
    const texts = course.articles.flatMap((a) => citeLinks(a.html).map(([text]) => text));
    expect(texts.sort()).toEqual(["Elhage et al., 2022a", "Elhage et al., 2022b"]);
  });

  // Regression: the works cited by drafts count for disambiguation even in a build
  // without drafts (createFormatter collects cited keys from every source,
  // drafts included). The published article cites only elhage2022toy, yet it
  // reads "(Elhage et al., 2022b)", and its reference-list and /references/
  // entries say "(2022b)", with no 2022a anywhere on the site. Expected:
  // "Elhage et al., 2022".
  it("adds no letter when the other work is only cited in a draft left out of the build", () => {
    const { course, diagnostics } = load("citations/draft-disambiguation", false);
    expect(diagnostics).toEqual([]);
    expect(course.articles.map((a) => a.slug)).toEqual(["published"]);
    expect(citeLinks(course.articles[0]!.html)).toEqual([
      ["Elhage et al., 2022", "#ref-elhage2022toy"],
    ]);
  });
});
