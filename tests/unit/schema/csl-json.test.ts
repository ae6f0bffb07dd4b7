import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkCslJson, cslJsonItem, typeHint } from "../../../src/schema/csl-json.js";
import { readJsonFile } from "../../../src/source/json-file.js";
import { temporaryCourses } from "../../support/temporary-course.js";

const course = temporaryCourses("csl-json");

/** Checks the items as `_data/references.json`, pretty-printed: item i's `{` is on line 2 + …, column 3. */
function check(text: string) {
  const root = course({ "_data/references.json": text });
  const { file } = readJsonFile(path.join(root, "_data/references.json"), "_data/references.json");
  if (!file) throw new Error("unreadable JSON in a test");
  return checkCslJson(file);
}

/** Every problem, the file's then each item's, as `line:column severity rule message`. */
const located = (text: string) => {
  const { items, diagnostics } = check(text);
  return [...diagnostics, ...items.flatMap((i) => i.diagnostics)].map(
    (d) =>
      `${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}${d.hint ? ` | ${d.hint}` : ""}`,
  );
};

/** One item per line: `[\n  {…},\n  {…}\n]`. */
const list = (...items: string[]) => `[\n${items.map((i) => `  ${i}`).join(",\n")}\n]`;

describe("checkCslJson", () => {
  it("keeps every CSL field of a valid item as written", () => {
    const item = {
      id: "smith2018",
      type: "book",
      title: "A Book",
      author: [
        { family: "Smith", given: "Alice", "non-dropping-particle": "van" },
        { literal: "ACME" },
      ],
      editor: [{ family: "Jones" }],
      issued: { "date-parts": [[2018, "3"]], season: 1 },
      accessed: { raw: "2024-01-02" },
      volume: 3,
      page: "12-14",
      DOI: "10.1000/x",
      URL: "https://example.org",
      "container-title": "Series",
      categories: ["ml"],
      custom: { anything: [1, 2] },
    };
    expect(check(JSON.stringify([item], null, 2))).toEqual({
      items: [{ index: 0, key: "smith2018", item, diagnostics: [] }],
      diagnostics: [],
    });
  });

  it("reads a numeric id as its digits", () => {
    const { items } = check(list('{"id": 7, "type": "book"}'));
    expect(items[0]).toMatchObject({ key: "7", item: { id: "7" }, diagnostics: [] });
  });

  // The examples of the issue: each threw inside citeproc, or printed nonsense.
  it("reports the issue's examples at their field, naming the item", () => {
    const text = list(
      '{"id": "a", "type": "book", "author": [null]}',
      '{"id": "b", "type": "book", "author": [{"family": {"x": 1}}]}',
      '{"id": "c", "type": "book", "issued": {"date-parts": [["x"]]}}',
      '{"id": "d", "type": "journal"}',
      '{"id": "e", "type": "book", "title": 42}',
    );
    expect(located(text)).toEqual([
      '2:42 error bibliography-malformed Expected "author[0]" of CSL-JSON item "a" to be an object, found null',
      '3:43 error bibliography-malformed Expected "author[0].family" of CSL-JSON item "b" to be a string, found a map',
      '4:58 error bibliography-malformed Expected "issued.date-parts[0][0]" of CSL-JSON item "c" to be a whole number, found the string "x"',
      '5:15 error bibliography-malformed Unexpected type "journal" of CSL-JSON item "d", expected a CSL item type (article-journal, book, chapter, paper-conference, report, thesis, webpage, …) | did you mean "article-journal"?',
      '6:31 error bibliography-malformed Expected "title" of CSL-JSON item "e" to be a string, found a number 42',
    ]);
    expect(check(text).items.map((i) => [i.key, i.item])).toEqual([
      ["a", undefined],
      ["b", undefined],
      ["c", undefined],
      ["d", undefined],
      ["e", undefined],
    ]);
  });

  it("reports fields of the wrong type at their key, and keeps the valid items", () => {
    const text = list(
      '{"id": "a", "type": "book", "DOI": 5}',
      '{"id": "b", "type": "book", "URL": true, "title": ["T"]}',
      '{"id": "c", "type": "book", "author": "Smith"}',
      '{"id": "d", "type": "book", "volume": false}',
      '{"id": "e", "type": "book", "issued": {"date-parts": [[2018, true]]}}',
      '{"id": "fine", "type": "book"}',
    );
    expect(check(text).items.flatMap((i) => (i.item ? [i.item.id] : []))).toEqual(["fine"]);
    expect(located(text)).toEqual([
      '2:31 error bibliography-malformed Expected "DOI" of CSL-JSON item "a" to be a string, found a number 5',
      // In the schema's order of fields.
      '3:44 error bibliography-malformed Expected "title" of CSL-JSON item "b" to be a string, found a list',
      '3:31 error bibliography-malformed Expected "URL" of CSL-JSON item "b" to be a string, found a boolean true',
      '4:31 error bibliography-malformed Expected "author" of CSL-JSON item "c" to be an array, found the string "Smith"',
      '5:31 error bibliography-malformed Expected "volume" of CSL-JSON item "d" to be a string or a number, found a boolean false',
      '6:64 error bibliography-malformed Expected "issued.date-parts[0][1]" of CSL-JSON item "e" to be a whole number, found a boolean true',
    ]);
  });

  it("rejects empty names and dates, and dates of more than three parts or two ends", () => {
    expect(
      located(
        list(
          '{"id": "a", "type": "book", "author": [{"family": "A"}, {}]}',
          '{"id": "b", "type": "book", "issued": {}}',
          '{"id": "c", "type": "book", "issued": {"date-parts": [[2018, 1, 2, 3]]}}',
          '{"id": "d", "type": "book", "issued": {"date-parts": [[2018], [2019], [2020]]}}',
          '{"id": "e", "type": "book", "issued": {"date-parts": [[2018.5]]}}',
        ),
      ),
    ).toEqual([
      '2:59 error bibliography-malformed Expected "author[1]" of CSL-JSON item "a" to be a name with a "family", "given" or "literal" part, found {}',
      '3:31 error bibliography-malformed Expected "issued" of CSL-JSON item "b" to be a date with "date-parts", "raw" or "literal", found {}',
      '4:57 error bibliography-malformed Expected "issued.date-parts[0]" to have at most 3 items (CSL-JSON item "c")',
      '5:42 error bibliography-malformed Expected "issued.date-parts" to have at most 2 items (CSL-JSON item "d")',
      '6:58 error bibliography-malformed Expected "issued.date-parts[0][0]" of CSL-JSON item "e" to be a whole number, found a number 2018.5',
    ]);
  });

  it("warns that unknown fields are ignored, and leaves them out of the item", () => {
    const text = list(
      '{"id": "a", "type": "book", "colour": "blue", "author": [{"family": "A", "middle": "B"}]}',
    );
    expect(located(text)).toEqual([
      '2:31 warning bibliography-unknown-field Unknown field "colour" of CSL-JSON item "a" is ignored',
      '2:76 warning bibliography-unknown-field Unknown field "author[0].middle" of CSL-JSON item "a" is ignored',
    ]);
    expect(check(text).items[0]!.item).toEqual({
      id: "a",
      type: "book",
      author: [{ family: "A" }],
    });
  });

  it("reports a missing type at the item, and names an item without a usable id by its position", () => {
    const text =
      '[\n  {"id": "notype"},\n  {"type": 5},\n  {"id": true, "type": "book"},\n  {"id": " ", "type": "boook"}\n]';
    expect(located(text)).toEqual([
      '2:3 error bibliography-malformed CSL-JSON item "notype" has no "type"',
      '3:3 error bibliography-malformed CSL-JSON item without an "id"',
      '3:4 error bibliography-malformed Expected "type" of CSL-JSON item 2 to be a string, found a number 5',
      '4:4 error bibliography-malformed Expected "id" of CSL-JSON item 3 to be a string or a number, found a boolean true',
      '5:4 error bibliography-malformed CSL-JSON item without an "id"',
      '5:15 error bibliography-malformed Unexpected type "boook" of CSL-JSON item 4, expected a CSL item type (article-journal, book, chapter, paper-conference, report, thesis, webpage, …) | did you mean "book"?',
    ]);
    expect(check(text).items.map((i) => i.key)).toEqual([
      "notype",
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("reports a file that is not a list, and items that are not objects", () => {
    expect(located('{"id": "x", "type": "book"}')).toEqual([
      "1:1 error bibliography-malformed Expected a list of CSL-JSON items",
    ]);
    expect(located('[\n  "x",\n  null\n]')).toEqual([
      '2:3 error bibliography-malformed Expected a CSL-JSON item (an object with "id" and "type"), found the string "x"',
      '3:3 error bibliography-malformed Expected a CSL-JSON item (an object with "id" and "type"), found null',
    ]);
  });
});

describe("typeHint", () => {
  it("knows the BibTeX and Crossref names of CSL types", () => {
    expect(typeHint("journal")).toBe('did you mean "article-journal"?');
    expect(typeHint("inproceedings")).toBe('did you mean "paper-conference"?');
    expect(typeHint("journal-article")).toBe('did you mean "article-journal"?');
    expect(typeHint("phdthesis")).toBe('did you mean "thesis"?');
  });

  it("suggests close spellings, and types a word belongs to", () => {
    expect(typeHint("artcle-journal")).toBe('did you mean "article-journal"?');
    expect(typeHint("weblog")).toBe('did you mean "post-weblog"?');
    expect(typeHint("zzzzzzzz")).toBeUndefined();
  });
});

describe("cslJsonItem", () => {
  it("requires a non-blank id and a CSL type", () => {
    expect(cslJsonItem.safeParse({ id: "x", type: "book", note: "n" }).success).toBe(true);
    expect(cslJsonItem.safeParse({ id: " ", type: "book" }).success).toBe(false);
    expect(cslJsonItem.safeParse({ id: "x" }).success).toBe(false);
    expect(cslJsonItem.safeParse({ id: "x", type: "journal" }).success).toBe(false);
  });
});
