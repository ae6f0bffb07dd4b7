import { describe, expect, it } from "vitest";
import { blocksFile, declaredBlock, loadBlocks } from "../../../src/schema/blocks.js";
import { temporaryCourses } from "../../support/temporary-course.js";

const course = temporaryCourses("blocks");
const projectWithBlocks = (json: string) => course({ "_data/blocks.json": json });

describe("loadBlocks", () => {
  it("returns no blocks and no problems when the file is absent", () => {
    const root = course();
    expect(loadBlocks(root)).toEqual({ blocks: [], diagnostics: [] });
  });

  it("reads blocks in order, defaulting the description to empty", () => {
    const root = projectWithBlocks(
      '[{"slug":"basics","title":"Basics","description":"Start here"},{"slug":"advanced","title":"Advanced"}]',
    );
    expect(loadBlocks(root)).toEqual({
      blocks: [
        { slug: "basics", title: "Basics", description: "Start here" },
        { slug: "advanced", title: "Advanced", description: "" },
      ],
      diagnostics: [],
    });
  });

  it("ignores a byte-order mark", () => {
    expect(loadBlocks(projectWithBlocks('\ufeff[{"slug":"a","title":"A"}]')).blocks).toEqual([
      { slug: "a", title: "A", description: "" },
    ]);
  });

  it("reports malformed JSON at its line and column", () => {
    const root = projectWithBlocks('[\n  {"slug": "a",\n   "title": "A",}\n]');
    expect(loadBlocks(root)).toEqual({
      blocks: [],
      diagnostics: [
        {
          file: "_data/blocks.json",
          line: 3,
          column: 17,
          severity: "error",
          rule: "json-syntax",
          message: expect.stringMatching(/^Malformed JSON: /) as unknown,
        },
      ],
    });
  });

  it("does not repeat JSON.parse's offset in the message", () => {
    const [diagnostic] = loadBlocks(projectWithBlocks('[\n  {"slug": "a"')).diagnostics;
    expect(diagnostic?.line).toBe(2);
    expect(diagnostic?.column).toBe(15);
    expect(diagnostic?.message).not.toMatch(/position/);
  });

  it("reports a missing or empty title at the block or at the key", () => {
    const root = projectWithBlocks(
      '[\n  {"slug": "a", "description": "x"},\n  {"slug": "b", "title": "  "}\n]',
    );
    expect(loadBlocks(root)).toEqual({
      blocks: [],
      diagnostics: [
        {
          file: "_data/blocks.json",
          line: 2,
          column: 3,
          severity: "error",
          rule: "blocks-schema",
          message: 'Missing or empty "title" for block "a"',
        },
        {
          file: "_data/blocks.json",
          line: 3,
          column: 17,
          severity: "error",
          rule: "blocks-schema",
          message: 'Missing or empty "title" for block "b"',
        },
      ],
    });
  });

  it("reports a duplicate slug at the second one and keeps the first", () => {
    const root = projectWithBlocks(
      '[\n  {"slug": "a", "title": "A"},\n  {"slug": "a", "title": "A2"}\n]',
    );
    expect(loadBlocks(root)).toEqual({
      blocks: [{ slug: "a", title: "A", description: "" }],
      diagnostics: [
        {
          file: "_data/blocks.json",
          line: 3,
          column: 4,
          severity: "error",
          rule: "blocks-schema",
          message: 'Block "a" is listed twice (first at item 1)',
        },
      ],
    });
  });

  it("reports bad slugs, non-object items and a non-string description, keeping the valid blocks", () => {
    const root = projectWithBlocks(
      '[\n  {"slug": "A b", "title": "A"},\n  {"title": "x"},\n  "str",\n  {"slug":"c","title":"C","description":3},\n  {"slug":"d","title":"D"}\n]',
    );
    const { blocks, diagnostics } = loadBlocks(root);
    expect(blocks).toEqual([{ slug: "d", title: "D", description: "" }]);
    expect(diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [2, 4, 'Expected "slug" to be a slug (letters, digits and dashes), found "A b"'],
      [3, 3, 'Expected "slug" to be a slug (letters, digits and dashes), found undefined'],
      [4, 3, 'Expected a block: {"slug": "…", "title": "…", "description": "…"}'],
      [5, 27, 'Expected "description" of block "c" to be a string'],
    ]);
  });

  it("reports a file that is not a list", () => {
    expect(loadBlocks(projectWithBlocks('{"a": 1}'))).toEqual({
      blocks: [],
      diagnostics: [
        {
          file: "_data/blocks.json",
          line: 1,
          column: 1,
          severity: "error",
          rule: "blocks-schema",
          message: 'Expected a list of blocks: [{"slug": "…", "title": "…", "description": "…"}]',
        },
      ],
    });
  });
});

