import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type BuiltSite } from "./harness.js";

/** Every HTML page the build wrote, parsed, by path from the output folder. */
function allPages(site: BuiltSite): [string, Document][] {
  return readdirSync(site.outDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => [file, parseHTML(readFileSync(path.join(site.outDir, file), "utf8")).document]);
}

/** A URL's scheme as a browser reads it (ignoring the whitespace and control characters it skips). */
function scheme(url: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f]+/g, "");
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase() ?? "";
}

describe("a bibliography with hostile entries", () => {
  let site: BuiltSite;
  let pages: [string, Document][];
  let alpha: Document;
  beforeAll(async () => {
    site = await buildFixture("citations/hostile");
    pages = allPages(site);
    alpha = site.page("/topics/alpha/");
  });

  it("builds, warning about each javascript: URL at its entry", () => {
    expect(site.ok).toBe(true);
    expect(site.messages).toEqual([
      '_data/references.bib:1:1: warning: URL "javascript:alert(document.cookie)" of "hostile2021" is not an http(s) URL; it is left out (bibliography-unsafe-url)',
      '_data/references.json:2:3: warning: URL " JavaScript:alert(3)" of "jsonhostile2019" is not an http(s) URL; it is left out (bibliography-unsafe-url)',
    ]);
  });

  it("shows a title with markup as text, in the card, the reference list and the course bibliography", () => {
    const title = "<img src=x onerror=alert(1)>";
    const card = alpha.getElementById(
      alpha.querySelector('.cite-link[href="#ref-hostile2021"]')!.getAttribute("aria-describedby")!,
    )!;
    expect(card.querySelector(".cite-card-entry")?.textContent).toBe(`Evil E. ${title}. 2021.`);
    expect(alpha.querySelector("#ref-hostile2021 .reference-entry")?.textContent).toBe(
      `Evil E. ${title}. 2021.`,
    );
    expect(alpha.querySelector("#ref-jsonhostile2019 .reference-entry")?.textContent).toBe(
      "Json J. From JSON <img src=x onerror=alert(2)>. 2019.",
    );
    const bibliography = site.page("/references/");
    expect(bibliography.querySelector("li#hostile2021 .reference-entry")?.textContent).toBe(
      `Evil E. ${title}. 2021.`,
    );
  });

  it("shows markup in a locator as text", () => {
    expect(alpha.querySelector('.cite-link[href="#ref-safe2020"]')?.textContent).toBe(
      "2, p. <img src=x onerror=alert(4)>",
    );
  });

  it("creates no img element anywhere", () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const [file, page] of pages) {
      expect(page.querySelectorAll("img"), file).toHaveLength(0);
      for (const script of [...page.querySelectorAll("script")])
        expect(script.textContent, file).not.toContain("alert(");
    }
  });

  it("never puts a javascript: URL in an href or src", () => {
    let links = 0;
    for (const [file, page] of pages) {
      for (const element of [...page.querySelectorAll("[href], [src]")]) {
        links++;
        for (const attribute of ["href", "src"]) {
          const value = element.getAttribute(attribute);
          if (value !== null)
            expect(scheme(value), `${file}: ${element.outerHTML}`).not.toMatch(
              /^(javascript|vbscript|data)$/,
            );
        }
      }
      expect(page.documentElement.outerHTML).not.toContain("alert(document.cookie)");
      expect(page.documentElement.outerHTML).not.toContain("alert(3)");
    }
    expect(links).toBeGreaterThan(0);
    // The safe entry keeps its link.
    expect(alpha.querySelector('#ref-safe2020 a[href="https://example.org/safe"]')).not.toBeNull();
  });

  // Regression: a `"` in a DOI (BibTeX `doi = {10.1000/x"onmouseover="alert(1)}`) or in a
  // CSL-JSON URL (`"URL": "https://example.org/\"onfocus=\"alert(2)"`) breaks
  // out of the href that citeproc writes for it: the page gets
  // <a href="https://doi.org/10.1000/x" onmouseover="alert(1)"> and
  // <a href="https://example.org/" onfocus="alert(2)">. Expected: no element
  // carries an event-handler attribute.
  it("lets no entry add an event-handler attribute to the page", () => {
    for (const [file, page] of pages) {
      for (const element of [...page.querySelectorAll("*")]) {
        const handlers = element
          .getAttributeNames()
          .filter((name) => name.toLowerCase().startsWith("on"));
        expect(handlers, `${file}: ${element.outerHTML}`).toEqual([]);
      }
    }
  });
});
