import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import type { CitationStyle } from "../../../src/citations/csl-style.js";
import {
  extraLink,
  paperLink,
  referenceAnchor,
  renderCluster,
  renderReferenceList,
  type ClusterPart,
} from "../../../src/citations/render-citations.js";

const numeric: CitationStyle = {
  name: "vancouver",
  kind: "numeric",
  layout: { prefix: "(", suffix: ")", delimiter: ",", superscript: false },
};
const authorDate: CitationStyle = {
  name: "apa",
  kind: "author-date",
  layout: { prefix: "(", suffix: ")", delimiter: "; ", superscript: false },
};

function parse(html: string): Document {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

function part(overrides: Partial<ClusterPart> = {}): ClusterPart {
  return {
    id: "olah2020zoom",
    anchorId: "cite-1",
    labelHtml: "1",
    entryHtml: "Olah C. Zoom In. 2020.",
    link: undefined,
    ...overrides,
  };
}

describe("referenceAnchor", () => {
  it("prefixes the key", () => {
    expect(referenceAnchor("olah2020zoom")).toBe("ref-olah2020zoom");
  });
});

describe("renderCluster", () => {
  it("renders one .citation with an item, link and preview card per work", () => {
    const html = renderCluster(numeric, [
      part(),
      part({ id: "elhage2022toy", anchorId: "cite-2", labelHtml: "2" }),
    ]);
    expect(html).toBe(
      '<span class="citation" data-cites="olah2020zoom elhage2022toy">(' +
        '<span class="cite-item"><a class="cite-link" id="cite-1" href="#ref-olah2020zoom" aria-describedby="cite-1-card">1</a>' +
        '<span class="cite-card" id="cite-1-card"><span class="cite-card-entry">Olah C. Zoom In. 2020.</span></span></span>,' +
        '<span class="cite-item"><a class="cite-link" id="cite-2" href="#ref-elhage2022toy" aria-describedby="cite-2-card">2</a>' +
        '<span class="cite-card" id="cite-2-card"><span class="cite-card-entry">Olah C. Zoom In. 2020.</span></span></span>' +
        ")</span>",
    );
  });

  it("wraps superscript styles in <sup>", () => {
    const sup: CitationStyle = {
      ...numeric,
      layout: { prefix: "", suffix: "", delimiter: ",", superscript: true },
    };
    const document = parse(renderCluster(sup, [part()]));
    expect(document.querySelector(".citation > sup > .cite-item > .cite-link")?.textContent).toBe(
      "1",
    );
  });

  it("escapes keys in attributes", () => {
    const html = renderCluster(numeric, [
      part({ id: 'x"><img src=y onerror=alert(1)>', anchorId: "cite-1" }),
    ]);
    const document = parse(html);
    expect(document.querySelector("img")).toBeNull();
    const citation = document.querySelector(".citation")!;
    expect(citation.getAttribute("data-cites")).toBe('x"><img src=y onerror=alert(1)>');
    expect(document.querySelector(".cite-link")?.getAttribute("href")).toBe(
      '#ref-x"><img src=y onerror=alert(1)>',
    );
    expect(document.querySelectorAll(".citation")).toHaveLength(1);
  });

  it("escapes the style's affixes and delimiter", () => {
    const odd: CitationStyle = {
      ...authorDate,
      layout: { prefix: "<b>", suffix: "</b>", delimiter: " & ", superscript: false },
    };
    const html = renderCluster(odd, [part(), part({ anchorId: "cite-2" })]);
    expect(html).toContain(
      'class="citation" data-cites="olah2020zoom olah2020zoom">&lt;b&gt;<span',
    );
    expect(html).toContain("</span> &amp; <span");
    expect(html).toMatch(/&lt;\/b&gt;<\/span>$/);
    expect(parse(html).querySelector("b")).toBeNull();
  });

  it("adds the paper's link to the card, escaped, when the entry has none", () => {
    const html = renderCluster(numeric, [
      part({ link: { href: 'https://example.org/?a=1&b="2"', label: "<example.org>" } }),
    ]);
    const link = parse(html).querySelector(".cite-card a.cite-card-link")!;
    expect(link.getAttribute("href")).toBe('https://example.org/?a=1&b="2"');
    expect(link.getAttributeNames()).toEqual(["class", "href"]);
    expect(link.textContent).toBe("<example.org>");
    expect(html).toContain(
      'href="https://example.org/?a=1&amp;b=&quot;2&quot;">&lt;example.org&gt;</a>',
    );
  });

  it("does not add a second link when the entry already prints one", () => {
    const entryHtml = 'Olah C. doi:<a href="https://doi.org/10.1/x">10.1/x</a>';
    const html = renderCluster(numeric, [
      part({ entryHtml, link: { href: "https://doi.org/10.1/x", label: "doi:10.1/x" } }),
    ]);
    expect(parse(html).querySelectorAll(".cite-card a")).toHaveLength(1);
    expect(html).not.toContain("cite-card-link");
  });
});

describe("paperLink and extraLink", () => {
  it("escapes the href and the label", () => {
    expect(paperLink({ href: 'https://e.org/"x"', label: "<b>&</b>" }, "reference-link")).toBe(
      '<a class="reference-link" href="https://e.org/&quot;x&quot;">&lt;b&gt;&amp;&lt;/b&gt;</a>',
    );
  });

  it("adds the link only when there is one and the entry has none", () => {
    const link = { href: "https://arxiv.org/abs/1706.03762", label: "arXiv:1706.03762" };
    expect(extraLink("Entry.", link, "c")).toBe(
      ' <a class="c" href="https://arxiv.org/abs/1706.03762">arXiv:1706.03762</a>',
    );
    expect(extraLink('Entry <a href="https://x.org">x</a>', link, "c")).toBe("");
    expect(extraLink("Entry.", undefined, "c")).toBe("");
  });
});

describe("renderReferenceList", () => {
  const words = { heading: "References", backToCitation: "Back to citation" };

  it("is empty without entries", () => {
    expect(renderReferenceList(numeric, [], words)).toBe("");
  });

  it("renders an ordered list for numeric styles and an unordered one for author-date styles", () => {
    const entries = [{ id: "a", entryHtml: "A.", link: undefined, backlinks: ["cite-1"] }];
    expect(
      parse(renderReferenceList(numeric, entries, words)).querySelector(
        "section.references > ol.reference-list.reference-list-numeric > li#ref-a",
      ),
    ).not.toBeNull();
    expect(
      parse(renderReferenceList(authorDate, entries, words)).querySelector(
        "section.references > ul.reference-list.reference-list-author-date > li#ref-a",
      ),
    ).not.toBeNull();
  });

  it("escapes the heading, the back-link words and the anchors", () => {
    const html = renderReferenceList(
      numeric,
      [
        {
          id: 'k"<i>',
          entryHtml: "Entry.",
          link: { href: "https://x.org/?a&b", label: "x<y" },
          backlinks: ['cite-"1"', "cite-2"],
        },
      ],
      { heading: "Works <cited>", backToCitation: 'Back "up"' },
    );
    const document = parse(html);
    expect(document.querySelector("i")).toBeNull();
    expect(document.querySelector("h2")?.textContent).toBe("Works <cited>");
    expect(document.querySelector("li")?.id).toBe('ref-k"<i>');
    const backlinks = [...document.querySelectorAll(".backlinks a")];
    expect(
      backlinks.map((a) => [a.getAttribute("href"), a.getAttribute("aria-label"), a.textContent]),
    ).toEqual([
      ['#cite-"1"', 'Back "up" a', "a"],
      ["#cite-2", 'Back "up" b', "b"],
    ]);
    expect(document.querySelector("a.reference-link")?.textContent).toBe("x<y");
  });

  it("letters back-links a…z, then aa, ab", () => {
    const backlinks = Array.from({ length: 28 }, (_, i) => `cite-${i + 1}`);
    const document = parse(
      renderReferenceList(
        numeric,
        [{ id: "k", entryHtml: "E.", link: undefined, backlinks }],
        words,
      ),
    );
    const letters = [...document.querySelectorAll(".backlinks a")].map((a) => a.textContent);
    expect(letters.slice(0, 3)).toEqual(["a", "b", "c"]);
    expect(letters.slice(24)).toEqual(["y", "z", "aa", "ab"]);
  });
});
