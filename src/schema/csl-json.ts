/**
 * The one definition of a CSL-JSON item, for `_data/references.json` (as
 * Zotero, Better BibTeX and citation-js export it) and for the items
 * citation-js makes from `_data/references.bib`: CSL 1.0.2's item types,
 * name, date, number and text variables
 * (https://github.com/citation-style-language/schema/blob/v1.0.2/schemas/input/csl-data.json).
 * citeproc trusts its input: `"author": [null]` or a `family` that is not a
 * string throws inside it, and a title of the wrong type prints as whatever
 * it is, so every field citeproc reads is checked here first.
 *
 * Fields outside CSL 1.0.2 are warnings and left out ("ignored"), except the
 * few that citeproc-js reads although the specification has no such field
 * (`journalAbbreviation`, `shortTitle`, Zotero's names for the short forms)
 * and `custom`, which 1.0.2 reserves for tools' own data.
 *
 * ```json
 * [{ "id": "smith2018", "type": "book", "title": "A Book",
 *    "author": [{ "family": "Smith", "given": "Alice" }], "issued": { "date-parts": [[2018]] } }]
 * ```
 */
import { z } from "zod";
import type { Diagnostic } from "../core/diagnostics.js";
import { didYouMean } from "../core/suggest.js";
import type { KeyPath } from "../source/frontmatter.js";
import type { JsonFile } from "../source/json-file.js";
import { parseWithDiagnostics, type LocatedSource } from "./diagnostics-from-issues.js";
import {
  describeValue,
  fieldName,
  joinOr,
  standardMessage,
  withArticle,
  type IssueContext,
} from "./issue-messages.js";

/** CSL 1.0.2 item types (Appendix III). */
export const CSL_ITEM_TYPES = [
  "article",
  "article-journal",
  "article-magazine",
  "article-newspaper",
  "bill",
  "book",
  "broadcast",
  "chapter",
  "classic",
  "collection",
  "dataset",
  "document",
  "entry",
  "entry-dictionary",
  "entry-encyclopedia",
  "event",
  "figure",
  "graphic",
  "hearing",
  "interview",
  "legal_case",
  "legislation",
  "manuscript",
  "map",
  "motion_picture",
  "musical_score",
  "pamphlet",
  "paper-conference",
  "patent",
  "performance",
  "periodical",
  "personal_communication",
  "post",
  "post-weblog",
  "regulation",
  "report",
  "review",
  "review-book",
  "software",
  "song",
  "speech",
  "standard",
  "thesis",
  "treaty",
  "webpage",
] as const;

/** Name variables: lists of people or organisations. */
export const CSL_NAME_VARIABLES = [
  "author",
  "chair",
  "collection-editor",
  "compiler",
  "composer",
  "container-author",
  "contributor",
  "curator",
  "director",
  "editor",
  "editorial-director",
  "editor-translator",
  "executive-producer",
  "guest",
  "host",
  "illustrator",
  "interviewer",
  "narrator",
  "organizer",
  "original-author",
  "performer",
  "producer",
  "recipient",
  "reviewed-author",
  "script-writer",
  "series-creator",
  "translator",
] as const;

/** Date variables. */
export const CSL_DATE_VARIABLES = [
  "accessed",
  "available-date",
  "event-date",
  "issued",
  "original-date",
  "submitted",
] as const;

/** Number variables: a number, or text such as `"12-14"` or `"2nd"`. */
export const CSL_NUMBER_VARIABLES = [
  "chapter-number",
  "citation-number",
  "collection-number",
  "edition",
  "first-reference-note-number",
  "issue",
  "locator",
  "number",
  "number-of-pages",
  "number-of-volumes",
  "page",
  "page-first",
  "part",
  "printing",
  "section",
  "supplement",
  "volume",
] as const;

/** Text variables, and the two Zotero names for short forms that citeproc-js reads. */
export const CSL_TEXT_VARIABLES = [
  "abstract",
  "annote",
  "archive",
  "archive_collection",
  "archive_location",
  "archive-place",
  "authority",
  "call-number",
  "citation-key",
  "citation-label",
  "collection-title",
  "container-title",
  "container-title-short",
  "dimensions",
  "division",
  "DOI",
  "event",
  "event-place",
  "event-title",
  "genre",
  "ISBN",
  "ISSN",
  "journalAbbreviation",
  "jurisdiction",
  "keyword",
  "language",
  "license",
  "medium",
  "note",
  "original-publisher",
  "original-publisher-place",
  "original-title",
  "part-title",
  "PMCID",
  "PMID",
  "publisher",
  "publisher-place",
  "references",
  "reviewed-genre",
  "reviewed-title",
  "scale",
  "shortTitle",
  "source",
  "status",
  "title",
  "title-short",
  "URL",
  "version",
  "volume-title",
  "volume-title-short",
  "year-suffix",
] as const;

/** What a refinement says it wanted, for the message (`params.expected`). */
const expected = (text: string) => ({ params: { expected: text } });

