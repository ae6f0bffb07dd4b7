/**
 * Site options from `_data/site.json`: one schema, defaults, resolved once per
 * build. Later features add their keys here.
 */
import path from "node:path";
import { z } from "zod";
import { isAddableExtension } from "../source/content-file-kinds.js";
import { readJsonFile } from "../source/json-file.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { DEFAULT_UI_STRINGS, type UiStrings } from "../core/ui-strings.js";
import { isHttpUrl } from "../core/urls.js";
import { parseWithDiagnostics } from "./diagnostics-from-issues.js";
import { describeValue } from "./issue-messages.js";
import { pathPrefix, siteUrl } from "./site-address.js";
import { text } from "./text.js";

/**
 * `https://host[:port]`, nothing after it but a slash: the value is written
 * into the Content-Security-Policy's `frame-src` as it is, where `;` would
 * start another directive, and `,` or `*` widen what may be framed.
 */
function isOrigin(value: string): boolean {
  return /^https?:\/\/[a-z0-9.-]+(:\d+)?\/?$/.test(value.toLowerCase());
}

/** An origin as `frame-src` lists it: lower case, no trailing slash. */
function normalizeOrigin(value: string): string {
  return value.toLowerCase().replace(/\/$/, "");
}

function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/**
 * Any of the interface's words (`DEFAULT_UI_STRINGS`), replaced; unknown keys
 * are errors. They are text, never HTML: every template and renderer escapes them.
 */
const uiOverrides = z.strictObject(
  Object.fromEntries(Object.keys(DEFAULT_UI_STRINGS).map((k) => [k, text().optional()])) as Record<
    keyof UiStrings,
    z.ZodOptional<z.ZodString>
  >,
);

/** A numeric style: works numbered in order of first citation. */
export const DEFAULT_CITATION_STYLE = "vancouver";

export const siteOptionsSchema = z.object(
  {
    /** The course's name, in the header and every page title. */
    title: text().min(1).default("Course"),
    /** One or two sentences about the course: `<meta name="description">` of pages without their own, the feed's subtitle, the social card. */
    description: text().default(""),
    /** Deployed origin, e.g. `https://example.org` (canonical links, sitemap, feed). */
    url: siteUrl.optional(),
    /** Repository web URL (`https://github.com/owner/repo`), for "edit this page" links. */
    repository: text()
      .refine(isHttpUrl, {
        params: { expected: "an http(s) URL such as https://github.com/owner/repo" },
      })
      .optional(),
    /** Branch of `repository` that "edit this page" links open. */
    branch: text().default("main"),
    /** `<html lang>`: a BCP 47 language tag. */
    lang: text()
      .refine(isLanguageTag, { params: { expected: "a language tag such as en, en-GB or fr" } })
      .default("en"),
    /** Who wrote the course: the footer and the feed (the course's title when absent). */
    author: text().optional(),
    /** Prefix of every URL, for hosting under a sub-path (`/course/`). */
    pathPrefix,
    /** CSL style for citations: a built-in name or a `.csl` file in `_data/`. */
    citationStyle: text().default(DEFAULT_CITATION_STYLE),
    /** Severity of broken internal links. */
    brokenLinks: z.enum(["error", "warning"]).default("error"),
    /** Social preview images: one for the whole course, or one per article too (slower to build). */
    socialCards: z.enum(["course", "articles"]).default("course"),
    /** Link the first use of each glossary term in articles to its definition. */
    glossaryLinks: z.boolean().default(false),
    /**
     * Run every article and page body as a Nunjucks template before Markdown,
     * as Eleventy does (`{{ site.title }}`, `{% if %}`, `{% include %}`). This
     * runs the authors' code, in `npm run check` too: off by default, when a
     * body is Markdown and shortcodes, and nothing in it runs.
     */
    bodyTemplates: z.boolean().default(false),
    /**
     * More kinds of files to publish from content/, by extension (`[".stl"]`),
     * besides images, PDF, audio, video and common downloads
     * (source/content-file-kinds.ts). Published as they are: list only kinds
     * that nothing runs. SVG and HTML are always checked, Markdown is a page.
     */
    publishedFileExtensions: z
      .array(
        z
          .string()
          .refine((ext) => /^\.[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*$/.test(ext), {
            params: { expected: 'an extension with its dot, such as ".stl"' },
          })
          // Listing a kind Syllabus checks or refuses (.svg, .js, .njk, .gz, …) must not turn its check off.
          .refine(isAddableExtension, {
            params: {
              expected:
                "a kind of file nothing runs, other than those Syllabus checks or refuses itself (.md, .html, .svg, scripts, templates, .gz, .br)",
            },
          }),
      )
      .default([]),
    /**
     * Origins whose pages articles may embed in an `<iframe>` (a video
     * player: `["https://www.youtube-nocookie.com"]`); added to the
     * Content-Security-Policy's `frame-src`. Any other iframe is an error.
     */
    embeds: z
      .array(
        z
          .string()
          .refine(isOrigin, {
            params: { expected: "an origin such as https://www.youtube-nocookie.com" },
          })
          .transform(normalizeOrigin),
      )
      .default([]),
    /**
     * Lines added to the generated `robots.txt` (`["Disallow: /drafts/"]`),
     * each one line of text: a maintainer's, since a `content/robots.txt`
     * would replace the generated file (and is an error).
     */
    robots: z
      .array(
        text().refine((line) => !/[\n\r]/.test(line), {
          params: { expected: 'one line of robots.txt, such as "Disallow: /drafts/"' },
        }),
      )
      .default([]),
    /** The interface's own words, for courses in other languages. */
    ui: uiOverrides.default({}),
  },
  {
    error: (issue) =>
      issue.code === "invalid_type"
        ? `Expected the site options to be a JSON object, found ${describeValue(issue.input)}`
        : undefined,
  },
);

type ParsedOptions = z.infer<typeof siteOptionsSchema>;
export interface SiteOptions extends Omit<ParsedOptions, "ui"> {
  ui: UiStrings;
}

export function resolveOptions(raw: unknown): SiteOptions {
  return complete(siteOptionsSchema.parse(raw ?? {}));
}

export const SITE_OPTIONS_PATH = "_data/site.json";

export interface LoadedOptions {
  options: SiteOptions;
  diagnostics: Diagnostic[];
  /** Where an option is set in `_data/site.json`, for problems found later. */
  locate: (key: string) => { file: string; line: number; column: number };
}

/**
 * Reads and validates `_data/site.json` under `root`. Unknown options are
 * warnings; invalid ones are errors, and the defaults are used instead.
 */
export function loadOptions(root: string): LoadedOptions {
  const relative = SITE_OPTIONS_PATH;
  const { file, diagnostics } = readJsonFile(path.join(root, relative), relative);
  const locate = (key: string) => ({
    file: relative,
    ...(file ? file.locate([key]) : { line: 1, column: 1 }),
  });
  if (!file) return { options: resolveOptions({}), diagnostics, locate };
  const checked = parseWithDiagnostics(siteOptionsSchema, file.value, file, {
    rule: "site-options",
    ignoredKeys: {
      rule: "site-options-unknown-key",
      message: (key) => `Unknown site option "${key}"; it is ignored`,
    },
  });
  diagnostics.push(...checked.diagnostics);
  return {
    options: checked.data ? complete(checked.data) : resolveOptions({}),
    diagnostics,
    locate,
  };
}

/** The parsed options with every UI string: the course's own over the defaults. */
function complete(parsed: ParsedOptions): SiteOptions {
  return { ...parsed, ui: { ...DEFAULT_UI_STRINGS, ...stripUndefined(parsed.ui) } };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
