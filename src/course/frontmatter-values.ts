/**
 * Frontmatter values that need more than the schema: the page's URL, its
 * prerequisites, its date. Each problem is located at the value that caused it.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import type { PrerequisiteRef } from "./course.js";
import type { SourceFile } from "../source/frontmatter.js";
import type { ArticleFrontmatter } from "../schema/frontmatter.js";
import { permalinkUrl } from "./permalink.js";
import { parsePrerequisite, prerequisiteItems } from "./prerequisites.js";

/** The page's URL: its permalink when it has one, else the default; undefined when it may not be published. */
export function resolveUrl(
  permalink: string | false | undefined,
  fallback: string,
  file: SourceFile,
  diagnostics: Diagnostic[],
): string | undefined {
  if (permalink === undefined) return fallback;
  if (permalink === false) return undefined;
  const result = permalinkUrl(permalink);
  if ("url" in result) return result.url;
  diagnostics.push({
    file: file.path,
    ...file.locateValue(["permalink"]),
    severity: "error",
    rule: result.rule,
    message: result.error,
  });
  return undefined;
}

export function readPrerequisites(
  data: ArticleFrontmatter | undefined,
  file: SourceFile,
  diagnostics: Diagnostic[],
): PrerequisiteRef[] {
  const refs: PrerequisiteRef[] = [];
  prerequisiteItems(data, file.data).forEach(({ item, index }) => {
    const keyPath =
      typeof item === "string" ? ["prerequisites", index] : ["prerequisites", index, "url"];
    const at = file.locateValue(keyPath);
    const parsed = parsePrerequisite(item);
    if ("slug" in parsed) refs.push({ slug: parsed.slug, ...at });
    else {
      diagnostics.push({
        file: file.path,
        ...at,
        severity: "error",
        rule: "prerequisite-shape",
        message: parsed.error,
        ...(parsed.hint ? { hint: parsed.hint } : {}),
      });
    }
  });
  return refs;
}

export function readDate(
  value: string | Date | undefined,
  file: SourceFile,
  diagnostics: Diagnostic[],
): Date | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  if (!Number.isNaN(date.getTime())) return date;
  diagnostics.push({
    file: file.path,
    ...file.locateValue(["date"]),
    severity: "warning",
    rule: "frontmatter-date",
    message: `Date ${JSON.stringify(value)} is not a date (write 2026-11-29); the feed dates the article by its first commit instead`,
  });
  return undefined;
}
