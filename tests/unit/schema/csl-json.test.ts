import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkCslJson, cslJsonItem } from "../../../src/schema/csl-json.js";
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

const located = (text: string) =>
  check(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`);

describe("checkCslJson", () => {
  it("keeps every field of a valid item as written, known or not", () => {
    const item = {
      id: "smith2018",
      type: "book",
      title: "A Book",
      author: [{ family: "Smith", given: "Alice", sequence: "first" }, { literal: "ACME" }],
      issued: { "date-parts": [[2018, "3"]], season: 1 },
      DOI: "10.1000/x",
      URL: "https://example.org",
      "container-title": "Series",
      "custom-field": { anything: [1, 2] },
    };
    expect(check(JSON.stringify([item], null, 2))).toEqual({
      items: [{ index: 0, item }],
      diagnostics: [],
    });
  });

  it("reports a field of the wrong type at its key, naming the item, and leaves the item out", () => {
    const text = [
      "[",
      '  {"id": "a", "type": "book", "DOI": 5},',
      '  {"id": "b", "type": "book", "URL": true, "title": ["T"]},',
      '  {"id": "c", "type": "book", "author": "Smith"},',
      '  {"id": "d", "type": "book", "author": [{"family": 1}]},',
      '  {"id": "e", "type": "book", "issued": {"date-parts": [[2018, true]]}},',
      '  {"id": "fine", "type": "book"}',
      "]",
    ].join("\n");
    const { items } = check(text);
    expect(items.map((i) => i.item.id)).toEqual(["fine"]);
    expect(located(text)).toEqual([
      '2:31 error bibliography-malformed Expected "DOI" of CSL-JSON item "a" to be a string, found a number 5',
      '3:44 error bibliography-malformed Expected "title" of CSL-JSON item "b" to be a string, found a list',
      '3:31 error bibliography-malformed Expected "URL" of CSL-JSON item "b" to be a string, found a boolean true',
      '4:31 error bibliography-malformed Expected "author" of CSL-JSON item "c" to be an array, found the string "Smith"',
      '5:43 error bibliography-malformed Expected "author[0].family" of CSL-JSON item "d" to be a string, found a number 1',
      // A list item is located at itself.
      '6:64 error bibliography-malformed Expected "issued.date-parts[0][1]" to be a number or a string, found a boolean true (CSL-JSON item "e")',
    ]);
  });

  it("reports a missing type at the item, and names an item without a usable id by its position", () => {
    const text = '[\n  {"id": "notype"},\n  {"type": 5},\n  {"id": 7, "type": "book"}\n]';
    expect(located(text)).toEqual([
      '2:3 error bibliography-malformed CSL-JSON item "notype" has no "type"',
      '3:3 error bibliography-malformed CSL-JSON item without an "id"',
      '3:4 error bibliography-malformed Expected "type" of CSL-JSON item 2 to be a string, found a number 5',
      '4:4 error bibliography-malformed CSL-JSON item without an "id"',
    ]);
  });

  it("reports a file that is not a list, and items that are not objects", () => {
    expect(located('{"id": "x", "type": "book"}')).toEqual([
      "1:1 error bibliography-malformed Expected a list of CSL-JSON items",
    ]);
    expect(located('[\n  "x",\n  null\n]')).toEqual([
      '2:3 error bibliography-malformed Expected a CSL-JSON item (an object with "id" and "type")',
      '3:3 error bibliography-malformed Expected a CSL-JSON item (an object with "id" and "type")',
    ]);
  });
});

describe("cslJsonItem", () => {
  it("requires a non-blank string id and a string type, and allows unknown fields", () => {
    expect(cslJsonItem.safeParse({ id: "x", type: "book", note: 1 }).success).toBe(true);
    expect(cslJsonItem.safeParse({ id: " ", type: "book" }).success).toBe(false);
    expect(cslJsonItem.safeParse({ id: "x" }).success).toBe(false);
  });
});
