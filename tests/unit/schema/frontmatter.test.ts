import { describe, expect, it } from "vitest";
import { parseSourceFile } from "../../../src/source/frontmatter.js";
import {
  articleFrontmatter,
  checkFrontmatter,
  DIFFICULTIES,
  pageFrontmatter,
} from "../../../src/schema/frontmatter.js";

const PATH = "content/topics/a.md";

function checkArticle(frontmatter: string[]) {
  const { file } = parseSourceFile(PATH, ["---", ...frontmatter, "---", "body", ""].join("\n"));
  return checkFrontmatter(articleFrontmatter, file);
}

function checkPage(frontmatter: string[]) {
  const { file } = parseSourceFile(
    "content/about.md",
    ["---", ...frontmatter, "---", "body", ""].join("\n"),
  );
  return checkFrontmatter(pageFrontmatter, file);
}

/** `line:column severity rule message [hint]`, compact for assertions. */
function summary(
  diagnostics: {
    line: number;
    column: number;
    severity: string;
    rule: string;
    message: string;
    hint?: string;
  }[],
) {
  return diagnostics.map(
    (d) =>
      `${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}${d.hint ? ` [${d.hint}]` : ""}`,
  );
}

describe("checkFrontmatter(articleFrontmatter)", () => {
  it("returns the typed data of valid frontmatter, without diagnostics", () => {
    const result = checkArticle([
      "title: Vectors",
      "description: Arrows with a length",
      "difficulty: advanced",
      "block: basics",
      "order: 2",
      "category: maths",
      "draft: false",
      "tags: [a, b]",
      "permalink: false",
      "date: 2024-01-02",
      "prerequisites:",
      "  - first",
      "  - /topics/second/",
      "  - {title: Third, url: /topics/third/}",
      "glossary:",
      "  - term: Vector",
      "    definition: An arrow",
    ]);
    expect(result.diagnostics).toEqual([]);
    expect(result.data).toEqual({
      title: "Vectors",
      description: "Arrows with a length",
      difficulty: "advanced",
      block: "basics",
      order: 2,
      category: "maths",
      draft: false,
      tags: ["a", "b"],
      permalink: false,
      date: "2024-01-02",
      prerequisites: ["first", "/topics/second/", { title: "Third", url: "/topics/third/" }],
      glossary: [{ term: "Vector", definition: "An arrow" }],
    });
  });

  it("trims the title and description", () => {
    const result = checkArticle(["title: '  Vectors  '", "description: ' D '"]);
    expect(result.data?.title).toBe("Vectors");
    expect(result.data?.description).toBe("D");
  });

  it("reports a missing title at the start of the file", () => {
    const result = checkArticle(["description: D"]);
    expect(result.data).toBeUndefined();
    expect(result.diagnostics).toStrictEqual([
      {
        file: PATH,
        line: 1,
        column: 1,
        severity: "error",
        rule: "frontmatter-schema",
        message: 'Missing required field "title"',
      },
    ]);
  });

  it("reports every missing required field of a file without frontmatter", () => {
    const { file } = parseSourceFile(PATH, "# Only a body\n");
    expect(summary(checkFrontmatter(articleFrontmatter, file).diagnostics)).toEqual([
      '1:1 error frontmatter-schema Missing required field "title"',
      '1:1 error frontmatter-schema Missing required field "description"',
    ]);
  });

  it("reports an empty title at its value", () => {
    expect(summary(checkArticle(["title: '   '", "description: D"]).diagnostics)).toEqual([
      '2:8 error frontmatter-schema Field "title" must not be empty',
    ]);
  });

  it("reports an empty key as null, at the value's position", () => {
    expect(summary(checkArticle(["title:", "description: D"]).diagnostics)).toEqual([
      '2:7 error frontmatter-schema Expected "title" to be a string, found null',
    ]);
  });

  it("lists the allowed difficulties and suggests the closest one", () => {
    const result = checkArticle(["title: T", "description: D", "difficulty: advnced"]);
    expect(result.diagnostics).toStrictEqual([
      {
        file: PATH,
        line: 4,
        column: 13,
        severity: "error",
        rule: "frontmatter-schema",
        message:
          'Unexpected difficulty "advnced", expected one of: introductory, intermediate, advanced',
        hint: 'did you mean "advanced"?',
      },
    ]);
    expect(DIFFICULTIES).toEqual(["introductory", "intermediate", "advanced"]);
  });

  it("gives no hint for a difficulty that is not close to any allowed one", () => {
    const [diagnostic] = checkArticle([
      "title: T",
      "description: D",
      "difficulty: expert",
    ]).diagnostics;
    expect(diagnostic?.message).toBe(
      'Unexpected difficulty "expert", expected one of: introductory, intermediate, advanced',
    );
    expect(diagnostic).not.toHaveProperty("hint");
  });

  it("shows a non-string difficulty as written", () => {
    expect(
      summary(checkArticle(["title: T", "description: D", "difficulty: 3"]).diagnostics),
    ).toEqual([
      "4:13 error frontmatter-schema Unexpected difficulty 3, expected one of: introductory, intermediate, advanced",
    ]);
  });

  it("reports wrong types with what was found, at each value", () => {
    expect(
      summary(
        checkArticle(["title: 42", "description: D", "order: first", "draft: yes"]).diagnostics,
      ),
    ).toEqual([
      '2:8 error frontmatter-schema Expected "title" to be a string, found a number 42',
      '4:8 error frontmatter-schema Expected "order" to be a number, found the string "first"',
      '5:8 error frontmatter-schema Expected "draft" to be a boolean, found the string "yes"',
    ]);
  });

  it("describes lists and maps found where a string was expected", () => {
    expect(summary(checkArticle(["title: [a]", "description: {a: 1}"]).diagnostics)).toEqual([
      '2:8 error frontmatter-schema Expected "title" to be a string, found a list',
      '3:14 error frontmatter-schema Expected "description" to be a string, found a map',
    ]);
  });

  it("warns about an unknown key at the key, with a did-you-mean hint, and still returns the data", () => {
    const result = checkArticle(["title: T", "description: D", "dificulty: advanced"]);
    expect(result.data).toEqual({ title: "T", description: "D" });
    expect(result.diagnostics).toStrictEqual([
      {
        file: PATH,
        line: 4,
        column: 1,
        severity: "warning",
        rule: "frontmatter-unknown-key",
        message: 'Unknown frontmatter key "dificulty"; it is ignored',
        hint: 'did you mean "difficulty"?',
      },
    ]);
  });

  it("warns about an unknown key without a hint when nothing is close", () => {
    const [warning] = checkArticle(["title: T", "description: D", "zzzzzz: 1"]).diagnostics;
    expect(warning?.message).toBe('Unknown frontmatter key "zzzzzz"; it is ignored');
    expect(warning).not.toHaveProperty("hint");
  });

  it("accepts the keys Eleventy understands without warnings", () => {
    const result = checkArticle([
      "title: T",
      "description: D",
      "permalink: /x/",
      "date: 2024-05-01",
      "tags: one",
    ]);
    expect(result.diagnostics).toEqual([]);
    expect(result.data).toEqual({
      title: "T",
      description: "D",
      permalink: "/x/",
      date: "2024-05-01",
      tags: "one",
    });
  });

  it("reports a prerequisites value that is not a list", () => {
    expect(
      summary(checkArticle(["title: T", "description: D", "prerequisites: first"]).diagnostics),
    ).toEqual([
      '4:16 error frontmatter-schema Expected "prerequisites" to be an array, found the string "first"',
    ]);
  });

  it("reports prerequisite items of the wrong shape at the item", () => {
    const result = checkArticle([
      "title: T",
      "description: D",
      "prerequisites:",
      "  - first",
      "  - 42",
      "  - {title: C}",
      "  - {url: /topics/x/, extra: 1}",
    ]);
    expect(summary(result.diagnostics)).toEqual([
      '6:5 error frontmatter-schema Unexpected prerequisite a number 42, expected a slug, a path like "/topics/<slug>/", or a map with "url" (and optionally "title")',
      '7:5 error frontmatter-schema Unexpected prerequisite a map, expected a slug, a path like "/topics/<slug>/", or a map with "url" (and optionally "title")',
      '8:5 error frontmatter-schema Unexpected key "extra" in prerequisites[3]',
    ]);
  });

  it("reports glossary entries: empty term, missing definition, extra key", () => {
    const result = checkArticle([
      "title: T",
      "description: D",
      "glossary:",
      "  - term: Vector",
      "    definition: An arrow",
      "  - term: ''",
      "    definition: x",
      "  - term: Y",
      "  - term: Z",
      "    definition: d",
      "    extra: 1",
    ]);
    expect(summary(result.diagnostics)).toEqual([
      '7:11 error frontmatter-schema Field "glossary[1].term" must not be empty',
      '9:5 error frontmatter-schema Missing required field "glossary[2].definition"',
      '10:5 error frontmatter-schema Unexpected key "extra" in glossary[3]',
    ]);
  });

  it("reports both unknown keys and schema errors", () => {
    const result = checkArticle(["title: T", "foo: 1"]);
    expect(result.data).toBeUndefined();
    expect(summary(result.diagnostics)).toEqual([
      '3:1 warning frontmatter-unknown-key Unknown frontmatter key "foo"; it is ignored',
      '1:1 error frontmatter-schema Missing required field "description"',
    ]);
  });
});

describe("checkFrontmatter(pageFrontmatter)", () => {
  it("needs only a title", () => {
    const result = checkPage(["title: About"]);
    expect(result.diagnostics).toEqual([]);
    expect(result.data).toEqual({ title: "About" });
  });

  it("warns about article-only keys on a page", () => {
    const result = checkPage(["title: About", "prerequisites: []"]);
    expect(result.data).toEqual({ title: "About" });
    expect(summary(result.diagnostics)).toEqual([
      '3:1 warning frontmatter-unknown-key Unknown frontmatter key "prerequisites"; it is ignored',
    ]);
  });

  it("allows an empty description on a page but checks its type", () => {
    expect(checkPage(["title: About", "description: ''"]).diagnostics).toEqual([]);
    expect(summary(checkPage(["title: About", "description: 5"]).diagnostics)).toEqual([
      '3:14 error frontmatter-schema Expected "description" to be a string, found a number 5',
    ]);
  });

  it("reports a missing title", () => {
    expect(summary(checkPage(["description: x"]).diagnostics)).toEqual([
      '1:1 error frontmatter-schema Missing required field "title"',
    ]);
  });
});
