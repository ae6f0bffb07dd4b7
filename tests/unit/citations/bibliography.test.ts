import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  BIBTEX_ENCODING_HINT,
  fingerprint,
  loadBibliography,
} from "../../../src/citations/bibliography.js";
import { temporaryCourses } from "../../support/temporary-course.js";

const course = temporaryCourses("bibliography");

const bib = (...lines: string[]) => ({ "_data/references.bib": lines.join("\n") });
const json = (items: unknown) => ({ "_data/references.json": JSON.stringify(items, null, 2) });
/** The bibliography, and every problem found in it: the entries left out report theirs as errors. */
const load = (files: Record<string, string>) => {
  const { bibliography, diagnostics } = loadBibliography(course(files));
  return {
    bibliography,
    diagnostics: [...diagnostics, ...bibliography.malformed.flatMap((m) => m.problems)],
  };
};

describe("loadBibliography", () => {
  it("is absent when the course has neither file", () => {
    const { bibliography, diagnostics } = load({ "_data/site.json": "{}" });
    expect(bibliography.present).toBe(false);
    expect(bibliography.works.size).toBe(0);
    expect(diagnostics).toEqual([]);
  });

  it("reads BibTeX and CSL-JSON together, keeping where each work was defined", () => {
    const { bibliography, diagnostics } = load({
      ...bib(
        "% Works in BibTeX", // 1
        "@article{olah2020zoom,", // 2
        "  title = {Zoom In},", // 3
        "  author = {Olah, Chris},", // 4
        "  journal = {Distill},", // 5
        "  year = {2020}", // 6
        "}", // 7
      ),
      ...json([
        {
          id: "smith2018",
          type: "book",
          title: "A Book",
          author: [{ family: "Smith", given: "Alice" }],
          issued: { "date-parts": [[2018]] },
        },
      ]),
    });
    expect(diagnostics).toEqual([]);
    expect(bibliography.present).toBe(true);
    expect([...bibliography.works.keys()]).toEqual(["olah2020zoom", "smith2018"]);

    const olah = bibliography.works.get("olah2020zoom")!;
    expect(olah).toMatchObject({
      id: "olah2020zoom",
      file: "_data/references.bib",
      line: 2,
      column: 1,
    });
    expect(olah.item).toMatchObject({
      id: "olah2020zoom",
      type: "article-journal",
      title: "Zoom In",
      author: [{ family: "Olah", given: "Chris" }],
      "container-title": "Distill",
      issued: { "date-parts": [[2020]] },
    });

    const smith = bibliography.works.get("smith2018")!;
    // The item's `{` is on line 2, column 3 of the pretty-printed JSON.
    expect(smith).toMatchObject({
      id: "smith2018",
      file: "_data/references.json",
      line: 2,
      column: 3,
    });
    expect(smith.item).toMatchObject({ type: "book", title: "A Book" });
  });

  it("reads a CSL-JSON bibliography on its own", () => {
    const { bibliography, diagnostics } = load(json([{ id: "only", type: "book", title: "Only" }]));
    expect(diagnostics).toEqual([]);
    expect(bibliography.present).toBe(true);
    expect([...bibliography.works.keys()]).toEqual(["only"]);
  });

  it("reports a key defined in both files as an error naming both places, keeping the first", () => {
    const { bibliography, diagnostics } = load({
      ...bib(
        "@misc{other, title = {Other}}",
        "",
        "@misc{shared2020,",
        "  title = {From BibTeX}",
        "}",
      ),
      ...json([
        { id: "json-only", type: "book", title: "J" },
        { id: "shared2020", type: "book", title: "From JSON" },
      ]),
    });
    expect(diagnostics).toEqual([
      {
        file: "_data/references.json",
        line: 7,
        column: 3,
        severity: "error",
        rule: "bibliography-duplicate-key",
        message: 'Key "shared2020" is defined twice: first at _data/references.bib:3:1',
      },
    ]);
    expect(bibliography.works.get("shared2020")).toMatchObject({
      file: "_data/references.bib",
      line: 3,
    });
    expect(bibliography.works.get("shared2020")!.item.title).toBe("From BibTeX");
    expect([...bibliography.works.keys()]).toEqual(["other", "shared2020", "json-only"]);
  });

  it("reports a key defined twice in the BibTeX file at the second definition", () => {
    const { diagnostics } = load(bib("@misc{twice, title = {One}}", "@misc{twice, title = {Two}}"));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      file: "_data/references.bib",
      line: 2,
      column: 1,
      severity: "error",
      rule: "bibliography-duplicate-key",
      message: 'Key "twice" is defined twice: first at _data/references.bib:1:1',
    });
  });

  describe("LaTeX in BibTeX fields", () => {
    const { bibliography, diagnostics } = load(
      bib(
        '@string{venue = "Workshop on Umlauts"}',
        "@inproceedings{muller2019,",
        "  title = {{GPT} Models \\& Accents -- a Study},",
        "  author = {M{\\\"u}ller, Hans and Garc{\\'\\i}a, Ana and Fran{\\c{c}}ois, Luc},",
        "  booktitle = venue,",
        "  pages = {10--20},",
        "  year = {2019}",
        "}",
      ),
    );
    const item = bibliography.works.get("muller2019")!.item;

    it("reads the entry without problems", () => {
      expect(diagnostics).toEqual([]);
    });

    it("turns accent commands into composed letters", () => {
      expect(item.author?.map((a) => a.family)).toEqual(["Müller", "García", "François"]);
      for (const author of item.author ?? []) {
        expect(author.family).toBe(author.family?.normalize("NFC"));
        expect(author.family).not.toMatch(/[\u0300-\u036f\u0131]/);
      }
    });

    it("keeps protected capitals without their braces, unescapes \\& and turns -- into an en dash", () => {
      expect(item.title).toBe("GPT Models & Accents – a Study");
    });

    it("expands @string macros", () => {
      expect(item["container-title"]).toBe("Workshop on Umlauts");
    });
  });

  describe("links to the paper", () => {
    const { bibliography, diagnostics } = load({
      ...bib(
        "@article{bydoi, title = {D}, doi = {10.1000/xyz123}}", // 1
        "@article{bydoiurl, title = {D}, doi = {https://doi.org/10.1000/abc}}", // 2
        "@article{byurl, title = {U}, url = {https://example.org/paper.pdf}}", // 3
        "@article{both, title = {B}, doi = {10.1000/both}, url = {https://example.org/both}}", // 4
        "@misc{byarxiv, title = {A}, eprint = {1706.03762}, archivePrefix = {arXiv}}", // 5
        "@online{byeprinttype, title = {A}, eprint = {2301.00001}, eprinttype = {arxiv}}", // 6
        "@misc{bareeprint, title = {A}, eprint = {hep-th/9901001}}", // 7
        "@misc{hal, title = {H}, eprint = {hal-0001}, archivePrefix = {HAL}}", // 8
        "@misc{arxivandurl, title = {A}, eprint = {1706.03762}, archivePrefix = {arXiv}, url = {https://example.org/x}}", // 9
        "@misc{nolink, title = {N}}", // 10
        "@misc{dangerous, title = {X}, url = {javascript:alert(1)}}", // 11
      ),
      ...json([
        { id: "jsondoi", type: "article", title: "J", DOI: "doi:10.5555/json" },
        { id: "jsonurl", type: "webpage", title: "J", URL: "http://example.com/page" },
        { id: "jsondangerous", type: "webpage", title: "J", URL: " JavaScript:alert(2)" },
        {
          id: "jsondata",
          type: "webpage",
          title: "J",
          URL: "data:text/html,<script>alert(3)</script>",
        },
      ]),
    });
    const link = (id: string) => bibliography.works.get(id)!.link;

    it("links a DOI at https://doi.org/", () => {
      expect(link("bydoi")).toEqual({
        href: "https://doi.org/10.1000/xyz123",
        label: "doi:10.1000/xyz123",
      });
      expect(bibliography.works.get("bydoi")!.item.DOI).toBe("10.1000/xyz123");
    });

    it("accepts a DOI written as a URL or with a doi: prefix", () => {
      expect(link("bydoiurl")).toEqual({
        href: "https://doi.org/10.1000/abc",
        label: "doi:10.1000/abc",
      });
      expect(bibliography.works.get("bydoiurl")!.item.DOI).toBe("10.1000/abc");
      expect(link("jsondoi")).toEqual({
        href: "https://doi.org/10.5555/json",
        label: "doi:10.5555/json",
      });
    });

    it("links a URL, labelled with its host", () => {
      expect(link("byurl")).toEqual({
        href: "https://example.org/paper.pdf",
        label: "example.org",
      });
      expect(link("jsonurl")).toEqual({ href: "http://example.com/page", label: "example.com" });
    });

    it("prefers the DOI to the URL", () => {
      expect(link("both")).toEqual({
        href: "https://doi.org/10.1000/both",
        label: "doi:10.1000/both",
      });
    });

    it("links an arXiv eprint at https://arxiv.org/abs/", () => {
      expect(link("byarxiv")).toEqual({
        href: "https://arxiv.org/abs/1706.03762",
        label: "arXiv:1706.03762",
      });
      expect(link("byeprinttype")).toEqual({
        href: "https://arxiv.org/abs/2301.00001",
        label: "arXiv:2301.00001",
      });
      expect(link("bareeprint")).toEqual({
        href: "https://arxiv.org/abs/hep-th/9901001",
        label: "arXiv:hep-th/9901001",
      });
    });

    it("does not link an eprint of another archive", () => {
      expect(link("hal")).toBeUndefined();
    });

    it("prefers the URL to the arXiv page", () => {
      expect(link("arxivandurl")).toEqual({ href: "https://example.org/x", label: "example.org" });
    });

    it("has no link when the work has no DOI, URL or eprint", () => {
      expect(link("nolink")).toBeUndefined();
    });

    it("drops a javascript: or data: URL with a warning at the work's definition", () => {
      for (const id of ["dangerous", "jsondangerous", "jsondata"]) {
        expect(link(id)).toBeUndefined();
        expect(bibliography.works.get(id)!.item.URL).toBeUndefined();
      }
      const warnings = diagnostics.filter((d) => d.rule === "bibliography-unsafe-url");
      expect(warnings.map((d) => [d.file, d.line, d.column, d.severity])).toEqual([
        ["_data/references.bib", 11, 1, "warning"],
        ["_data/references.json", 14, 3, "warning"],
        ["_data/references.json", 20, 3, "warning"],
      ]);
      expect(warnings[0]!.message).toBe(
        'URL "javascript:alert(1)" of "dangerous" is not an http(s) URL; it is left out',
      );
      expect(warnings[1]!.message).toContain('"jsondangerous"');
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    });
  });

  describe("malformed CSL-JSON", () => {
    it("reports an item without an id at its position and keeps the others", () => {
      const { bibliography, diagnostics } = load(
        json([
          { id: "fine", type: "book", title: "Fine" },
          { type: "book", title: "No id" },
          { id: "  ", type: "book", title: "Blank id" },
          { id: "notype", title: "No type" },
          "not an item",
          { id: "alsofine", type: "book", title: "Also fine" },
        ]),
      );
      expect([...bibliography.works.keys()]).toEqual(["fine", "alsofine"]);
      expect(
        diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.rule, d.message]),
      ).toEqual([
        [
          "_data/references.json",
          7,
          3,
          "error",
          "bibliography-malformed",
          'CSL-JSON item without an "id"',
        ],
        // A blank id is reported at its key; a missing one at its item.
        [
          "_data/references.json",
          12,
          5,
          "error",
          "bibliography-malformed",
          'CSL-JSON item without an "id"',
        ],
        [
          "_data/references.json",
          16,
          3,
          "error",
          "bibliography-malformed",
          'CSL-JSON item "notype" has no "type"',
        ],
        [
          "_data/references.json",
          20,
          3,
          "error",
          "bibliography-malformed",
          'Expected a CSL-JSON item (an object with "id" and "type"), found the string "not an item"',
        ],
      ]);
    });

    it("reports a field Syllabus reads of the wrong type at its key and keeps the other works", () => {
      const { bibliography, diagnostics } = load(
        json([
          { id: "numeric-doi", type: "book", DOI: 1234 },
          { id: "fine", type: "book", DOI: "10.1000/fine" },
        ]),
      );
      expect([...bibliography.works.keys()]).toEqual(["fine"]);
      expect(diagnostics).toEqual([
        {
          file: "_data/references.json",
          line: 5,
          column: 5,
          severity: "error",
          rule: "bibliography-malformed",
          message:
            'Expected "DOI" of CSL-JSON item "numeric-doi" to be a string, found a number 1234',
        },
      ]);
    });

    it("reports a file that is not a list", () => {
      const { bibliography, diagnostics } = load({
        "_data/references.json": '{ "id": "x", "type": "book" }',
      });
      expect(bibliography.works.size).toBe(0);
      expect(diagnostics).toMatchObject([
        {
          file: "_data/references.json",
          line: 1,
          column: 1,
          severity: "error",
          message: "Expected a list of CSL-JSON items",
        },
      ]);
    });

    it("reports invalid JSON with its position", () => {
      const { bibliography, diagnostics } = load({
        "_data/references.json": '[\n  { "id": "x", "type": "book", }\n]',
      });
      expect(bibliography.present).toBe(true);
      expect(bibliography.works.size).toBe(0);
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({
        file: "_data/references.json",
        line: 2,
        severity: "error",
        rule: "json-syntax",
      });
    });
  });

  describe("malformed BibTeX", () => {
    it("reports unbalanced braces at the entry's line and keeps the entries around it", () => {
      const { bibliography, diagnostics } = load(
        bib(
          "@article{before, title = {Before}, year = 2019}", // 1
          "@article{broken,", // 2
          "  title = {Never closed,", // 3
          "  year = 2020", // 4
          "}", // 5
          "@article{after, title = {After}, year = 2021}", // 6
        ),
      );
      expect([...bibliography.works.keys()]).toEqual(["before", "after"]);
      expect(diagnostics).toEqual([
        {
          file: "_data/references.bib",
          line: 2,
          column: 1,
          severity: "error",
          rule: "bibliography-malformed",
          message: "Unbalanced braces: entry @article is not closed before the next entry",
        },
      ]);
    });

    const syntaxError = bib(
      "@article{before, title = {Before}, year = 2019}", // 1
      "@article{broken,", // 2
      "  title = {Missing comma}", // 3
      "  author = {Someone},", // 4
      "  year = 2020", // 5
      "}", // 6
      "@article{after, title = {After}, year = 2021}", // 7
    );

    it("reports a syntax error inside an entry at its line and keeps the other entries", () => {
      const { bibliography, diagnostics } = load(syntaxError);
      expect([...bibliography.works.keys()]).toEqual(["before", "after"]);
      const located = diagnostics.find((d) => d.message.startsWith('Malformed entry "broken"'));
      expect(located).toMatchObject({
        file: "_data/references.bib",
        line: 4,
        severity: "error",
        rule: "bibliography-malformed",
      });
    });

    // Regression: readBibtex reports the same malformed entry twice: once at the line
    // citation-js points to ("Malformed entry …" at 4:3), and again as
    // `Entry "broken" could not be read` at the entry's own line (2:1), because
    // its de-duplication only looks for a diagnostic on the entry's first line.
    it("reports a syntax error inside an entry only once", () => {
      const { diagnostics } = load(syntaxError);
      expect(diagnostics.filter((d) => d.message.includes('"broken"'))).toHaveLength(1);
    });

    it("reports a missing key and an unknown entry type, keeping the valid entries", () => {
      const { bibliography, diagnostics } = load(
        bib(
          "@article{, title = {No key}}",
          "@artcle{typo2020, title = {Typo}}",
          "@misc{fine, title = {Fine}}",
        ),
      );
      expect([...bibliography.works.keys()]).toEqual(["fine"]);
      expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.message])).toEqual([
        [1, 1, "error", "Missing key: expected @article{key, …}"],
        [2, 1, "error", 'Unknown entry type @artcle for "typo2020"'],
      ]);
    });

    it("keeps each malformed entry aside with its key, for the cited-or-not rule", () => {
      const { bibliography } = loadBibliography(
        course(
          bib(
            "@article{, title = {No key}}",
            "@artcle{typo2020, title = {Typo}}",
            "@article{open2021, title = {Never closed}",
            "@misc{fine, title = {Fine}}",
          ),
        ),
      );
      expect(bibliography.malformed.map((m) => m.key)).toEqual([undefined, "typo2020", "open2021"]);
    });

    // citation-js reads `and` with nobody after it as an empty name, which citeproc prints as nothing.
    it("checks what citation-js made of an entry with the CSL-JSON schema, at the field", () => {
      const { bibliography, diagnostics } = load(
        bib(
          "@article{bad2020,", // 1
          "  title = {Bad},", // 2
          "  author = {Smith, John and },", // 3
          "  year = 2020", // 4
          "}", // 5
          "@misc{fine, title = {Fine}}", // 6
        ),
      );
      expect([...bibliography.works.keys()]).toEqual(["fine"]);
      expect(bibliography.malformed.map((m) => m.key)).toEqual(["bad2020"]);
      expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.message])).toEqual([
        [
          3,
          3,
          "error",
          'Expected "author[1]" of entry "bad2020" to be a name with a "family", "given" or "literal" part, found {}',
        ],
      ]);
    });
  });

  describe("encoding", () => {
    it("reports a .bib in ISO-8859-1 at its first invalid byte, with how to export it as UTF-8", () => {
      const root = course({});
      mkdirSync(path.join(root, "_data"));
      writeFileSync(
        path.join(root, "_data/references.bib"),
        Buffer.from("@book{m,\n  author = {M\u00fcller, J},\n  title = {T}\n}\n", "latin1"),
      );
      const { bibliography, diagnostics } = loadBibliography(root);
      expect(diagnostics).toEqual([
        {
          file: "_data/references.bib",
          line: 2,
          column: 14,
          severity: "error",
          rule: "invalid-utf8",
          message: "The file is not valid UTF-8: these bytes would show as \ufffd",
          hint: BIBTEX_ENCODING_HINT,
        },
      ]);
      // The rest is still read, so that citing it is not also an unknown key.
      expect([...bibliography.works.keys()]).toEqual(["m"]);
    });

    it("accepts a byte-order mark", () => {
      const { bibliography, diagnostics } = load({
        "_data/references.bib": "\ufeff@misc{a, title = {One}}",
      });
      expect(diagnostics).toEqual([]);
      expect([...bibliography.works.keys()]).toEqual(["a"]);
    });
  });

  it("fingerprints the content of the files", () => {
    const one = load(bib("@misc{a, title = {One}}")).bibliography.fingerprint;
    const same = load(bib("@misc{a, title = {One}}")).bibliography.fingerprint;
    const other = load(bib("@misc{a, title = {Two}}")).bibliography.fingerprint;
    expect(one).toBe(same);
    expect(one).not.toBe(other);
    expect(fingerprint("")).toMatch(/^[0-9a-f]+$/);
  });
});
