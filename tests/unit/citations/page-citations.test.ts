import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { loadBibliography } from "../../../src/citations/bibliography.js";
import { resolveStyle } from "../../../src/citations/csl-style.js";
import { CitationFormatter } from "../../../src/citations/formatter.js";
import { PageCitationState } from "../../../src/citations/page-citations.js";
import type { Location, Severity } from "../../../src/core/diagnostics.js";
import { sampleBib } from "../../support/sample-bibliography.js";
import { temporaryCourses } from "../../support/temporary-course.js";

const ALL = ["olah2020zoom", "elhage2022toy", "vaswani2017attention", "abel1999"];
const WORDS = { heading: "References", backToCitation: "Back to citation" };

const root = temporaryCourses("page-citations")({
  "_data/references.bib": sampleBib(
    "olah2020zoom",
    "elhage2022toy",
    "vaswani2017attention",
    "abel1999",
  ),
});
const { bibliography, diagnostics } = loadBibliography(root);
expect(diagnostics).toEqual([]);

const formatters = new Map<string, CitationFormatter>();
function formatter(styleName: string): CitationFormatter {
  let f = formatters.get(styleName);
  if (!f) {
    const style = resolveStyle(root, styleName);
    if ("error" in style) throw new Error(style.error);
    f = new CitationFormatter(bibliography, style, "en-US", ALL);
    formatters.set(styleName, f);
  }
  return f;
}

interface Report {
  at: Location;
  severity: Severity;
  rule: string;
  message: string;
  hint: string | undefined;
}

/** A page being rendered: cite() takes the strings of one {% cite %}, as written. */
function page(styleName = "vancouver") {
  const state = new PageCitationState(formatter(styleName), bibliography);
  const reports: Report[] = [];
  let line = 0;
  const cite = (...args: string[]): string => {
    line++;
    return state.cite(
      {
        args: args.map((value, i) => ({
          value,
          at: { file: "content/topics/page.md", line, column: 10 + i * 10 },
        })),
      },
      (at, severity, rule, message, hint) => reports.push({ at, severity, rule, message, hint }),
    );
  };
  return { state, reports, cite };
}