describe("loadBlocks: problems the schema finds", () => {
  it("reports a title or description of the wrong type at its key, naming the block", () => {
    const root = projectWithBlocks(
      '[\n  {"slug": "a", "title": 5},\n  {"slug": "b", "title": "B", "description": null}\n]',
    );
    expect(loadBlocks(root)).toEqual({
      blocks: [],
      diagnostics: [
        {
          file: "_data/blocks.json",
          line: 2,
          column: 17,
          severity: "error",
          rule: "blocks-schema",
          message: 'Expected "title" of block "a" to be a string',
        },
        {
          file: "_data/blocks.json",
          line: 3,
          column: 31,
          severity: "error",
          rule: "blocks-schema",
          message: 'Expected "description" of block "b" to be a string',
        },
      ],
    });
  });

  it("reports every problem of a block, naming it by its position when its slug is unusable", () => {
    const { blocks, diagnostics } = loadBlocks(
      projectWithBlocks('[\n  {"slug": 5, "title": ""},\n  {"slug": "ok", "title": "OK"}\n]'),
    );
    expect(blocks).toEqual([{ slug: "ok", title: "OK", description: "" }]);
    expect(diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [2, 4, 'Expected "slug" to be a slug (letters, digits and dashes), found 5'],
      [2, 15, 'Missing or empty "title" for the block at item 1'],
    ]);
  });

  it("warns about an unknown key at the key, with a did-you-mean hint, and keeps the block", () => {
    const root = projectWithBlocks('[\n  {"slug": "a", "title": "A",\n   "descripton": "Typo"}\n]');
    expect(loadBlocks(root)).toEqual({
      blocks: [{ slug: "a", title: "A", description: "" }],
      diagnostics: [
        {
          file: "_data/blocks.json",
          line: 3,
          column: 4,
          severity: "warning",
          rule: "blocks-unknown-key",
          message: 'Unknown key "descripton" in block "a"; it is ignored',
          hint: 'did you mean "description"?',
        },
      ],
    });
  });

  it("names a block with an unusable slug by its position in an unknown-key warning", () => {
    const [warning] = loadBlocks(
      projectWithBlocks('[{"slug": "A b", "title": "A", "zzzz": 1}]'),
    ).diagnostics;
    expect(warning?.message).toBe('Unknown key "zzzz" in the block at item 1; it is ignored');
  });

  it("reports a duplicate slug even when another block is invalid", () => {
    const root = projectWithBlocks(
      '[\n  {"slug": "a", "title": "A"},\n  {"slug": "b"},\n  {"slug": "a", "title": "A2"}\n]',
    );
    expect(loadBlocks(root).diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [3, 3, 'Missing or empty "title" for block "b"'],
      [4, 4, 'Block "a" is listed twice (first at item 1)'],
    ]);
  });

  it("trims the title", () => {
    expect(loadBlocks(projectWithBlocks('[{"slug":"a","title":"  A  "}]')).blocks).toEqual([
      { slug: "a", title: "A", description: "" },
    ]);
  });
});

describe("declaredBlock and blocksFile", () => {
  it("are the types of the file: a description defaults to empty", () => {
    expect(declaredBlock.parse({ slug: "a", title: "A" })).toEqual({
      slug: "a",
      title: "A",
      description: "",
    });
    expect(blocksFile.safeParse({}).success).toBe(false);
  });
});
