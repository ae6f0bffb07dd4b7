/**
 * Frontmatter is data from strangers: every way its YAML can fail is a
 * located error, never a throw, and nothing in it runs.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/core/diagnostics.js";
import { parseSourceFile } from "../../../src/source/frontmatter.js";
import { readSource } from "../../../src/source/read-source.js";
import { temporaryCourses } from "../../support/temporary-course.js";

const PATH = "content/topics/a.md";
const parse = (raw: string) => parseSourceFile(PATH, raw);
const lines = (raw: string) => parse(raw).diagnostics.map(formatDiagnostic);

describe("parseSourceFile: YAML that would exhaust or escape the parser", () => {
  it("reports an alias bomb at its first alias instead of expanding it", () => {
    const bomb = [
      "---",
      "a: &a [x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "---",
      "body",
    ].join("\n");
    const { file, diagnostics } = parse(bomb);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "content/topics/a.md:3:8: error: Too many YAML aliases in frontmatter: they would expand to more than 100 copies (frontmatter-yaml)\n  hint: write the values out instead of repeating aliases (*name)",
    ]);
    expect(file.frontmatterOk).toBe(false);
    expect(file.data).toEqual({});
    expect(file.body).toBe("body");
  });

  it("accepts a few aliases", () => {
    const { file, diagnostics } = parse("---\ntitle: &t Hello\ndescription: *t\n---\n");
    expect(diagnostics).toEqual([]);
    expect(file.data).toEqual({ title: "Hello", description: "Hello" });
  });

  it("reports an alias to an anchor that is not defined at the alias", () => {
    expect(lines("---\ntitle: *nope\n---\n")).toEqual([
      "content/topics/a.md:2:8: error: Malformed YAML in frontmatter: Unresolved alias (the anchor must be set before the alias): nope (frontmatter-yaml)",
    ]);
  });

  it("reports nesting too deep for the parser", () => {
    const deep = `---\ntitle: ${"[".repeat(20000)}${"]".repeat(20000)}\n---\n`;
    const { diagnostics } = parse(deep);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 2, rule: "frontmatter-yaml", severity: "error" });
  });

  it("reads very large numbers as numbers", () => {
    expect(parse("---\norder: 1e999\n---\n").file.data).toEqual({ order: Infinity });
  });
});

describe("parseSourceFile: only plain YAML values", () => {
  it("refuses a JavaScript frontmatter, which gray-matter would run", () => {
    const raw = "---js\n{ title: (() => { globalThis.ran = true; return 'x'; })() }\n---\nbody\n";
    expect(lines(raw)).toEqual([
      'content/topics/a.md:1:4: error: Unexpected frontmatter language "js", expected YAML (frontmatter-yaml)\n  hint: write the frontmatter as YAML, after a line `---` alone',
    ]);
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
    expect(parse(raw).file.body).toBe("body\n");
  });

  it("refuses every other frontmatter language, and accepts `---yaml`", () => {
    expect(parse("---javascript\n({})\n---\n").diagnostics[0]?.message).toBe(
      'Unexpected frontmatter language "javascript", expected YAML',
    );
    expect(parse("---coffee\na: 1\n---\n").diagnostics[0]?.rule).toBe("frontmatter-yaml");
    expect(parse("---yaml\ntitle: A\n---\n").file.data).toEqual({ title: "A" });
  });

  it("refuses tags beyond the core schema, at the tag", () => {
    expect(lines("---\ntitle: !!js/function 'function () {}'\n---\n")).toEqual([
      "content/topics/a.md:2:22: error: Unexpected YAML tag !!js/function in frontmatter, expected plain values (frontmatter-yaml)\n  hint: remove the tag: frontmatter holds text, numbers, true/false, lists and maps",
    ]);
    expect(parse("---\ntitle: !!binary aGVsbG8=\n---\n").diagnostics[0]?.message).toBe(
      "Unexpected YAML tag !!binary in frontmatter, expected plain values",
    );
    expect(parse("---\ntitle: !custom x\n---\n").diagnostics[0]?.message).toBe(
      "Unexpected YAML tag !custom in frontmatter, expected plain values",
    );
  });

  it("accepts the core schema's own tags", () => {
    const { file, diagnostics } = parse("---\ntitle: !!str 12\norder: !!int 3\n---\n");
    expect(diagnostics).toEqual([]);
    expect(file.data).toEqual({ title: "12", order: 3 });
  });

  it("does not merge `<<` keys: it is an ordinary key (YAML 1.2)", () => {
    const { file } = parse("---\nbase: &b {title: x}\n<<: *b\n---\n");
    expect(file.data).toEqual({ base: { title: "x" }, "<<": { title: "x" } });
  });
});

const course = temporaryCourses("read-source");

describe("readSource: encoding", () => {
  it("reports bytes that are not UTF-8 at their line, with the file's other problems", () => {
    const root = course();
    const file = path.join(root, "a.md");
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from("---\ntitle: A\ntitle: B\n---\nCaf"),
        Buffer.from([0xe9]),
        Buffer.from(" au lait\n"),
      ]),
    );
    const { problems } = readSource(file, PATH, undefined);
    expect(problems.map(formatDiagnostic)).toEqual([
      "content/topics/a.md:5:4: error: The file is not valid UTF-8: these bytes would show as \ufffd (invalid-utf8)\n  hint: save the file as UTF-8",
      "content/topics/a.md:3:1: error: Malformed YAML in frontmatter: Map keys must be unique (frontmatter-yaml)",
    ]);
  });

  it("accepts a byte-order mark", () => {
    const root = course();
    const file = path.join(root, "a.md");
    writeFileSync(file, "\ufeff---\ntitle: A\n---\nbody\n");
    const { file: parsed, problems } = readSource(file, PATH, undefined);
    expect(problems).toEqual([]);
    expect(parsed.data).toEqual({ title: "A" });
  });

  it("reads the file again when its bytes change, and reports the new position", () => {
    const root = course();
    const file = path.join(root, "a.md");
    const cache = { sources: new Map() };
    writeFileSync(file, Buffer.from([0x61, 0xff, 0x0a]));
    expect(readSource(file, PATH, cache).problems[0]).toMatchObject({ line: 1, column: 2 });
    writeFileSync(file, Buffer.from([0x61, 0x61, 0xfe, 0x0a]));
    expect(readSource(file, PATH, cache).problems[0]).toMatchObject({ line: 1, column: 3 });
  });
});
