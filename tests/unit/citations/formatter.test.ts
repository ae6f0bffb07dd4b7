import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { loadBibliography, type Bibliography } from "../../../src/citations/bibliography.js";
import { resolveStyle, type CitationStyle } from "../../../src/citations/csl-style.js";
import { CitationFormatter, entryContent } from "../../../src/citations/formatter.js";
import { parseCiteArgument, type CiteItem } from "../../../src/citations/locator.js";
import { sampleBib } from "../../support/sample-bibliography.js";
import { temporaryCourses } from "../../support/temporary-course.js";

const root = temporaryCourses("formatter")({
  "_data/references.bib": sampleBib(
    "olah2020zoom",
    "elhage2022toy",
    "elhage2022solu",
    "abel1999",
    "quoted2022",
  ),
});
const { bibliography, diagnostics } = loadBibliography(root);
expect(diagnostics).toEqual([]);

function style(name: string): CitationStyle {
  const resolved = resolveStyle(root, name);
  if ("error" in resolved) throw new Error(resolved.error);
  return resolved;
}

function formatter(styleName: string, cited: string[]): CitationFormatter {
  return new CitationFormatter(bibliography, style(styleName), "en-US", cited);
}

/** The author-date text of a citation, which these styles can always format. */
function inline(f: CitationFormatter, argument: string): string {
  const text = f.inlineText(cite(argument));
  if ("error" in text) throw new Error(text.error);
  return text.html;
}

function cite(argument: string): CiteItem {
  const parsed = parseCiteArgument(argument);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.item;
}

describe("CitationFormatter entries", () => {
  it("formats a numeric entry without its number column", () => {
    const f = formatter("vancouver", ["elhage2022toy", "olah2020zoom"]);
    const entry = f.entry("olah2020zoom");
    expect(entry).toBe(
      'Olah C, Cammarata N. Zoom In: An Introduction to Circuits. Distill. 2020. doi:<a href="https://doi.org/10.23915/distill.00024.001">10.23915/distill.00024.001</a>',
    );
    expect(entry).not.toMatch(/csl-left-margin|<div/);
    expect(f.entry("elhage2022toy")).toMatch(
      /^Elhage N, Hume T, Olsson C\. Toy Models of Superposition\./,
    );
  });

  it("formats an author-date entry as inline HTML", () => {
    const f = formatter("apa", ["olah2020zoom"]);
    expect(f.entry("olah2020zoom")).toBe(
      'Olah, C., &#38; Cammarata, N. (2020). Zoom In: An Introduction to Circuits. <i>Distill</i>. <a href="https://doi.org/10.23915/distill.00024.001">https://doi.org/10.23915/distill.00024.001</a>',
    );
  });

  it("has no entry for a work nobody cites", () => {
    const f = formatter("vancouver", ["olah2020zoom"]);
    expect(f.entry("abel1999")).toBe("");
    expect(f.entry("no-such-key")).toBe("");
  });

  it("orders author-date works alphabetically, and unknown ones last", () => {
    const f = formatter("apa", ["olah2020zoom", "elhage2022toy", "abel1999"]);
    const ids = ["olah2020zoom", "elhage2022toy", "abel1999"];
    expect([...ids].sort((a, b) => f.position(a) - f.position(b))).toEqual([
      "abel1999",
      "elhage2022toy",
      "olah2020zoom",
    ]);
    expect(f.position("no-such-key")).toBe(Number.MAX_SAFE_INTEGER);
  });

  // Regression: citeproc's DOI and URL links are passed through as they come, and
  // neither loadBibliography nor the formatter escapes a `"` in a DOI (or in a
  // CSL-JSON URL, which new URL() accepts unencoded). The BibTeX field
  // doi = {10.1000/x"onmouseover="alert(1)} gives the entry
  // <a href="https://doi.org/10.1000/x"onmouseover="alert(1)">, an event handler
  // attribute: script injection from the bibliography. Expected: the quote is
  // escaped (or the link dropped with a warning), the <a> has only its href.
  it("never lets a DOI break out of the link's href attribute", () => {
    for (const styleName of ["vancouver", "apa"]) {
      const html = formatter(styleName, ["quoted2022"]).entry("quoted2022");
      const { document } = parseHTML(`<!doctype html><html><body><p>${html}</p></body></html>`);
      const links = [...document.querySelectorAll("a")];
      expect(links.length).toBeGreaterThan(0);
      for (const a of links) expect(a.getAttributeNames()).toEqual(["href"]);
    }
  });
});

