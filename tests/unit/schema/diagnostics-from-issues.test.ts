/**
 * The one translation of zod issues into diagnostics: each kind of issue with
 * its exact message, location and hint, in a YAML frontmatter (values located)
 * and in a JSON data file (keys located).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  keysAt,
  parseListWithDiagnostics,
  parseWithDiagnostics,
  type SchemaCheck,
} from "../../../src/schema/diagnostics-from-issues.js";
import { fieldName } from "../../../src/schema/issue-messages.js";
import { parseSourceFile } from "../../../src/source/frontmatter.js";
import { readJsonFile } from "../../../src/source/json-file.js";
import { temporaryCourses } from "../../support/temporary-course.js";

const course = temporaryCourses("issues");

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

/** Checks frontmatter lines (line 1 is the opening `---`, so the first key is on line 2). */
function checkYaml(schema: z.ZodType, lines: string[], check: Partial<SchemaCheck> = {}) {
  const { file } = parseSourceFile("doc.md", ["---", ...lines, "---", "body", ""].join("\n"));
  return parseWithDiagnostics(schema, file.data, file, { rule: "test-schema", ...check });
}

const yaml = (schema: z.ZodType, lines: string[], check?: Partial<SchemaCheck>) =>
  summary(checkYaml(schema, lines, check).diagnostics);

function jsonFile(text: string) {
  const root = course({ "data.json": text });
  const { file } = readJsonFile(path.join(root, "data.json"), "data.json");
  if (!file) throw new Error("unreadable JSON in a test");
  return file;
}

const json = (schema: z.ZodType, text: string, check: Partial<SchemaCheck> = {}) => {
  const file = jsonFile(text);
  return summary(
    parseWithDiagnostics(schema, file.value, file, { rule: "test-schema", ...check }).diagnostics,
  );
};

