/**
 * The CSL-JSON items Syllabus accepts in `_data/references.json`, as Zotero
 * and citation-js export them (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html).
 * The schema checks the fields Syllabus itself reads; every other field is
 * kept as written and left to citeproc.
 *
 * ```json
 * [{ "id": "smith2018", "type": "book", "title": "A Book",
 *    "author": [{ "family": "Smith", "given": "Alice" }], "issued": { "date-parts": [[2018]] } }]
 * ```
 */
import { z } from "zod";
import type { Diagnostic } from "../core/diagnostics.js";
import type { JsonFile } from "../source/json-file.js";
import { parseListWithDiagnostics, valueAt } from "./diagnostics-from-issues.js";
import {
  describeValue,
  fieldName,
  standardMessage,
  withArticle,
  type IssueContext,
} from "./issue-messages.js";

/** A person (or an organisation, as `literal`). */
export const cslName = z.looseObject({
  /** Surname: the sort key of the course bibliography. */
  family: z.string().optional(),
  /** Given names. */
  given: z.string().optional(),
  /** A name that is not split into parts (an organisation). */
  literal: z.string().optional(),
});

/** A date, as parts (`[[2018, 3, 1]]`, or two for a range) or as text. */
export const cslDate = z.looseObject({
  /** Year, month, day (numbers or strings); a second list ends a range. The year orders the course bibliography. */
  "date-parts": z.array(z.array(z.union([z.number(), z.string()]))).optional(),
  /** The date as written, for citeproc to read. */
  raw: z.string().optional(),
  /** The date as printed, unparsed. */
  literal: z.string().optional(),
});

const ID_MESSAGE = 'CSL-JSON item without an "id"';

/** One work of `_data/references.json`. */
export const cslJsonItem = z.looseObject(
  {
    /** The citation key: `{% cite "id" %}`. Must not be blank. */
    id: z.string({ error: () => ID_MESSAGE }).refine((id) => id.trim() !== "", {
      error: () => ID_MESSAGE,
    }),
    /** The CSL item type: `book`, `article-journal`, `chapter`, `webpage`, … */
    type: z.string(),
    /** The work's title. */
    title: z.string().optional(),
    /** Authors, in order: the first one's family name sorts the course bibliography. */
    author: z.array(cslName).optional(),
    /** Date of publication. */
    issued: cslDate.optional(),
    /** The work's DOI (`10.1000/xyz`, with or without `https://doi.org/`): its link. */
    DOI: z.string().optional(),
    /** The work's web address: its link when it has no DOI; only http(s) URLs are kept. */
    URL: z.string().optional(),
  },
  {
    error: (issue) =>
      issue.code === "invalid_type"
        ? 'Expected a CSL-JSON item (an object with "id" and "type")'
        : undefined,
  },
);
export type CslJsonItem = z.output<typeof cslJsonItem>;

/** `_data/references.json`: a list of CSL-JSON items. */
export const cslJsonFile = z.array(cslJsonItem, {
  error: (issue) =>
    issue.code === "invalid_type" ? "Expected a list of CSL-JSON items" : undefined,
});

/**
 * Validates a CSL-JSON file read with `readJsonFile`: the valid items with
 * their index in the list, and a located error for each problem (a bad item is
 * left out, the others kept).
 */
export function checkCslJson(file: JsonFile): {
  items: { index: number; item: CslJsonItem }[];
  diagnostics: Diagnostic[];
} {
  const { items, diagnostics } = parseListWithDiagnostics(cslJsonFile, file.value, file, {
    rule: "bibliography-malformed",
    message: itemMessage,
  });
  return { items: items.map(({ index, data }) => ({ index, item: data })), diagnostics };
}

/** Problems inside an item name the item, by its id. */
function itemMessage(context: IssueContext): string | undefined {
  const { issue, path, root, value } = context;
  const [index, ...inItem] = path;
  if (typeof index !== "number" || inItem.length === 0 || inItem[0] === "id") return undefined;
  const id = valueAt(root, [index, "id"]);
  const item =
    typeof id === "string" && id.trim() !== ""
      ? `CSL-JSON item "${id}"`
      : `CSL-JSON item ${index + 1}`;
  const field = fieldName(inItem);
  if (issue.code === "invalid_type" && value === undefined) return `${item} has no "${field}"`;
  if (issue.code === "invalid_type") {
    return `Expected "${field}" of ${item} to be ${withArticle(issue.expected)}, found ${describeValue(value)}`;
  }
  return `${standardMessage({ ...context, name: field })} (${item})`;
}
