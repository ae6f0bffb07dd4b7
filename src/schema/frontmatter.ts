/**
 * The frontmatter contract, defined once. Types are derived from the schemas;
 * `checkFrontmatter` turns schema failures into located diagnostics.
 */
import { z } from "zod";
import type { Diagnostic } from "../core/diagnostics.js";
import type { SourceFile } from "../source/frontmatter.js";
import { parseWithDiagnostics } from "./diagnostics-from-issues.js";
import { describeValue } from "./issue-messages.js";
import { text } from "./text.js";

export const DIFFICULTIES = ["introductory", "intermediate", "advanced"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

const nonEmpty = text().trim().min(1);

/** `{title, url}`: the form existing courses use. */
const prerequisiteLink = z.strictObject({
  /** Informational only: the title shown is always the article's own. */
  title: text().optional(),
  /** A slug or a `/topics/<slug>/` path. */
  url: text(),
});

/** A prerequisite: a slug, a `/topics/<slug>/` path, or a `{title, url}` map. */
export const prerequisiteItem = z.union([text(), prerequisiteLink], {
  error: (issue) =>
    issue.code === "invalid_union"
      ? `Unexpected prerequisite ${describeValue(issue.input)}, expected a slug, a path like "/topics/<slug>/", or a map with "url" (and optionally "title")`
      : undefined,
});
export type PrerequisiteItem = z.infer<typeof prerequisiteItem>;

/** One term an article defines, for the course glossary. */
export const glossaryEntry = z.strictObject({
  /** The term, as readers meet it in the text. */
  term: nonEmpty,
  /** What it means, in inline Markdown. */
  definition: nonEmpty,
});
export type GlossaryEntry = z.infer<typeof glossaryEntry>;

/** Keys Eleventy itself understands; accepted without warnings. */
const eleventyKeys = {
  /** The page's URL (`/about/`), or `false` to write no page. */
  permalink: z.union([text(), z.literal(false)]).optional(),
  /** When the page was published (`2024-05-01`), for the feed; else its first commit. */
  date: z.union([text(), z.date()]).optional(),
  /** Eleventy collections the page belongs to. */
  tags: z.union([text(), z.array(text())]).optional(),
};

/** Frontmatter of an article under `content/topics/`. */
export const articleFrontmatter = z.object({
  /** The article's title, shown as its heading and in every list. */
  title: nonEmpty,
  /** One sentence shown under the title and on cards. */
  description: nonEmpty,
  /** What to read first. */
  prerequisites: z.array(prerequisiteItem).optional(),
  /** How hard the article is, shown as a badge and used as a filter. */
  difficulty: z.enum(DIFFICULTIES).optional(),
  /** Slug of the course block (module) in `_data/blocks.json`. */
  block: nonEmpty.optional(),
  /** Position within the block. */
  order: z.number().optional(),
  /** A free-form label, passed to templates with the article. */
  category: text().optional(),
  /** Terms this article defines. */
  glossary: z.array(glossaryEntry).optional(),
  /** Left out of production builds. */
  draft: z.boolean().optional(),
  ...eleventyKeys,
});
export type ArticleFrontmatter = z.infer<typeof articleFrontmatter>;

/** Frontmatter of any other Markdown page in `content/` (an about page, a schedule). */
export const pageFrontmatter = z.object({
  /** The page's title, shown as its heading and in the browser's tab. */
  title: nonEmpty,
  /** One sentence for `<meta name="description">`. */
  description: text().optional(),
  /** Left out of production builds. */
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
  const { data, diagnostics } = parseWithDiagnostics(schema, file.data, file, {
    rule: "frontmatter-schema",
    ignoredKeys: {
      rule: "frontmatter-unknown-key",
      message: (key) => `Unknown frontmatter key "${key}"; it is ignored`,
    },
  });
  return { data: data as z.infer<S> | undefined, diagnostics };
}