describe("parseWithDiagnostics: messages and locations", () => {
  const item = z.object({ name: z.string() });
  const schema = z.object({
    title: z.string().min(1).optional(),
    count: z.number().optional(),
    items: z.array(item).optional(),
  });

  it("returns the parsed data and no diagnostics for a valid value", () => {
    const result = checkYaml(z.object({ n: z.number().default(3), s: z.string() }), ["s: x"]);
    expect(result).toEqual({ data: { n: 3, s: "x" }, diagnostics: [], issues: [] });
  });

  it("invalid_type, missing: names the field and points at the nearest parent that exists", () => {
    expect(yaml(z.object({ title: z.string(), n: z.number() }), ["n: 1"])).toEqual([
      '1:1 error test-schema Missing required field "title"',
    ]);
    expect(yaml(schema, ["items:", "  - name: a", "  - other: b"])).toEqual([
      '4:5 error test-schema Missing required field "items[1].name"',
    ]);
  });

  it("invalid_type, wrong kind: what was expected and what was found, at the value", () => {
    expect(yaml(schema, ["title: 42", "count: ten", "items: {a: 1}"])).toEqual([
      '2:8 error test-schema Expected "title" to be a string, found a number 42',
      '3:8 error test-schema Expected "count" to be a number, found the string "ten"',
      '4:8 error test-schema Expected "items" to be an array, found a map',
    ]);
    expect(yaml(schema, ["title:", "count: [1]"])).toEqual([
      '2:7 error test-schema Expected "title" to be a string, found null',
      '3:8 error test-schema Expected "count" to be a number, found a list',
    ]);
    expect(yaml(z.object({ flag: z.boolean() }), ["flag: yes"])).toEqual([
      '2:7 error test-schema Expected "flag" to be a boolean, found the string "yes"',
    ]);
  });

  it("invalid_value: the value as written, the allowed ones, and the closest as a hint", () => {
    const levels = z.object({ level: z.enum(["low", "high"]).optional() });
    expect(yaml(levels, ["level: hgh"])).toEqual([
      '2:8 error test-schema Unexpected level "hgh", expected one of: low, high [did you mean "high"?]',
    ]);
    expect(yaml(levels, ["level: 3"])).toEqual([
      "2:8 error test-schema Unexpected level 3, expected one of: low, high",
    ]);
    expect(yaml(z.object({ mode: z.literal("strict") }), ["mode: loose"])).toEqual([
      '2:7 error test-schema Unexpected mode "loose", expected strict',
    ]);
  });

  it("too_small and too_big, for strings, lists and numbers", () => {
    const sized = z.object({
      title: z.string().trim().min(1).optional(),
      code: z.string().min(3).max(5).optional(),
      tags: z.array(z.string()).min(1).max(2).optional(),
      count: z.number().min(1).max(10).optional(),
      ratio: z.number().positive().lt(1).optional(),
    });
    expect(yaml(sized, ["title: '  '", "code: ab", "tags: []", "count: 0", "ratio: 0"])).toEqual([
      '2:8 error test-schema Field "title" must not be empty',
      '3:7 error test-schema Expected "code" to have at least 3 characters',
      '4:7 error test-schema Field "tags" must not be empty',
      '5:8 error test-schema Expected "count" to be at least 1',
      '6:8 error test-schema Expected "ratio" to be greater than 0',
    ]);
    expect(yaml(sized, ["code: abcdef", "tags: [a, b, c]", "count: 11", "ratio: 1"])).toEqual([
      '2:7 error test-schema Expected "code" to have at most 5 characters',
      '3:7 error test-schema Expected "tags" to have at most 2 items',
      '4:8 error test-schema Expected "count" to be at most 10',
      '5:8 error test-schema Expected "ratio" to be less than 1',
    ]);
  });

  it("unrecognized_keys: the keys, at the object, with the closest known key as a hint", () => {
    const nested = z.object({
      nested: z.strictObject({ alpha: z.string(), beta: z.string() }).partial().optional(),
    });
    expect(yaml(nested, ["nested:", "  alpah: a"])).toEqual([
      '3:3 error test-schema Unexpected key "alpah" in nested [did you mean "alpha"?]',
    ]);
    expect(yaml(nested, ["nested: {x: 1, zzzz: 2}"])).toEqual([
      '2:9 error test-schema Unexpected keys "x", "zzzz" in nested',
    ]);
    expect(yaml(z.strictObject({ title: z.string() }), ["title: T", "titel: U"])).toEqual([
      '2:1 error test-schema Unexpected key "titel" [did you mean "title"?]',
    ]);
  });

  it("invalid_union: the forms of its branches when they are simple, else in general", () => {
    const unions = z.object({
      when: z.union([z.string(), z.literal(false)]).optional(),
      tags: z.union([z.string(), z.array(z.string()), z.number()]).optional(),
      shape: z.union([z.string(), z.object({ a: z.string() })]).optional(),
    });
    expect(yaml(unions, ["when: 5", "tags: {a: 1}", "shape: {b: 1}"])).toEqual([
      '2:7 error test-schema Expected "when" to be a string or false, found a number 5',
      '3:7 error test-schema Expected "tags" to be a string, an array or a number, found a map',
      '4:8 error test-schema Expected "shape" to match one of its allowed forms, found a map',
    ]);
  });

  it("custom: a refinement says what it expected with params.expected, else zod's words", () => {
    const refined = z.object({
      site: z
        .string()
        .refine((s) => s.startsWith("https://"), { params: { expected: "an https URL" } })
        .optional(),
      plain: z
        .string()
        .refine((s) => s !== "x")
        .optional(),
    });
    expect(yaml(refined, ["site: http://example.org", "plain: x"])).toEqual([
      '2:7 error test-schema Unexpected site "http://example.org", expected an https URL',
      '3:8 error test-schema Invalid "plain": Invalid input',
    ]);
  });

  it("any other issue: the field's name and zod's own words", () => {
    expect(yaml(z.object({ email: z.email() }), ["email: nope"])).toEqual([
      '2:8 error test-schema Invalid "email": Invalid email address',
    ]);
  });

  it("names nested fields as authors read them", () => {
    expect(fieldName(["glossary", 1, "term"])).toBe("glossary[1].term");
    expect(fieldName([0, "slug"])).toBe("[0].slug");
    expect(fieldName(["a", "b", 2, 3])).toBe("a.b[2][3]");
    expect(fieldName([])).toBe("");
  });

  it("calls the top level of a value that is not an object the top level", () => {
    expect(json(z.object({ a: z.string() }), "[1]")).toEqual([
      "1:1 error test-schema Expected the top level to be an object, found a list",
    ]);
  });
});

describe("parseWithDiagnostics: the file's own wording", () => {
  it("lets a schema word its issues with zod's `error` option", () => {
    const schema = z.object({
      slug: z.string({ error: (issue) => `Bad slug ${String(issue.input)}` }),
    });
    expect(yaml(schema, ["slug: 3"])).toEqual(["2:7 error test-schema Bad slug 3"]);
  });

  it("lets a file word some issues, seeing the whole value; the rest keep the standard wording", () => {
    const schema = z.array(z.object({ id: z.string(), title: z.string(), year: z.number() }));
    const result = json(schema, '[\n  {"id": "a", "title": 1, "year": "x"}\n]', {
      message: ({ path, root, name }) => {
        const [index, field] = path;
        if (field !== "title" || typeof index !== "number") return undefined;
        const id = (root as { id: string }[])[index]?.id;
        return `Title of "${id}" (${name}) is not text`;
      },
    });
    expect(result).toEqual([
      '2:15 error test-schema Title of "a" ([0].title) is not text',
      '2:27 error test-schema Expected "[0].year" to be a number, found the string "x"',
    ]);
  });
});

