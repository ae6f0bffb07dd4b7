/**
 * Control characters (C0 but tab, line feed and carriage return; DEL; C1) are
 * an error in every text field, at the field, under one rule: frontmatter,
 * `_data/site.json` (the interface's words too) and `_data/blocks.json`.
 */
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/core/diagnostics.js";
import { loadBlocks } from "../../../src/schema/blocks.js";
import {
  articleFrontmatter,
  checkFrontmatter,
  pageFrontmatter,
} from "../../../src/schema/frontmatter.js";
import { loadOptions } from "../../../src/schema/site-options.js";
import { findControlCharacter } from "../../../src/schema/text.js";
import { parseSourceFile } from "../../../src/source/frontmatter.js";
import { temporaryCourses } from "../../support/temporary-course.js";

const HINT =
  "\n  hint: delete it (most editors do not show it); tab, line feed and carriage return are allowed";
const course = temporaryCourses("text-fields");

function frontmatter(
  lines: string[],
  schema: typeof articleFrontmatter | typeof pageFrontmatter = articleFrontmatter,
): string[] {
  const { file } = parseSourceFile(
    "content/topics/a.md",
    ["---", ...lines, "---", "body", ""].join("\n"),
  );
  return checkFrontmatter(schema, file).diagnostics.map(formatDiagnostic);
}

describe("findControlCharacter", () => {
  it("finds C0 (but tab, line feed, carriage return), DEL and C1", () => {
    expect(findControlCharacter("a\u0000")).toEqual({ index: 1, code: "U+0000" });
    expect(findControlCharacter("\u001b[31m")).toEqual({ index: 0, code: "U+001B" });
    expect(findControlCharacter("x\u007f")).toEqual({ index: 1, code: "U+007F" });
    expect(findControlCharacter("x\u0085")).toEqual({ index: 1, code: "U+0085" });
    expect(findControlCharacter("x\u009f")).toEqual({ index: 1, code: "U+009F" });
  });

  it("accepts tab, line feed, carriage return and everything printable", () => {
    expect(findControlCharacter("a\tb\nc\r\nd é 😀 \u00a0 \u200b")).toBeUndefined();
  });
});

describe("frontmatter text fields", () => {
  it("reports a NUL in a title at the title (YAML escape)", () => {
    expect(frontmatter(['title: "A\\0B"', "description: d"])).toEqual([
      `content/topics/a.md:2:8: error: Unexpected control character U+0000 in "title" (control-character)${HINT}`,
    ]);
  });

  it("reports one in every kind of field, each at its value", () => {
    expect(
      frontmatter([
        "title: T",
        'description: "d\\x85"',
        'category: "\\e[31m"',
        "prerequisites:",
        '  - "a\\x01"',
        '  - url: "/topics/\\x7f/"',
        'tags: ["\\x1b"]',
        "glossary:",
        '  - term: "t\\x02"',
        "    definition: ok",
      ]).sort(),
    ).toEqual(
      [
        `content/topics/a.md:3:14: error: Unexpected control character U+0085 in "description" (control-character)${HINT}`,
        `content/topics/a.md:4:11: error: Unexpected control character U+001B in "category" (control-character)${HINT}`,
        `content/topics/a.md:6:5: error: Unexpected control character U+0001 in "prerequisites[0]" (control-character)${HINT}`,
        `content/topics/a.md:7:10: error: Unexpected control character U+007F in "prerequisites[1].url" (control-character)${HINT}`,
        `content/topics/a.md:8:8: error: Unexpected control character U+001B in "tags[0]" (control-character)${HINT}`,
        `content/topics/a.md:10:11: error: Unexpected control character U+0002 in "glossary[0].term" (control-character)${HINT}`,
      ].sort(),
    );
  });

  it("reports them in pages too", () => {
    expect(frontmatter(['title: "\\0"'], pageFrontmatter)).toEqual([
      `content/topics/a.md:2:8: error: Unexpected control character U+0000 in "title" (control-character)${HINT}`,
    ]);
  });

  it("accepts tabs and line breaks in text", () => {
    expect(frontmatter(['title: "A\\tB"', "description: |", "  two", "  lines"])).toEqual([]);
  });
});

describe("_data/site.json text fields", () => {
  it("reports a control character in the title and in an interface word, at its key", () => {
    const root = course({
      "_data/site.json":
        '{\n  "title": "A\\u0000",\n  "ui": {\n    "references": "R\\u001b[2J"\n  }\n}\n',
    });
    expect(loadOptions(root).diagnostics.map(formatDiagnostic)).toEqual([
      `_data/site.json:2:3: error: Unexpected control character U+0000 in "title" (control-character)${HINT}`,
      `_data/site.json:4:5: error: Unexpected control character U+001B in "ui.references" (control-character)${HINT}`,
    ]);
  });

  it("accepts a byte-order mark", () => {
    const root = course({ "_data/site.json": '\ufeff{"title": "A"}' });
    expect(loadOptions(root)).toMatchObject({ diagnostics: [], options: { title: "A" } });
  });
});

describe("_data/blocks.json text fields", () => {
  it("reports a control character in a block's title and description, and leaves the block out", () => {
    const root = course({
      "_data/blocks.json":
        '[\n  {"slug": "a", "title": "A\\u0007"},\n  {"slug": "b", "title": "B", "description": "\\u0085"}\n]\n',
    });
    const { blocks, diagnostics } = loadBlocks(root);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `_data/blocks.json:2:17: error: Unexpected control character U+0007 in "title" of block "a" (control-character)${HINT}`,
      `_data/blocks.json:3:31: error: Unexpected control character U+0085 in "description" of block "b" (control-character)${HINT}`,
    ]);
    expect(blocks).toEqual([]);
  });

  it("reports a key given twice", () => {
    const root = course({ "_data/blocks.json": '[{"slug": "a", "title": "A", "title": "B"}]' });
    expect(loadBlocks(root).diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([
      "1:30 duplicate-key",
    ]);
  });
});