describe("CitationFormatter inline text (author-date)", () => {
  it("gives the author-date text without the cluster's brackets", () => {
    const f = formatter("apa", ["elhage2022toy", "olah2020zoom"]);
    expect(inline(f, "elhage2022toy")).toBe("Elhage et al., 2022");
    expect(inline(f, "olah2020zoom")).toBe("Olah &#38; Cammarata, 2020");
  });

  it("adds the locator in the style's words", () => {
    const f = formatter("apa", ["elhage2022toy"]);
    expect(inline(f, "elhage2022toy, p. 4")).toBe("Elhage et al., 2022, p. 4");
    expect(inline(f, "elhage2022toy, 4")).toBe("Elhage et al., 2022, p. 4");
    expect(inline(f, "elhage2022toy, pp. 4-6")).toBe("Elhage et al., 2022, pp. 4–6");
    expect(inline(f, "elhage2022toy, sec. 3")).toBe("Elhage et al., 2022, Section 3");
    expect(inline(f, "elhage2022toy, fig. 2")).toBe("Elhage et al., 2022, Figure 2");
    // The cache keys on the locator: the plain form is still the plain form.
    expect(inline(f, "elhage2022toy")).toBe("Elhage et al., 2022");
  });

  it("uses the style's own words (harvard1)", () => {
    const f = formatter("harvard1", ["olah2020zoom"]);
    expect(inline(f, "olah2020zoom")).toBe("Olah and Cammarata, 2020");
  });

  it("escapes markup in a locator", () => {
    const f = formatter("apa", ["elhage2022toy"]);
    const text = inline(f, "elhage2022toy, p. <img src=x onerror=alert(1)>");
    expect(text).not.toContain("<img");
    expect(text).toContain("&#60;img");
  });

  it("tells apart two works by the same authors in the same year with a and b", () => {
    const f = formatter("apa", ["elhage2022toy", "elhage2022solu"]);
    const toy = inline(f, "elhage2022toy");
    const solu = inline(f, "elhage2022solu");
    expect([toy, solu].sort()).toEqual(["Elhage et al., 2022a", "Elhage et al., 2022b"]);
    expect(inline(f, "elhage2022toy, p. 4")).toBe(`${toy}, p. 4`);
    // The reference list uses the same letters.
    expect(f.entry("elhage2022toy")).toContain(`(${toy.slice(-5)})`);
    expect(f.entry("elhage2022solu")).toContain(`(${solu.slice(-5)})`);
  });

  it("does not add a letter when only one of the two works is cited", () => {
    const f = formatter("apa", ["elhage2022toy"]);
    expect(inline(f, "elhage2022toy")).toBe("Elhage et al., 2022");
  });
});

describe("entryContent", () => {
  it("drops the number column and the entry's div", () => {
    expect(
      entryContent(
        '  <div class="csl-entry"><div class="csl-left-margin">1. </div><div class="csl-right-inline">Olah C. <i>Zoom</i>.</div></div>\n',
      ),
    ).toBe("Olah C. <i>Zoom</i>.");
  });

  it("turns other blocks into spans so the entry can sit in a paragraph", () => {
    expect(
      entryContent(
        '<div class="csl-entry"><div class="csl-block">Olah C.</div><div class="csl-indent">Zoom.</div></div>',
      ),
    ).toBe('<span class="csl-block">Olah C.</span><span class="csl-indent">Zoom.</span>');
  });

  it("leaves a plain entry as it is", () => {
    expect(entryContent('<div class="csl-entry">Olah, C. (2020).</div>')).toBe("Olah, C. (2020).");
  });
});

// citeproc escapes text and rewrites odd links, so its output is not expected to break
// the HTML policy (the check is defence in depth): hostile data that bypassed
// loadBibliography's own URL check still yields an entry the policy accepts.
describe("CitationFormatter and the HTML policy", () => {
  const hostile = {
    works: new Map([
      [
        "evil",
        {
          id: "evil",
          item: {
            id: "evil",
            type: "webpage",
            title: 'Evil <img src=x onerror="alert(1)"> <script>alert(2)</script>',
            URL: "javascript:alert(1)",
          },
          file: "_data/references.json",
          line: 2,
          column: 3,
          link: undefined,
        },
      ],
    ]),
    malformed: [],
    present: true,
    fingerprint: "x",
  } satisfies Bibliography;

  it("checks every entry once and finds citeproc's output safe", () => {
    const f = new CitationFormatter(hostile, style("apa"), "en-US", ["evil"]);
    const entry = parseHTML(`<span>${f.entry("evil")}</span>`).document;
    expect(entry.querySelector("img, script")).toBeNull();
    expect([...entry.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual([
      "https://doi.org/javascript:alert(1)",
    ]);
    expect(f.rejectedEntries().size).toBe(0);
  });
});
