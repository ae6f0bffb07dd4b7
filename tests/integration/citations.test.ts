import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, fixture, type BuiltSite } from "./harness.js";

/** Text of an element as a reader sees it: without the (hidden until hovered) preview cards. */
function visibleText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const card of [...copy.querySelectorAll(".cite-card")]) card.remove();
  return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
}

/** [text, href] of each citation link in the article body, in document order. */
function citeLinks(page: Document): [string, string][] {
  return [...page.querySelectorAll(".article-body .cite-link")].map((a) => [
    a.textContent ?? "",
    a.getAttribute("href") ?? "",
  ]);
}

function countCiteShortcodes(fixtureName: string, source: string): number {
  return [
    ...readFileSync(path.join(fixture(fixtureName), source), "utf8").matchAll(/\{%-?\s*cite\s/g),
  ].length;
}

describe("citations in the default numeric style (vancouver)", () => {
  let site: BuiltSite;
  let alpha: Document;
  beforeAll(async () => {
    site = await buildFixture("citations/numeric");
    alpha = site.page("/topics/alpha/");
  });

  it("builds without problems", () => {
    expect(site.messages).toEqual([]);
    expect(site.ok).toBe(true);
  });

  it("numbers works in order of first citation and reuses the number of a work cited again", () => {
    expect(citeLinks(alpha)).toEqual([
      ["1", "#ref-olah2020zoom"],
      ["1", "#ref-olah2020zoom"],
      ["2", "#ref-elhage2022toy"],
      ["3, p. 4", "#ref-vaswani2017attention"],
      ["4, sec. 3", "#ref-muller2019accents"],
      ["1, fig. 2", "#ref-olah2020zoom"],
      ["2, p. 12", "#ref-elhage2022toy"],
      ["3", "#ref-vaswani2017attention"],
      ["5", "#ref-smith2018json"],
    ]);
  });

  it("renders each cluster in parentheses, its works sorted by number, with their locators", () => {
    const clusters = [...alpha.querySelectorAll(".article-body .citation")];
    expect(clusters.map((c) => [visibleText(c), c.getAttribute("data-cites")])).toEqual([
      ["(1)", "olah2020zoom"],
      ["(1,2)", "olah2020zoom elhage2022toy"],
      ["(3, p. 4)", "vaswani2017attention"],
      ["(4, sec. 3)", "muller2019accents"],
      ["(1, fig. 2)", "olah2020zoom"],
      ["(2, p. 12)", "elhage2022toy"],
      ["(3,5)", "vaswani2017attention smith2018json"],
    ]);
  });

  it("renders exactly one .citation element per shortcode", () => {
    const clusters = [...alpha.querySelectorAll(".citation")];
    expect(clusters).toHaveLength(
      countCiteShortcodes("citations/numeric", "content/topics/alpha.md"),
    );
    expect(clusters).toHaveLength(7);
    for (const cluster of clusters) {
      expect(cluster.getAttribute("class")).toBe("citation");
      expect(cluster.querySelector(".citation")).toBeNull();
    }
    for (const link of [...alpha.querySelectorAll(".cite-link")]) {
      expect(link.closest(".citation")).not.toBeNull();
    }
  });

  it("gives every citation a preview card with the full entry and a link to the paper", () => {
    const links = [...alpha.querySelectorAll(".article-body .cite-link")];
    for (const link of links) {
      const card = alpha.getElementById(link.getAttribute("aria-describedby") ?? "");
      expect(card?.classList.contains("cite-card")).toBe(true);
      const key = (link.getAttribute("href") ?? "").replace(/^#ref-/, "");
      const listed = alpha.querySelector(`#ref-${key} .reference-entry`);
      expect(card?.querySelector(".cite-card-entry")?.innerHTML).toBe(listed?.innerHTML);
    }
    const cardOf = (key: string) => {
      const link = alpha.querySelector(`.article-body .cite-link[href="#ref-${key}"]`)!;
      return alpha.getElementById(link.getAttribute("aria-describedby")!)!;
    };
    const olah = cardOf("olah2020zoom");
    expect(visibleText(olah)).toBe(
      "Olah C, Cammarata N. Zoom In: An Introduction to Circuits. Distill. 2020. doi:10.23915/distill.00024.001",
    );
    expect(olah.querySelector("a")?.getAttribute("href")).toBe(
      "https://doi.org/10.23915/distill.00024.001",
    );

    const vaswani = cardOf("vaswani2017attention");
    expect(vaswani.querySelector(".cite-card-entry")?.textContent).toBe(
      "Vaswani A, Shazeer N. Attention Is All You Need. In: Advances in Neural Information Processing Systems. 2017.",
    );
    expect(vaswani.querySelector("a.cite-card-link")?.getAttribute("href")).toBe(
      "https://arxiv.org/abs/1706.03762",
    );

    expect(cardOf("smith2018json").querySelector("a")?.getAttribute("href")).toBe(
      "https://example.org/smith-2018",
    );
    expect(cardOf("elhage2022toy").querySelector("a")?.getAttribute("href")).toBe(
      "https://transformer-circuits.pub/2022/toy_model/",
    );
    expect(cardOf("muller2019accents").textContent).toBe(
      "Müller H, García A. GPT Models & Accents – A Study. 2019.",
    );
  });

  it("lists the cited works after the article in order of first citation", () => {
    const sections = [...alpha.querySelectorAll("section.references")];
    expect(sections).toHaveLength(1);
    const section = sections[0]!;
    expect(section.querySelector("h2")?.textContent).toBe("References");
    expect(section.querySelector("ol.reference-list")).not.toBeNull();
    expect([...section.querySelectorAll("ol.reference-list > li")].map((li) => li.id)).toEqual([
      "ref-olah2020zoom",
      "ref-elhage2022toy",
      "ref-vaswani2017attention",
      "ref-muller2019accents",
      "ref-smith2018json",
    ]);
    expect(section.querySelector("#ref-uncited2000, #ref-elhage2022solu")).toBeNull();
  });

  it("links every reference back to each place that cites it", () => {
    for (const li of [...alpha.querySelectorAll("section.references li")]) {
      const key = li.id.replace(/^ref-/, "");
      const anchors = [
        ...alpha.querySelectorAll(`.article-body .cite-link[href="#ref-${key}"]`),
      ].map((a) => `#${a.id}`);
      const backlinks = [...li.querySelectorAll(".backlinks a")];
      expect(backlinks.map((a) => a.getAttribute("href"))).toEqual(anchors);
      expect(backlinks.map((a) => a.textContent)).toEqual(
        anchors.length === 1 ? ["↩"] : anchors.map((_, i) => "abc"[i]),
      );
    }
    const olahBacklinks = alpha.querySelectorAll("#ref-olah2020zoom .backlinks a");
    expect(olahBacklinks).toHaveLength(3);
  });

  it("gives every element on the page a unique id", () => {
    const ids = [...alpha.querySelectorAll("[id]")].map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("numbers each article on its own", () => {
    const beta = site.page("/topics/beta/");
    expect(citeLinks(beta)).toEqual([
      ["1", "#ref-elhage2022solu"],
      ["2, ch. 2", "#ref-olah2020zoom"],
    ]);
    expect([...beta.querySelectorAll("section.references li")].map((li) => li.id)).toEqual([
      "ref-elhage2022solu",
      "ref-olah2020zoom",
    ]);
  });

  it("builds a course bibliography at /references/ listing every cited work with the articles citing it", () => {
    expect(alpha.querySelector('a[href="/references/"]')).not.toBeNull();
    const page = site.page("/references/");
    const items = [...page.querySelectorAll(".bibliography-list > li")];
    expect(items.map((li) => li.id)).toEqual([
      "elhage2022solu",
      "elhage2022toy",
      "muller2019accents",
      "olah2020zoom",
      "smith2018json",
      "vaswani2017attention",
    ]);
    const citedIn = (li: Element) =>
      [...li.querySelectorAll(".cited-in a")].map((a) => [a.textContent, a.getAttribute("href")]);
    expect(items.map(citedIn)).toEqual([
      [["Beta", "/topics/beta/"]],
      [["Alpha", "/topics/alpha/"]],
      [["Alpha", "/topics/alpha/"]],
      [
        ["Alpha", "/topics/alpha/"],
        ["Beta", "/topics/beta/"],
      ],
      [["Alpha", "/topics/alpha/"]],
      [["Alpha", "/topics/alpha/"]],
    ]);
    const olah = items[3]!;
    expect(olah.querySelector(".reference-entry")?.innerHTML).toBe(
      alpha.querySelector("#ref-olah2020zoom .reference-entry")?.innerHTML,
    );
    expect(items[5]!.querySelector("a.reference-link")?.getAttribute("href")).toBe(
      "https://arxiv.org/abs/1706.03762",
    );
    expect(page.body.textContent).not.toContain("Never Cited");
  });
});

describe("citations in an author-date style (apa)", () => {
  let site: BuiltSite;
  let alpha: Document;
  beforeAll(async () => {
    site = await buildFixture("citations/apa");
    alpha = site.page("/topics/alpha/");
  });

  it("builds without problems", () => {
    expect(site.messages).toEqual([]);
    expect(site.ok).toBe(true);
  });

  it("cites as (Author, Year), with locators in the style's words and a, b for the same authors and year", () => {
    const clusters = [...alpha.querySelectorAll(".article-body .citation")];
    expect(clusters.map(visibleText)).toEqual([
      "(Olah & Cammarata, 2020)",
      "(Elhage et al., 2022b; Olah & Cammarata, 2020)",
      "(Elhage et al., 2022a, p. 4)",
      "(Vaswani & Shazeer, 2017, Section 3)",
      "(Müller & García, 2019)",
      "(Smith, 2018, Chapter 2)",
    ]);
    expect(citeLinks(alpha).map(([, href]) => href)).toEqual([
      "#ref-olah2020zoom",
      "#ref-elhage2022toy",
      "#ref-olah2020zoom",
      "#ref-elhage2022solu",
      "#ref-vaswani2017attention",
      "#ref-muller2019accents",
      "#ref-smith2018json",
    ]);
    expect(clusters).toHaveLength(countCiteShortcodes("citations/apa", "content/topics/alpha.md"));
  });

  it("lists the works alphabetically, unnumbered", () => {
    const section = alpha.querySelector("section.references")!;
    expect(section.querySelector("ol")).toBeNull();
    const items = [...section.querySelectorAll("ul.reference-list > li")];
    expect(items.map((li) => li.id)).toEqual([
      "ref-elhage2022solu",
      "ref-elhage2022toy",
      "ref-muller2019accents",
      "ref-olah2020zoom",
      "ref-smith2018json",
      "ref-vaswani2017attention",
    ]);
    expect(items[0]!.querySelector(".reference-entry")?.textContent).toBe(
      "Elhage, N., Hume, T., & Olsson, C. (2022a). Softmax Linear Units. Transformer Circuits Thread.",
    );
    expect(items[1]!.querySelector(".reference-entry")?.textContent).toMatch(
      /^Elhage, N\., Hume, T\., & Olsson, C\. \(2022b\)\. Toy Models/,
    );
    for (const li of items)
      expect(li.querySelector(".reference-entry")?.textContent).not.toMatch(/^\s*\d/);
  });

  it("links back from the list to each citation", () => {
    const backlinks = [...alpha.querySelectorAll("#ref-olah2020zoom .backlinks a")].map((a) =>
      a.getAttribute("href"),
    );
    const anchors = [...alpha.querySelectorAll('.cite-link[href="#ref-olah2020zoom"]')].map(
      (a) => `#${a.id}`,
    );
    expect(backlinks).toEqual(anchors);
    expect(anchors).toHaveLength(2);
  });

  it("formats the course bibliography in the same style", () => {
    const page = site.page("/references/");
    const olah = page.querySelector(".bibliography-list > li#olah2020zoom .reference-entry");
    expect(olah?.textContent).toMatch(/^Olah, C\., & Cammarata, N\. \(2020\)\. Zoom In/);
  });
});

describe("citations in a custom CSL style from _data/", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture("citations/custom-style");
  });

  it("uses the style's brackets, delimiter and entries", () => {
    expect(site.messages).toEqual([]);
    const page = site.page("/topics/alpha/");
    expect([...page.querySelectorAll(".article-body .citation")].map(visibleText)).toEqual([
      "[1]",
      "[1; 2]",
    ]);
    const items = [...page.querySelectorAll("section.references ol.reference-list > li")];
    expect(items.map((li) => li.id)).toEqual(["ref-olah2020zoom", "ref-elhage2022toy"]);
    // The style prints "[1]" in a number column of its own: the entry leaves it out.
    expect(items[0]!.querySelector(".reference-entry")?.textContent).toBe(
      "C. Olah, N. Cammarata. Zoom In: An Introduction to Circuits. 2020.",
    );
  });
});
