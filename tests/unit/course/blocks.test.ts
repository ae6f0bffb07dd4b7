import { describe, expect, it } from "vitest";
import { loadBlocks, titleFromSlug } from "../../../src/course/blocks.js";
import { temporaryCourses } from "../../support/temporary-course.js";

const course = temporaryCourses("blocks");
const projectWithBlocks = (json: string) => course({ "_data/blocks.json": json });

describe("titleFromSlug", () => {
  it("turns dashes and underscores into spaces and capitalises the first letter", () => {
    expect(titleFromSlug("basic-interp-techniques")).toBe("Basic interp techniques");
    expect(titleFromSlug("a_b")).toBe("A b");
    expect(titleFromSlug("a__b--c")).toBe("A b c");
  });

  it("trims separators at the ends", () => {
    expect(titleFromSlug("--a--")).toBe("A");
  });

  it("leaves the rest of the case alone", () => {
    expect(titleFromSlug("intro-to-SQL")).toBe("Intro to SQL");
    expect(titleFromSlug("ünïcode-x")).toBe("Ünïcode x");
  });

  it("is empty for an empty slug", () => {
    expect(titleFromSlug("")).toBe("");
  });
});

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
