import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/load-course.js";
import { buildFixture, checkFixture, fixture } from "./harness.js";

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
  it("fails the build with an error at its line in _data/references.bib", async () => {
    const site = await buildFixture("citations/malformed-bib");
    expect(site.ok).toBe(false);
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