const flag = z.union([z.string(), z.number(), z.boolean()]);

/** A person (`family`, `given`, …) or an organisation (`literal`). */
export const cslName = z
  .object({
    family: z.string().optional(),
    given: z.string().optional(),
    /** A name that is not split into parts (an organisation). */
    literal: z.string().optional(),
    suffix: z.string().optional(),
    "dropping-particle": z.string().optional(),
    "non-dropping-particle": z.string().optional(),
    "comma-suffix": flag.optional(),
    "static-ordering": flag.optional(),
    "parse-names": flag.optional(),
  })
  // citation-js turns `author = {Smith, J. and }` into an empty name, which prints as nothing.
  .refine((name) => [name.family, name.given, name.literal].some((p) => p?.trim()), {
    ...expected('a name with a "family", "given" or "literal" part'),
  });

/** A year, month or day: a whole number, or one written as text (Zotero writes `"2018"`). */
const datePart = z.union([z.int(), z.string().regex(/^-?\d+$/)]);

/** A date, as parts (`[[2018, 3, 1]]`, or two lists for a range) or as text. */
export const cslDate = z
  .object({
    "date-parts": z
      .array(z.tuple([datePart, datePart.optional(), datePart.optional()]))
      .min(1)
      .max(2)
      .optional(),
    /** The date as written, for citeproc to read. */
    raw: z.string().optional(),
    /** The date as printed, unparsed. */
    literal: z.string().optional(),
    season: z.union([z.string(), z.number()]).optional(),
    circa: flag.optional(),
  })
  .refine((date) => date["date-parts"] ?? date.raw ?? date.literal, {
    ...expected('a date with "date-parts", "raw" or "literal"'),
  });

/** `{ a: schema, b: schema }` for a list of field names. */
function fields<K extends string, S extends z.ZodType>(names: readonly K[], schema: S) {
  return Object.fromEntries(names.map((name) => [name, schema])) as Record<K, S>;
}

const ID_MESSAGE = 'CSL-JSON item without an "id"';

/** One work: `_data/references.json` holds a list of them. */
export const cslJsonItem = z.object({
  /** The citation key: `{% cite "id" %}`. A number is read as its digits. */
  id: z
    .union([z.string().refine((id) => id.trim() !== ""), z.number()])
    .transform((id) => String(id)),
  /** The CSL item type: `book`, `article-journal`, `chapter`, `webpage`, … */
  type: z.enum(CSL_ITEM_TYPES),
  ...fields(CSL_NAME_VARIABLES, z.array(cslName).optional()),
  ...fields(CSL_DATE_VARIABLES, cslDate.optional()),
  ...fields(CSL_NUMBER_VARIABLES, z.union([z.string(), z.number()]).optional()),
  ...fields(CSL_TEXT_VARIABLES, z.string().optional()),
  categories: z.array(z.string()).optional(),
  /** Tools' own data (CSL 1.0.2), kept and never printed. */
  custom: z.record(z.string(), z.unknown()).optional(),
});
export type CslJsonItem = z.output<typeof cslJsonItem>;

/** One item checked: its key when it has a usable one, the item when valid, and its problems. */
export interface CheckedItem {
  index: number;
  key: string | undefined;
  item: CslJsonItem | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Validates a CSL-JSON file read with `readJsonFile`, item by item, so that
 * every problem names its item and one bad item never loses the others.
 * `diagnostics` are the file's own problems (not a list at all).
 */
export function checkCslJson(file: JsonFile): { items: CheckedItem[]; diagnostics: Diagnostic[] } {
  if (!Array.isArray(file.value)) {
    return {
      items: [],
      diagnostics: [
        {
          file: file.path,
          ...file.locate([]),
          severity: "error",
          rule: "bibliography-malformed",
          message: "Expected a list of CSL-JSON items",
        },
      ],
    };
  }
  const items = (file.value as unknown[]).map((value, index) => {
    const key = keyOf(value);
    const label = key !== undefined ? `CSL-JSON item "${key}"` : `CSL-JSON item ${index + 1}`;
    const source: LocatedSource = {
      path: file.path,
      locate: (path) => file.locate([index, ...path]),
    };
    return { index, ...checkCslItem(value, source, label) };
  });
  return { items, diagnostics: [] };
}

/**
 * Validates one item, wherever it comes from; `label` names it in messages
 * (`CSL-JSON item "smith2018"`, `entry "smith2018"`) and `source` locates a
 * key path inside it.
 */
export function checkCslItem(
  value: unknown,
  source: LocatedSource,
  label: string,
  { reportUnknownFields = true }: { reportUnknownFields?: boolean } = {},
): Omit<CheckedItem, "index"> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return {
      key: undefined,
      item: undefined,
      diagnostics: [
        {
          file: source.path,
          ...source.locate([]),
          severity: "error",
          rule: "bibliography-malformed",
          message: `Expected a CSL-JSON item (an object with "id" and "type"), found ${describeValue(value)}`,
        },
      ],
    };
  }
  const hints = new Map<string, string>();
  const { data, diagnostics } = parseWithDiagnostics(cslJsonItem, value, source, {
    rule: "bibliography-malformed",
    message: (context) => itemMessage(context, label, hints),
    ...(reportUnknownFields
      ? {
          ignoredKeys: {
            rule: "bibliography-unknown-field",
            message: (key: string, path: KeyPath) =>
              `Unknown field "${fieldName([...path, key])}" of ${label} is ignored`,
          },
        }
      : {}),
  });
  // The hint for an unknown type comes from the type's own table (see typeHint).
  for (const d of diagnostics) {
    const hint = hints.get(d.message);
    if (hint !== undefined) d.hint = hint;
  }
  return { key: keyOf(value), item: data, diagnostics };
}

