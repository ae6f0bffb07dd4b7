import { describe, expect, it } from "vitest";
import { parseSourceFile } from "../../../src/source/frontmatter.js";

const PATH = "content/topics/a.md";

describe("parseSourceFile: frontmatter and body", () => {
  const raw = [
    "---", // 1
    "title: Hello", // 2
    "description: World", // 3
    "prerequisites:", // 4
    "  - first", // 5
    "  - url: /topics/b/", // 6
    "    title: B", // 7
    "glossary:", // 8
    "  - term: Vector", // 9
    "    definition: An arrow", // 10
    "---", // 11
    "# Body", // 12
    "",
  ].join("\n");
  const { file, diagnostics } = parseSourceFile(PATH, raw);

  it("parses the frontmatter as plain data", () => {
    expect(diagnostics).toEqual([]);
    expect(file.frontmatterOk).toBe(true);
    expect(file.data).toEqual({
      title: "Hello",
      description: "World",
      prerequisites: ["first", { url: "/topics/b/", title: "B" }],
      glossary: [{ term: "Vector", definition: "An arrow" }],
    });
  });

  it("splits off the body and knows its first line", () => {
    expect(file.body).toBe("# Body\n");
    expect(file.bodyLine).toBe(12);
    expect(file.lines.lineText(file.bodyLine)).toBe("# Body");
  });

  it("keeps the path and the text", () => {
    expect(file.path).toBe(PATH);
    expect(file.text).toBe(raw);
  });

  it("locates keys at their first character", () => {
    expect(file.locate(["title"])).toEqual({ line: 2, column: 1 });
    expect(file.locate(["description"])).toEqual({ line: 3, column: 1 });
    expect(file.locate(["prerequisites"])).toEqual({ line: 4, column: 1 });
  });

  it("locates list items, and keys inside them", () => {
    expect(file.locate(["prerequisites", 0])).toEqual({ line: 5, column: 5 });
    expect(file.locate(["prerequisites", 1])).toEqual({ line: 6, column: 5 });
    expect(file.locate(["prerequisites", 1, "title"])).toEqual({ line: 7, column: 5 });
    expect(file.locate(["glossary", 0, "definition"])).toEqual({ line: 10, column: 5 });
  });

  it("locates values", () => {
    expect(file.locateValue(["title"])).toEqual({ line: 2, column: 8 });
    expect(file.locateValue(["description"])).toEqual({ line: 3, column: 14 });
    expect(file.locateValue(["prerequisites", 1, "url"])).toEqual({ line: 6, column: 10 });
    expect(file.locateValue(["prerequisites"])).toEqual({ line: 5, column: 3 });
  });

  it("falls back to the nearest existing ancestor, or the start of the file", () => {
    expect(file.locate(["prerequisites", 7])).toEqual({ line: 4, column: 1 });
    expect(file.locate(["glossary", 0, "missing"])).toEqual({ line: 9, column: 5 });
    expect(file.locate(["missing"])).toEqual({ line: 1, column: 1 });
    expect(file.locateValue(["missing"])).toEqual({ line: 1, column: 1 });
  });
});

describe("parseSourceFile: files without frontmatter", () => {
  it("treats the whole file as body", () => {
    const { file, diagnostics } = parseSourceFile(PATH, "# Just body\ntext\n");
    expect(diagnostics).toEqual([]);
    expect(file.frontmatterOk).toBe(true);
    expect(file.data).toEqual({});
    expect(file.body).toBe("# Just body\ntext\n");
    expect(file.bodyLine).toBe(1);
    expect(file.locate(["title"])).toEqual({ line: 1, column: 1 });
  });

  it("accepts an empty file", () => {
    const { file, diagnostics } = parseSourceFile(PATH, "");
    expect(diagnostics).toEqual([]);
    expect(file.data).toEqual({});
    expect(file.body).toBe("");
    expect(file.bodyLine).toBe(1);
  });

  it("does not take a line of four dashes for frontmatter", () => {
    const { file } = parseSourceFile(PATH, "----\ntitle: x\n----\nbody\n");
    expect(file.data).toEqual({});
    expect(file.bodyLine).toBe(1);
    expect(file.body).toBe("----\ntitle: x\n----\nbody\n");
  });

  it("accepts empty frontmatter", () => {
    const { file, diagnostics } = parseSourceFile(PATH, "---\n---\nbody\n");
    expect(diagnostics).toEqual([]);
    expect(file.data).toEqual({});
    expect(file.body).toBe("body\n");
    expect(file.bodyLine).toBe(3);
  });
});

