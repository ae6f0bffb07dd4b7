/**
 * The frontmatter contract, defined once. Types are derived from the schemas;
 * `checkFrontmatter` turns schema failures into located diagnostics.
 */
import { z } from "zod";
import type { Diagnostic } from "../core/diagnostics.js";
import { didYouMean } from "../core/suggest.js";
import type { SourceFile } from "../source/frontmatter.js";

export const DIFFICULTIES = ["introductory", "intermediate", "advanced"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

const nonEmpty = z.string().trim().min(1);

/** `{title, url}`: the form existing courses use; `title` is informational only. */
const prerequisiteLink = z.strictObject({ title: z.string().optional(), url: z.string() });

/** A prerequisite: a slug, a `/topics/<slug>/` path, or a `{title, url}` map. */
export const prerequisiteItem = z.union([z.string(), prerequisiteLink]);
export type PrerequisiteItem = z.infer<typeof prerequisiteItem>;

export const glossaryEntry = z.strictObject({ term: nonEmpty, definition: nonEmpty });
export type GlossaryEntry = z.infer<typeof glossaryEntry>;

/** Keys Eleventy itself understands; accepted without warnings. */
const eleventyKeys = {
  permalink: z.union([z.string(), z.literal(false)]).optional(),
  date: z.union([z.string(), z.date()]).optional(),
  tags: z.union([z.string(), z.array(z.string())]).optional(),
};

/** Frontmatter of an article under `content/topics/`. */
export const articleFrontmatter = z.object({
  /** The article's title, shown as its heading and in every list. */
  title: nonEmpty,
  /** One sentence shown under the title and on cards. */
  description: nonEmpty,
  /** What to read first. */
  prerequisites: z.array(prerequisiteItem).optional(),
  difficulty: z.enum(DIFFICULTIES).optional(),
  /** Slug of the course block (module) in `_data/blocks.json`. */
  block: nonEmpty.optional(),
  /** Position within the block. */
  order: z.number().optional(),
  category: z.string().optional(),
  glossary: z.array(glossaryEntry).optional(),
  /** Left out of production builds. */
  draft: z.boolean().optional(),
  ...eleventyKeys,
});
export type ArticleFrontmatter = z.infer<typeof articleFrontmatter>;

/** Frontmatter of any other Markdown page in `content/` (an about page, a schedule). */
export const pageFrontmatter = z.object({
  title: nonEmpty,
  description: z.string().optional(),
  draft: z.boolean().optional(),
  ...eleventyKeys,
});
export type PageFrontmatter = z.infer<typeof pageFrontmatter>;

type ObjectSchema = typeof articleFrontmatter | typeof pageFrontmatter;

/**
 * Validates a file's frontmatter. Returns the typed data when it is valid,
 * and always the diagnostics: errors for wrong values, warnings for unknown keys.
 */
export function checkFrontmatter<S extends ObjectSchema>(
  schema: S,
  file: SourceFile,
): { data: z.infer<S> | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const known = Object.keys(schema.shape);
  for (const key of Object.keys(file.data)) {
    if (known.includes(key)) continue;
    const { line, column } = file.locate([key]);
    const hint = didYouMean(key, known);
    diagnostics.push({
      file: file.path,
      line,
      column,
      severity: "warning",
      rule: "frontmatter-unknown-key",
      message: `Unknown frontmatter key "${key}"; it is ignored`,
      ...(hint ? { hint } : {}),
    });
  }

  const result = schema.safeParse(file.data);
  if (result.success) return { data: result.data as z.infer<S>, diagnostics };
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const value = valueAt(file.data, path);
    const { line, column } = value === undefined ? file.locate(path) : file.locateValue(path);
    diagnostics.push({
      file: file.path,
      line,
      column,
      severity: "error",
      rule: "frontmatter-schema",
      ...describeIssue(issue, path, value),
    });
  }
  return { data: undefined, diagnostics };
}

function describeIssue(
  issue: z.core.$ZodIssue,
  path: (string | number)[],
  value: unknown,
): { message: string; hint?: string } {
  const name = path
    .map((p) => (typeof p === "number" ? `[${p}]` : p))
    .join(".")
    .replace(/\.\[/g, "[");
  if (issue.code === "invalid_type" && value === undefined) {
    return { message: `Missing required field "${name}"` };
  }
  if (issue.code === "invalid_value") {
    const allowed = issue.values.map(String);
    const hint = typeof value === "string" ? didYouMean(value, allowed) : undefined;
    return {
      message: `Unexpected ${name} ${JSON.stringify(value)}, expected one of: ${allowed.join(", ")}`,
      ...(hint ? { hint } : {}),
    };
  }
  if (issue.code === "too_small" && typeof value === "string") {
    return { message: `Field "${name}" must not be empty` };
  }
  if (issue.code === "unrecognized_keys") {
    return {
      message: `Unexpected key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")} in ${name}`,
    };
  }
  if (issue.code === "invalid_union" && path[0] === "prerequisites") {
    return {
      message: `Unexpected prerequisite ${describeValue(value)}, expected a slug, a path like "/topics/<slug>/", or a map with "url" (and optionally "title")`,
    };
  }
  if (issue.code === "invalid_type") {
    return {
      message: `Expected "${name}" to be ${article(issue.expected)}, found ${describeValue(value)}`,
    };
  }
  return { message: `Invalid "${name}": ${issue.message}` };
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  return `${article(typeof value)} ${JSON.stringify(value)}`;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
