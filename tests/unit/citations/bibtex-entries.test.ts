import { describe, expect, it } from "vitest";
import { BIBTEX_TYPES, rawField, scanBibtex } from "../../../src/citations/bibtex-entries.js";

/** Joins lines with "\n", so that line numbers in tests can be read off the array index (+1). */
const lines = (...text: string[]) => text.join("\n");

describe("scanBibtex", () => {
  it("splits a file into entries with their type, key, text, line and column", () => {
    const text = lines(
      "% a comment line",
      "@article{first2020,",
      "  title = {First},",
      "  year = 2020",
      "}",
      "",
      "@InProceedings{second2021, title = {Second}, year = {2021}}",
    );
    const scan = scanBibtex(text);
    expect(scan.problems).toEqual([]);
    expect(scan.macros).toEqual([]);
    expect(scan.entries).toEqual([
      {
        type: "article",
        key: "first2020",
        text: "@article{first2020,\n  title = {First},\n  year = 2020\n}",
        line: 2,
        column: 1,
        offset: 17,
      },
      {
        type: "inproceedings",
        key: "second2021",
        text: "@InProceedings{second2021, title = {Second}, year = {2021}}",
        line: 7,
        column: 1,
        offset: 73,
      },
    ]);
  });

  it("reports the column of an indented entry's @", () => {
    const scan = scanBibtex(lines("", "   @misc{indented, title = {I}}"));
    expect(scan.entries.map((e) => [e.key, e.line, e.column])).toEqual([["indented", 2, 4]]);
  });

  it("accepts parentheses as entry delimiters", () => {
    const scan = scanBibtex("@book(paren2019, title = {Parenthesised (really)}, year = 2019)");
    expect(scan.problems).toEqual([]);
    expect(scan.entries).toHaveLength(1);
    expect(scan.entries[0]!.key).toBe("paren2019");
    expect(scan.entries[0]!.text).toBe(
      "@book(paren2019, title = {Parenthesised (really)}, year = 2019)",
    );
  });

  it("keeps keys with colons, dashes and dots", () => {
    const scan = scanBibtex("@misc{doe:2020-x.y, title = {K}}");
    expect(scan.entries.map((e) => e.key)).toEqual(["doe:2020-x.y"]);
  });

  it("collects @string and @preamble blocks as macros, not entries", () => {
    const text = lines(
      '@string{ neurips = "Advances in Neural Information Processing Systems" }',
      '@STRING(icml = "ICML")',
      '@preamble{ "\\newcommand{\\noop}[1]{}" }',
      "@article{a2020, journal = neurips, title = {A}}",
    );
    const scan = scanBibtex(text);
    expect(scan.problems).toEqual([]);
    expect(scan.macros).toEqual([
      '@string{ neurips = "Advances in Neural Information Processing Systems" }',
      '@STRING(icml = "ICML")',
      '@preamble{ "\\newcommand{\\noop}[1]{}" }',
    ]);
    expect(scan.entries.map((e) => e.key)).toEqual(["a2020"]);
  });

  it("skips @comment blocks entirely", () => {
    const text = lines(
      "@comment{jabref-meta: databaseType:bibtex;}",
      "@Comment{ @article{notreal, title={x}} }",
      "@misc{real2020, title = {R}}",
    );
    const scan = scanBibtex(text);
    expect(scan.problems).toEqual([]);
    expect(scan.macros).toEqual([]);
    expect(scan.entries.map((e) => e.key)).toEqual(["real2020"]);
  });

  it("ignores an @ that does not begin a line, and text between entries", () => {
    const text = lines(
      "Mail me at someone@example.org.",
      "% @article{commented, title={x}}",
      "@misc{only, title = {O}}",
    );
    const scan = scanBibtex(text);
    expect(scan.problems).toEqual([]);
    expect(scan.entries.map((e) => e.key)).toEqual(["only"]);
  });

  it("does not count escaped braces when matching an entry's braces", () => {
    const scan = scanBibtex(lines("@misc{esc, title = {A \\{ brace}}", "@misc{next, title = {N}}"));
    expect(scan.problems).toEqual([]);
    expect(scan.entries.map((e) => e.key)).toEqual(["esc", "next"]);
  });

  it("reports unbalanced braces at the entry's line, without swallowing the next entry", () => {
    const text = lines(
      "@article{good1, title = {Good one}, year = 2020}", // 1
      "", // 2
      "@article{broken,", // 3
      "  title = {Never closed,", // 4
      "  year = 2021", // 5
      "}", // 6
      "", // 7
      "@article{good2, title = {Good two}, year = 2022}", // 8
    );
    const scan = scanBibtex(text);
    expect(scan.problems).toEqual([
      {
        line: 3,
        column: 1,
        message: "Unbalanced braces: entry @article is not closed before the next entry",
        // The key is read from the head: a page citing the entry makes its problem an error.
        key: "broken",
      },
    ]);
    expect(scan.entries.map((e) => [e.key, e.line])).toEqual([
      ["good1", 1],
      ["good2", 8],
    ]);
    expect(scan.entries[1]!.text).toBe("@article{good2, title = {Good two}, year = 2022}");
  });

  it("reports an entry left open at the end of the file", () => {
    const scan = scanBibtex(lines("@misc{fine, title = {F}}", "@misc{last, title = {Open}"));
    expect(scan.problems).toEqual([
      {
        line: 2,
        column: 1,
        message: "Unbalanced braces: entry @misc is not closed before the end of the file",
        key: "last",
      },
    ]);
    expect(scan.entries.map((e) => e.key)).toEqual(["fine"]);
  });

  it("reports a missing key", () => {
    const text = lines(
      "@article{,",
      "  title = {No key}",
      "}",
      "@article{title = {Also no key}}",
      "@misc{fine, title = {F}}",
    );
    const scan = scanBibtex(text);
    expect(scan.problems).toEqual([
      { line: 1, column: 1, message: "Missing key: expected @article{key, …}", key: undefined },
      { line: 4, column: 1, message: "Missing key: expected @article{key, …}", key: undefined },
    ]);
    expect(scan.entries.map((e) => e.key)).toEqual(["fine"]);
  });

  it("reports an unknown entry type, naming the key", () => {
    const scan = scanBibtex(lines("@misc{fine, title = {F}}", "@artcle{typo2020, title = {T}}"));
    expect(scan.problems).toEqual([
      { line: 2, column: 1, message: 'Unknown entry type @artcle for "typo2020"', key: "typo2020" },
    ]);
    expect(scan.entries.map((e) => e.key)).toEqual(["fine"]);
  });

  it("reports an @ that does not start an entry", () => {
    const scan = scanBibtex(lines("@misc{fine, title = {F}}", "@ oops"));
    expect(scan.problems).toEqual([
      { line: 2, column: 1, message: "Malformed entry: expected @type{key, …}", key: undefined },
    ]);
    expect(scan.entries).toHaveLength(1);
  });

  it("knows BibTeX and BibLaTeX types, case-insensitively", () => {
    for (const type of ["article", "inproceedings", "online", "software", "dataset", "thesis"]) {
      expect(BIBTEX_TYPES.has(type)).toBe(true);
    }
    const scan = scanBibtex("@ONLINE{web2024, title = {W}, url = {https://example.org}}");
    expect(scan.entries.map((e) => e.type)).toEqual(["online"]);
  });

  it("counts lines in files with CRLF line endings", () => {
    const scan = scanBibtex("@misc{a, title = {A}}\r\n\r\n@misc{b, title = {B}}\r\n");
    expect(scan.entries.map((e) => [e.key, e.line, e.column])).toEqual([
      ["a", 1, 1],
      ["b", 3, 1],
    ]);
  });
});