describe("parseWithDiagnostics: locations in a JSON data file", () => {
  const schema = z.object({
    level: z.enum(["low", "high"]).optional(),
    items: z.array(z.object({ name: z.string() })).optional(),
  });

  it("reports at the key, which JSON files locate (not the value)", () => {
    expect(json(schema, '{\n  "level": "hgh"\n}')).toEqual([
      '2:3 error test-schema Unexpected level "hgh", expected one of: low, high [did you mean "high"?]',
    ]);
  });

  it("reports a missing key at the nearest parent that exists", () => {
    expect(json(schema, '{\n  "items": [\n    {"other": 1}\n  ]\n}')).toEqual([
      '3:5 error test-schema Missing required field "items[0].name"',
    ]);
  });
});

describe("parseWithDiagnostics: keys a plain object ignores", () => {
  const ignoredKeys = {
    rule: "test-unknown-key",
    message: (key: string, at: readonly (string | number)[]) =>
      `Unknown key "${key}"${at.length ? ` in ${fieldName(at)}` : ""}; it is ignored`,
  };
  const schema = z.object({
    title: z.string(),
    items: z.array(z.object({ name: z.string() })).optional(),
    strict: z.strictObject({ a: z.string() }).optional(),
    loose: z.looseObject({ a: z.string() }).optional(),
  });

  it("are warnings at the key, with a hint, before the errors; the data is still parsed", () => {
    const result = checkYaml(
      schema,
      ["titel: T", "title: T", "items:", "  - name: a", "    nam: b"],
      {
        ignoredKeys,
      },
    );
    expect(summary(result.diagnostics)).toEqual([
      '2:1 warning test-unknown-key Unknown key "titel"; it is ignored [did you mean "title"?]',
      '6:5 warning test-unknown-key Unknown key "nam" in items[0]; it is ignored [did you mean "name"?]',
    ]);
    expect(result.data).toEqual({ title: "T", items: [{ name: "a" }] });
  });

  it("come first, then the errors", () => {
    expect(yaml(schema, ["zzzz: 1"], { ignoredKeys })).toEqual([
      '2:1 warning test-unknown-key Unknown key "zzzz"; it is ignored',
      '1:1 error test-schema Missing required field "title"',
    ]);
  });

  it("are not looked for without `ignoredKeys`, nor in strict objects (errors) or loose ones (kept)", () => {
    expect(yaml(schema, ["title: T", "extra: 1"])).toEqual([]);
    const result = checkYaml(schema, ["title: T", "strict: {a: x, b: y}", "loose: {a: x, b: y}"], {
      ignoredKeys,
    });
    expect(summary(result.diagnostics)).toEqual([
      '3:9 error test-schema Unexpected key "b" in strict',
    ]);
  });
});

describe("parseListWithDiagnostics", () => {
  const list = z.array(z.object({ n: z.number(), label: z.string().default("") }), {
    error: () => "Expected a list",
  });

  it("keeps the valid items, with their index and defaults, and reports the others", () => {
    const file = jsonFile('[\n  {"n": 1},\n  {"n": "two"},\n  {"n": 3, "label": "c"}\n]');
    const { items, diagnostics } = parseListWithDiagnostics(list, file.value, file, {
      rule: "test-schema",
    });
    expect(items).toEqual([
      { index: 0, data: { n: 1, label: "" } },
      { index: 2, data: { n: 3, label: "c" } },
    ]);
    expect(summary(diagnostics)).toEqual([
      '3:4 error test-schema Expected "[1].n" to be a number, found the string "two"',
    ]);
  });

  it("keeps nothing when the value is not a list", () => {
    const file = jsonFile('{"n": 1}');
    const { items, diagnostics } = parseListWithDiagnostics(list, file.value, file, {
      rule: "test-schema",
    });
    expect(items).toEqual([]);
    expect(summary(diagnostics)).toEqual(["1:1 error test-schema Expected a list"]);
  });
});

describe("keysAt", () => {
  const schema = z.object({
    ui: z.strictObject({ home: z.string(), close: z.string() }).partial().default({}),
    items: z.array(z.union([z.string(), z.object({ url: z.string(), title: z.string() })])),
    name: z.string().transform((s) => s.trim()),
  });

  it("finds the keys of the object a path leads to, through wrappers, lists and unions", () => {
    expect(keysAt(schema, [])).toEqual(["ui", "items", "name"]);
    expect(keysAt(schema, ["ui"])).toEqual(["home", "close"]);
    expect(keysAt(schema, ["items", 0])).toEqual(["url", "title"]);
    expect(keysAt(schema, ["name"])).toEqual([]);
    expect(keysAt(schema, ["missing", "path"])).toEqual([]);
  });
});