function parse(html: string): Document {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

/** [text, href] of each citation link, in document order. */
function links(html: string): [string, string][] {
  return [...parse(html).querySelectorAll(".cite-link")].map((a) => [
    a.textContent ?? "",
    a.getAttribute("href") ?? "",
  ]);
}

/** The cluster as a reader sees it, without the preview cards. */
function visibleText(html: string): string {
  const document = parse(html);
  for (const card of [...document.querySelectorAll(".cite-card")]) card.remove();
  return document.body.textContent ?? "";
}

describe("PageCitationState (numeric)", () => {
  it("numbers works in order of first citation and reuses the number", () => {
    const { cite, state, reports } = page();
    expect(links(cite("elhage2022toy"))).toEqual([["1", "#ref-elhage2022toy"]]);
    expect(links(cite("olah2020zoom"))).toEqual([["2", "#ref-olah2020zoom"]]);
    expect(links(cite("elhage2022toy"))).toEqual([["1", "#ref-elhage2022toy"]]);
    expect(links(cite("vaswani2017attention"))).toEqual([["3", "#ref-vaswani2017attention"]]);
    expect(state.citedIds).toEqual(["elhage2022toy", "olah2020zoom", "vaswani2017attention"]);
    expect(reports).toEqual([]);
  });

  it("renders a cluster in the style's brackets", () => {
    const { cite } = page();
    expect(visibleText(cite("olah2020zoom"))).toBe("(1)");
    expect(visibleText(cite("elhage2022toy", "olah2020zoom"))).toBe("(1,2)");
  });

  it("sorts a multi-key cluster by number", () => {
    const { cite } = page();
    cite("olah2020zoom");
    cite("elhage2022toy");
    const html = cite("vaswani2017attention", "elhage2022toy", "olah2020zoom");
    expect(links(html)).toEqual([
      ["1", "#ref-olah2020zoom"],
      ["2", "#ref-elhage2022toy"],
      ["3", "#ref-vaswani2017attention"],
    ]);
    expect(parse(html).querySelector(".citation")?.getAttribute("data-cites")).toBe(
      "olah2020zoom elhage2022toy vaswani2017attention",
    );
  });

  it("shows locators after the number, as written, and a bare number as a page", () => {
    const { cite } = page();
    expect(links(cite("olah2020zoom, p. 4"))).toEqual([["1, p. 4", "#ref-olah2020zoom"]]);
    expect(links(cite("olah2020zoom, 12"))).toEqual([["1, p. 12", "#ref-olah2020zoom"]]);
    expect(links(cite("elhage2022toy, sec. 3", "olah2020zoom, fig. 2"))).toEqual([
      ["1, fig. 2", "#ref-olah2020zoom"],
      ["2, sec. 3", "#ref-elhage2022toy"],
    ]);
  });

  it("escapes markup in a locator", () => {
    const { cite } = page();
    const html = cite("olah2020zoom, p. <img src=x onerror=alert(1)>");
    expect(parse(html).querySelector("img")).toBeNull();
    expect(links(html)).toEqual([["1, p. <img src=x onerror=alert(1)>", "#ref-olah2020zoom"]]);
  });

  it("gives every citation a unique anchor and a preview card with the full entry", () => {
    const { cite } = page();
    const html = cite("olah2020zoom") + cite("olah2020zoom", "elhage2022toy");
    const document = parse(html);
    const anchors = [...document.querySelectorAll(".cite-link")];
    const ids = anchors.map((a) => a.id);
    expect(new Set(ids).size).toBe(3);
    for (const a of anchors) {
      const card = document.getElementById(a.getAttribute("aria-describedby") ?? "");
      expect(card?.classList.contains("cite-card")).toBe(true);
      expect(a.nextElementSibling).toBe(card);
    }
    const card = anchors[0]!.nextElementSibling!;
    expect(card.querySelector(".cite-card-entry")?.innerHTML).toBe(
      formatter("vancouver").entry("olah2020zoom"),
    );
    expect(card.querySelector("a")?.getAttribute("href")).toBe(
      "https://doi.org/10.23915/distill.00024.001",
    );
  });

  it("adds the paper's link to the card when the entry prints none", () => {
    const { cite } = page();
    const card = parse(cite("vaswani2017attention")).querySelector(".cite-card")!;
    const link = card.querySelector("a.cite-card-link");
    expect(link?.getAttribute("href")).toBe("https://arxiv.org/abs/1706.03762");
    expect(link?.textContent).toBe("arXiv:1706.03762");
  });

  it("reports an unknown key through the callback, with a did-you-mean hint, and renders the rest", () => {
    const { cite, reports, state } = page();
    const html = cite("olah2020zoom", "elhage2022tyo, p. 4");
    expect(reports).toEqual([
      {
        at: { file: "content/topics/page.md", line: 1, column: 20 },
        severity: "error",
        rule: "unknown-cite-key",
        message: 'Unknown citation key "elhage2022tyo"',
        hint: 'did you mean "elhage2022toy"?',
      },
    ]);
    expect(links(html)).toEqual([["1", "#ref-olah2020zoom"]]);
    expect(state.citedIds).toEqual(["olah2020zoom"]);
  });

  it("gives no hint when no key is close, and renders nothing for a cluster of unknown keys", () => {
    const { cite, reports, state } = page();
    expect(cite("qqqqqqqq")).toBe("");
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      rule: "unknown-cite-key",
      message: 'Unknown citation key "qqqqqqqq"',
      hint: undefined,
    });
    // The unknown key took no number.
    expect(links(cite("abel1999"))).toEqual([["1", "#ref-abel1999"]]);
    expect(state.citedIds).toEqual(["abel1999"]);
  });

  it("reports a malformed argument", () => {
    const { cite, reports } = page();
    expect(cite("olah2020zoom, foo 3")).toBe("");
    expect(reports).toMatchObject([
      { severity: "error", rule: "cite-malformed", at: { line: 1, column: 10 } },
    ]);
    expect(reports[0]!.message).toMatch(/^Unrecognised locator "foo 3"/);
  });

  it("lists the works in order of first citation, with back-links a, b for a work cited twice", () => {
    const { cite, state } = page();
    const body =
      cite("olah2020zoom") + cite("vaswani2017attention", "olah2020zoom") + cite("elhage2022toy");
    const document = parse(body + state.referencesHtml(WORDS));
    const section = document.querySelector("section.references")!;
    expect(section.getAttribute("aria-labelledby")).toBe("references");
    expect(section.querySelector("h2#references")?.textContent).toBe("References");
    const list = section.querySelector("ol.reference-list")!;
    const items = [...list.querySelectorAll(":scope > li")];
    expect(items.map((li) => li.id)).toEqual([
      "ref-olah2020zoom",
      "ref-vaswani2017attention",
      "ref-elhage2022toy",
    ]);

    const olah = items[0]!;
    expect(olah.querySelector(".reference-entry")?.innerHTML).toBe(
      formatter("vancouver").entry("olah2020zoom"),
    );
    const backlinks = [...olah.querySelectorAll(".backlinks a")];
    expect(backlinks.map((a) => a.textContent)).toEqual(["a", "b"]);
    expect(backlinks.map((a) => a.getAttribute("aria-label"))).toEqual([
      "Back to citation a",
      "Back to citation b",
    ]);
    const olahAnchors = [...document.querySelectorAll('.cite-link[href="#ref-olah2020zoom"]')].map(
      (a) => `#${a.id}`,
    );
    expect(olahAnchors).toHaveLength(2);
    expect(backlinks.map((a) => a.getAttribute("href"))).toEqual(olahAnchors);

    const elhage = items[2]!;
    const single = [...elhage.querySelectorAll(".backlinks a")];
    expect(single.map((a) => [a.textContent, a.getAttribute("aria-label")])).toEqual([
      ["↩", "Back to citation"],
    ]);
    const elhageAnchor = document.querySelector('.cite-link[href="#ref-elhage2022toy"]')!;
    expect(single[0]!.getAttribute("href")).toBe(`#${elhageAnchor.id}`);

    // A work without a link in its entry gets the paper's link beside it.
    expect(items[1]!.querySelector("a.reference-link")?.getAttribute("href")).toBe(
      "https://arxiv.org/abs/1706.03762",
    );
  });

  it("has no reference list when the page cites nothing", () => {
    expect(page().state.referencesHtml(WORDS)).toBe("");
  });

  it("starts numbering again on every page", () => {
    page().cite("olah2020zoom");
    expect(links(page().cite("elhage2022toy"))).toEqual([["1", "#ref-elhage2022toy"]]);
  });
});

describe("PageCitationState (author-date)", () => {
  it("renders author-date citations in one pair of brackets", () => {
    const { cite } = page("apa");
    expect(visibleText(cite("elhage2022toy"))).toBe("(Elhage et al., 2022)");
    expect(visibleText(cite("olah2020zoom, p. 4", "abel1999"))).toBe(
      "(Olah & Cammarata, 2020, p. 4; Abel, 1999)",
    );
  });

  it("lists works alphabetically in an unnumbered list", () => {
    const { cite, state } = page("apa");
    cite("olah2020zoom");
    cite("vaswani2017attention");
    cite("abel1999", "elhage2022toy");
    const document = parse(state.referencesHtml(WORDS));
    expect(document.querySelector("section.references ol")).toBeNull();
    const items = [...document.querySelectorAll("section.references ul.reference-list > li")];
    expect(items.map((li) => li.id)).toEqual([
      "ref-abel1999",
      "ref-elhage2022toy",
      "ref-olah2020zoom",
      "ref-vaswani2017attention",
    ]);
  });
});