/** The item's citation key, when it has a usable one. */
function keyOf(value: unknown): string | undefined {
  const id: unknown = (value as { id?: unknown } | null)?.id;
  if (typeof id === "number" && Number.isFinite(id)) return String(id);
  return typeof id === "string" && id.trim() !== "" ? id : undefined;
}

/** Messages name the item and the field as written: `"author[0].family" of CSL-JSON item "a"`. */
function itemMessage(
  context: IssueContext,
  label: string,
  hints: Map<string, string>,
): string | undefined {
  const { issue, path, value } = context;
  const field = fieldName(path);
  if (path.length === 0) return undefined;
  if (path[0] === "id") {
    if (value === undefined || (typeof value === "string" && value.trim() === ""))
      return ID_MESSAGE;
    return `Expected "id" of ${label} to be a string or a number, found ${describeValue(value)}`;
  }
  if (path[0] === "type" && value === undefined) return `${label} has no "type"`;
  if (path[0] === "type" && typeof value !== "string") {
    return `Expected "type" of ${label} to be a string, found ${describeValue(value)}`;
  }
  if (path[0] === "type" && issue.code === "invalid_value" && typeof value === "string") {
    const message = `Unexpected type ${JSON.stringify(value)} of ${label}, expected a CSL item type (article-journal, book, chapter, paper-conference, report, thesis, webpage, …)`;
    const hint = typeHint(value);
    if (hint !== undefined) hints.set(message, hint);
    return message;
  }
  if (value === undefined) return `${label} has no "${field}"`;
  // A year, month or day (`issued.date-parts[0][0]`): whichever branch of the union objected.
  if (path[1] === "date-parts" && path.length === 4 && value !== undefined) {
    return `Expected "${field}" of ${label} to be a whole number, found ${describeValue(value)}`;
  }

  if (issue.code === "invalid_type") {
    return `Expected "${field}" of ${label} to be ${withArticle(issue.expected)}, found ${describeValue(value)}`;
  }
  if (issue.code === "invalid_union") {
    const forms = issue.errors.flatMap((branch) =>
      branch[0]?.code === "invalid_type" ? [withArticle(branch[0].expected)] : [],
    );
    return `Expected "${field}" of ${label} to be ${joinOr([...new Set(forms)])}, found ${describeValue(value)}`;
  }
  if (issue.code === "custom" && typeof issue.params?.expected === "string") {
    return `Expected "${field}" of ${label} to be ${issue.params.expected}, found ${JSON.stringify(value)}`;
  }
  return `${standardMessage({ ...context, name: field })} (${label})`;
}

/**
 * BibTeX's and Crossref's names for the CSL types, which are what an author
 * who writes `"type": "journal"` or `"inproceedings"` means.
 */
const TYPE_ALIASES: Record<string, string> = {
  journal: "article-journal",
  "journal-article": "article-journal",
  inproceedings: "paper-conference",
  conference: "paper-conference",
  "proceedings-article": "paper-conference",
  incollection: "chapter",
  inbook: "chapter",
  "book-chapter": "chapter",
  phdthesis: "thesis",
  mastersthesis: "thesis",
  dissertation: "thesis",
  techreport: "report",
  misc: "document",
  online: "webpage",
  web: "webpage",
  website: "webpage",
  unpublished: "manuscript",
  "posted-content": "article",
  preprint: "article",
  blog: "post-weblog",
  "blog-post": "post-weblog",
  magazine: "article-magazine",
  newspaper: "article-newspaper",
};

/** "did you mean" for an unknown item type: its usual CSL name, else the types that look alike. */
export function typeHint(type: string): string | undefined {
  const lower = type.toLowerCase();
  const alias = TYPE_ALIASES[lower];
  if (alias !== undefined) return `did you mean "${alias}"?`;
  const close = didYouMean(type, CSL_ITEM_TYPES);
  if (close !== undefined) return close;
  const containing = CSL_ITEM_TYPES.filter((t) => t.split(/[-_]/).includes(lower)).slice(0, 3);
  return containing.length > 0
    ? `did you mean ${joinOr(containing.map((t) => `"${t}"`))}?`
    : undefined;
}
