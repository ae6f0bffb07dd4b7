import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/core/diagnostics.js";
import { readJsonFile } from "../../../src/source/json-file.js";
import { temporaryCourses } from "../../support/temporary-course.js";

const course = temporaryCourses("json-file");

function read(content: string | Buffer) {
  const root = course();
  writeFileSync(path.join(root, "site.json"), content);
  return readJsonFile(path.join(root, "site.json"), "_data/site.json");
}

describe("readJsonFile: duplicate keys", () => {
  it("reports a key given twice at the second, naming the first (JSON.parse would keep the last)", () => {
    const { file, diagnostics } = read('{\n  "title": "A",\n  "lang": "en",\n  "title": "B"\n}\n');
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      '_data/site.json:4:3: error: Duplicate key "title": already set at line 2, column 3 (duplicate-key)\n  hint: keep one of them (JSON would silently use the last)',
    ]);
    expect(file?.value).toEqual({ title: "B", lang: "en" });
  });

  it("finds them in nested objects and in objects inside lists", () => {
    const { diagnostics } = read(
      '[\n  {"slug": "a", "title": "A", "slug": "b"},\n  {"ui": {"x": 1, "x": 2}}\n]\n',
    );
    expect(diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [2, 31, 'Duplicate key "slug": already set at line 2, column 4'],
      [3, 19, 'Duplicate key "x": already set at line 3, column 11'],
    ]);
  });

  it("compares keys after unescaping, as JSON.parse does", () => {
    const { diagnostics } = read('{"title": "A", "\\u0074itle": "B"}');
    expect(diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([[1, 16, "duplicate-key"]]);
  });

  it("accepts the same key in different objects", () => {
    expect(read('{"a": {"title": 1}, "b": {"title": 2}}').diagnostics).toEqual([]);
  });
});

describe("readJsonFile: encoding", () => {
  it("reports bytes that are not UTF-8 at their line", () => {
    const { file, diagnostics } = read(
      Buffer.concat([
        Buffer.from('{\n  "title": "Caf'),
        Buffer.from([0xe9]),
        Buffer.from('"\n}\n'),
      ]),
    );
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "_data/site.json:2:16: error: The file is not valid UTF-8: these bytes would show as \ufffd (invalid-utf8)\n  hint: save the file as UTF-8",
    ]);
    expect(file?.value).toEqual({ title: "Caf\ufffd" });
  });

  it("accepts a byte-order mark, and keeps positions as the editor shows them", () => {
    const { file, diagnostics } = read('\ufeff{\n  "title": "A"\n}\n');
    expect(diagnostics).toEqual([]);
    expect(file?.locate(["title"])).toEqual({ line: 2, column: 3 });
  });
});

describe("readJsonFile: nothing throws", () => {
  it("reads JSON nested deeper than the YAML parser follows, losing only positions", () => {
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    const { file, diagnostics } = read(`{"a": ${deep}}`);
    expect(diagnostics).toEqual([]);
    expect(file?.locate(["a"])).toEqual({ line: 1, column: 2 });
  });

  it("reports malformed JSON at its position", () => {
    const { file, diagnostics } = read('{"title": "A",}');
    expect(file).toBeUndefined();
    expect(diagnostics.map((d) => [d.line, d.rule])).toEqual([[1, "json-syntax"]]);
  });
});