describe("parseSourceFile: positions", () => {
  it("ignores a byte-order mark, so columns stay as an editor shows them", () => {
    const { file, diagnostics } = parseSourceFile(PATH, "\ufeff---\ntitle: A\n---\nbody\n");
    expect(diagnostics).toEqual([]);
    expect(file.data).toEqual({ title: "A" });
    expect(file.text.startsWith("---")).toBe(true);
    expect(file.locateValue(["title"])).toEqual({ line: 2, column: 8 });
    expect(file.bodyLine).toBe(4);
  });

  it("keeps blank lines at the start of the body and counts them", () => {
    const { file } = parseSourceFile(PATH, "---\ntitle: A\n---\n\n\nbody\n");
    expect(file.body).toBe("\n\nbody\n");
    expect(file.bodyLine).toBe(4);
  });

  it("locates the value of an empty key just after its colon", () => {
    const { file } = parseSourceFile(PATH, "---\ntitle:\ndescription: x\n---\nbody\n");
    expect(file.data).toEqual({ title: null, description: "x" });
    expect(file.locateValue(["title"])).toEqual({ line: 2, column: 7 });
  });

  it("reads files with Windows line endings", () => {
    const { file, diagnostics } = parseSourceFile(
      PATH,
      "---\r\ntitle: A\r\ndesc: B\r\n---\r\nbody\r\nmore\r\n",
    );
    expect(diagnostics).toEqual([]);
    expect(file.data.title).toBe("A");
    expect(file.locate(["desc"])).toEqual({ line: 3, column: 1 });
    expect(file.bodyLine).toBe(5);
    expect(file.body).toBe("body\nmore\n");
  });

  // Regression: with CRLF line endings the closing delimiter is found at "\n---", so the "\r"
  // before it stays in the YAML and the last key's value keeps it: `draft: true` becomes
  // the string "true\r" (and `order: 2` the string "2\r", `difficulty: advanced` "advanced\r").
  it("does not leave a carriage return in the last frontmatter value of a CRLF file", () => {
    const { file } = parseSourceFile(PATH, "---\r\ntitle: A\r\ndraft: true\r\n---\r\nbody\r\n");
    expect(file.data).toEqual({ title: "A", draft: true });
  });
});

describe("parseSourceFile: malformed frontmatter", () => {
  it("reports malformed YAML at its line and column and drops the data", () => {
    const { file, diagnostics } = parseSourceFile(
      PATH,
      "---\ntitle: Hello\n  bad: indent\n---\nbody\n",
    );
    expect(file.frontmatterOk).toBe(false);
    expect(file.data).toEqual({});
    expect(file.body).toBe("body\n");
    expect(diagnostics[0]).toStrictEqual({
      file: PATH,
      line: 2,
      column: 8,
      severity: "error",
      rule: "frontmatter-yaml",
      message: "Malformed YAML in frontmatter: Nested mappings are not allowed in compact mappings",
    });
  });

  it("reports tabs used as indentation at their line", () => {
    const { diagnostics } = parseSourceFile(PATH, "---\ntitle: a\n\tb: c\n---\nbody\n");
    expect(diagnostics).toStrictEqual([
      {
        file: PATH,
        line: 3,
        column: 1,
        severity: "error",
        rule: "frontmatter-yaml",
        message: "Malformed YAML in frontmatter: Tabs are not allowed as indentation",
      },
    ]);
  });

  it("reports an unclosed flow sequence", () => {
    const { file, diagnostics } = parseSourceFile(
      PATH,
      "---\ntitle: [unclosed\nfoo: bar\n---\nbody\n",
    );
    expect(file.frontmatterOk).toBe(false);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.rule).toBe("frontmatter-yaml");
    expect(diagnostics[0]?.message).toMatch(
      /^Malformed YAML in frontmatter: Flow sequence in block collection/,
    );
    expect(diagnostics[0]?.line).toBe(3);
  });

  it("gives only the first line of the YAML error, without its own position", () => {
    const { diagnostics } = parseSourceFile(PATH, "---\ntitle: [unclosed\nfoo: bar\n---\nbody\n");
    expect(diagnostics[0]?.message).not.toContain("\n");
    expect(diagnostics[0]?.message).not.toMatch(/at line \d+/);
  });

  it("reports a duplicate key at the second occurrence", () => {
    const { file, diagnostics } = parseSourceFile(
      PATH,
      "---\ntitle: A\ndescription: d\ntitle: B\n---\nbody\n",
    );
    expect(file.data).toEqual({});
    expect(file.frontmatterOk).toBe(false);
    expect(diagnostics).toStrictEqual([
      {
        file: PATH,
        line: 4,
        column: 1,
        severity: "error",
        rule: "frontmatter-yaml",
        message: "Malformed YAML in frontmatter: Map keys must be unique",
      },
    ]);
  });

  it("reports frontmatter that is not closed, at the first line", () => {
    const { file, diagnostics } = parseSourceFile(PATH, "---\ntitle: Hello\nbody\n");
    expect(file.frontmatterOk).toBe(false);
    expect(file.data).toEqual({});
    expect(diagnostics[0]).toStrictEqual({
      file: PATH,
      line: 1,
      column: 1,
      severity: "error",
      rule: "frontmatter-unclosed",
      message: "Frontmatter is not closed: expected a line `---` after it",
    });
  });

  it("reports frontmatter that is a scalar rather than a mapping", () => {
    const { file, diagnostics } = parseSourceFile(PATH, "---\njust a string\n---\nbody\n");
    expect(file.frontmatterOk).toBe(false);
    expect(file.data).toEqual({});
    expect(diagnostics).toStrictEqual([
      {
        file: PATH,
        line: 2,
        column: 1,
        severity: "error",
        rule: "frontmatter-yaml",
        message: "Frontmatter must be a YAML mapping of keys to values",
      },
    ]);
  });

  it("reports frontmatter that is a list rather than a mapping", () => {
    const { file, diagnostics } = parseSourceFile(PATH, "---\n- a\n- b\n---\nbody\n");
    expect(file.data).toEqual({});
    expect(diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [2, 1, "Frontmatter must be a YAML mapping of keys to values"],
    ]);
  });

  it("accepts frontmatter holding only comments", () => {
    const { file, diagnostics } = parseSourceFile(PATH, "---\n# comment\n---\nbody\n");
    expect(diagnostics).toEqual([]);
    expect(file.data).toEqual({});
    expect(file.bodyLine).toBe(4);
  });
});