describe("rawField", () => {
  const entry = lines(
    "@misc{vaswani2017,",
    "  title = {Attention},",
    "  Eprint = {1706.03762},",
    '  archivePrefix = "arXiv",',
    "  primaryClass = cs.CL,",
    "  eprinttype = arxiv",
    "}",
  );

  it("reads braced, quoted and bare values, case-insensitively", () => {
    expect(rawField(entry, "eprint")).toBe("1706.03762");
    expect(rawField(entry, "archiveprefix")).toBe("arXiv");
    expect(rawField(entry, "primaryclass")).toBe("cs.CL");
    expect(rawField(entry, "eprinttype")).toBe("arxiv");
  });

  it("does not confuse a field with a longer field that starts with its name", () => {
    expect(rawField("@misc{k, eprinttype = {arxiv}}", "eprint")).toBeUndefined();
    expect(rawField("@misc{k, primaryeprint = {1}}", "eprint")).toBeUndefined();
  });

  it("trims the value and treats an empty one as absent", () => {
    expect(rawField("@misc{k, eprint = {  2101.00001  }}", "eprint")).toBe("2101.00001");
    expect(rawField("@misc{k, eprint = {}}", "eprint")).toBeUndefined();
    expect(rawField("@misc{k, eprint = {   }}", "eprint")).toBeUndefined();
  });

  it("returns undefined for a missing field", () => {
    expect(rawField(entry, "doi")).toBeUndefined();
  });
});
