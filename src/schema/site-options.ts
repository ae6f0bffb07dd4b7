/**
 * Site options from `_data/site.json`: one schema, defaults, resolved once per
 * build. Later features add their keys here.
 */
import path from "node:path";
import { z } from "zod";
import { readJsonFile } from "../source/json-file.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { didYouMean } from "../core/suggest.js";
import { DEFAULT_UI_STRINGS, type UiStrings } from "../core/ui-strings.js";
import { isHttpUrl, normalizePathPrefix } from "../core/urls.js";

function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

const uiOverrides = z.strictObject(
  Object.fromEntries(
    Object.keys(DEFAULT_UI_STRINGS).map((k) => [k, z.string().optional()]),
  ) as Record<keyof UiStrings, z.ZodOptional<z.ZodString>>,
);

/** A numeric style: works numbered in order of first citation. */
export const DEFAULT_CITATION_STYLE = "vancouver";

export const siteOptionsSchema = z.object({
  /** The course's name, in the header and every page title. */
  title: z.string().min(1).default("Course"),
  description: z.string().default(""),
  /** Deployed origin, e.g. `https://example.org` (canonical links, sitemap, feed). */
  url: z
    .string()
    .refine(isHttpUrl, "expected an http(s) URL such as https://example.org")
    .optional(),
  /** Repository web URL (`https://github.com/owner/repo`), for "edit this page" links. */
  repository: z
    .string()
    .refine(isHttpUrl, "expected an http(s) URL such as https://github.com/owner/repo")
    .optional(),
  branch: z.string().default("main"),
  /** `<html lang>`: a BCP 47 language tag. */
  lang: z
    .string()
    .refine(isLanguageTag, "expected a language tag such as en, en-GB or fr")
    .default("en"),
  author: z.string().optional(),
  /** Prefix of every URL, for hosting under a sub-path (`/course/`). */
  pathPrefix: z.string().default("/").transform(normalizePathPrefix),
  /** CSL style for citations: a built-in name or a `.csl` file in `_data/`. */
  citationStyle: z.string().default(DEFAULT_CITATION_STYLE),
  /** Severity of broken internal links. */
  brokenLinks: z.enum(["error", "warning"]).default("error"),
  /** Social preview images: one for the whole course, or one per article too (slower to build). */
  socialCards: z.enum(["course", "articles"]).default("course"),
  /** Link the first use of each glossary term in articles to its definition. */
  glossaryLinks: z.boolean().default(false),
  /** The interface's own words, for courses in other languages. */
  ui: uiOverrides.default({}),
});

type ParsedOptions = z.infer<typeof siteOptionsSchema>;
export interface SiteOptions extends Omit<ParsedOptions, "ui"> {
  ui: UiStrings;
}

export function resolveOptions(raw: unknown): SiteOptions {
  const parsed = siteOptionsSchema.parse(raw ?? {});
  return { ...parsed, ui: { ...DEFAULT_UI_STRINGS, ...stripUndefined(parsed.ui) } };
}

export const SITE_OPTIONS_PATH = "_data/site.json";

export interface LoadedOptions {
  options: SiteOptions;
  diagnostics: Diagnostic[];
  /** Where an option is set in `_data/site.json`, for problems found later. */
  locate: (key: string) => { file: string; line: number; column: number };
}

/** Reads and validates `_data/site.json` under `root`. */
export function loadOptions(root: string): LoadedOptions {
  const relative = SITE_OPTIONS_PATH;
  const { file, diagnostics } = readJsonFile(path.join(root, relative), relative);
  const locate = (key: string) => ({
    file: relative,
    ...(file ? file.locate([key]) : { line: 1, column: 1 }),
  });
  if (!file) return { options: resolveOptions({}), diagnostics, locate };
  if (typeof file.value === "object" && file.value !== null && !Array.isArray(file.value)) {
    const known = Object.keys(siteOptionsSchema.shape);
    for (const key of Object.keys(file.value)) {
      if (known.includes(key)) continue;
      const hint = didYouMean(key, known);
      diagnostics.push({
        ...locate(key),
        severity: "warning",
        rule: "site-options-unknown-key",
        message: `Unknown site option "${key}"; it is ignored`,
        ...(hint ? { hint } : {}),
      });
    }
  }
  const result = siteOptionsSchema.safeParse(file.value);
  if (result.success) {
    return {
      options: { ...result.data, ui: { ...DEFAULT_UI_STRINGS, ...stripUndefined(result.data.ui) } },
      diagnostics,
      locate,
    };
  }
  for (const issue of result.error.issues) {
    const keyPath = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const { line, column } = file.locate(keyPath);
    const unknown = issue.code === "unrecognized_keys" ? issue.keys : [];
    const hint = unknown[0] ? didYouMean(unknown[0], Object.keys(DEFAULT_UI_STRINGS)) : undefined;
    diagnostics.push({
      file: relative,
      line,
      column,
      severity: "error",
      rule: "site-options",
      message:
        keyPath.length === 0
          ? `Site options must be a JSON object: ${issue.message}`
          : `Invalid "${keyPath.join(".")}" in site options: ${issue.message}`,
      ...(hint ? { hint } : {}),
    });
  }
  return { options: resolveOptions({}), diagnostics, locate };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
