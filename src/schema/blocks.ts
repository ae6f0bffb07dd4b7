/**
 * The course's blocks (modules), declared in `_data/blocks.json` in course
 * order: the schema, and reading the file. Articles join a block with their
 * `block:` key; grouping them is `course/blocks.ts`.
 *
 * ```json
 * [{ "slug": "basics", "title": "Basics", "description": "Start here." }]
 * ```
 */
import path from "node:path";
import { z } from "zod";
import type { Diagnostic } from "../core/diagnostics.js";
import { isValidSlug } from "../core/urls.js";
import { readJsonFile } from "../source/json-file.js";
import { parseListWithDiagnostics, valueAt } from "./diagnostics-from-issues.js";
import type { IssueContext, RawIssue } from "./issue-messages.js";
import { text } from "./text.js";

export const BLOCKS_PATH = "_data/blocks.json";

const SHAPE = '{"slug": "…", "title": "…", "description": "…"}';

function slugMessage(issue: RawIssue): string {
  return `Expected "slug" to be a slug (letters, digits and dashes), found ${JSON.stringify(issue.input)}`;
}

/** One block of `_data/blocks.json`. */
export const declaredBlock = z.object(
  {
    /** The block's URL segment (`/blocks/<slug>/`) and the value of articles' `block:` key. */
    slug: z.string({ error: slugMessage }).refine(isValidSlug, { error: slugMessage }),
    /** The block's heading, in the navigation and on its page. */
    title: text().trim().min(1),
    /** One or two sentences about the block, under its title. */
    description: text().default(""),
  },
  { error: (issue) => (issue.code === "invalid_type" ? `Expected a block: ${SHAPE}` : undefined) },
);
export type DeclaredBlock = z.output<typeof declaredBlock>;

/** `_data/blocks.json`: the blocks in course order. */
export const blocksFile = z.array(declaredBlock, {
  error: (issue) =>
    issue.code === "invalid_type" ? `Expected a list of blocks: [${SHAPE}]` : undefined,
});

/**
 * Reads `_data/blocks.json` under `root`: the valid blocks in order, and every
 * problem (a bad block is left out, the others kept; a slug listed twice keeps
 * its first block). No file: no blocks, no problems.
 */
export function loadBlocks(root: string): { blocks: DeclaredBlock[]; diagnostics: Diagnostic[] } {
  const { file, diagnostics } = readJsonFile(path.join(root, BLOCKS_PATH), BLOCKS_PATH);
  if (!file) return { blocks: [], diagnostics };
  const checked = parseListWithDiagnostics(blocksFile, file.value, file, {
    rule: "blocks-schema",
    message: blockMessage,
    ignoredKeys: {
      rule: "blocks-unknown-key",
      message: (key, [index]) =>
        `Unknown key "${key}" in ${blockName(valueAt(file.value, [index ?? 0]), index)}; it is ignored`,
    },
  });
  diagnostics.push(...checked.diagnostics);
  const blocks: DeclaredBlock[] = [];
  const first = new Map<string, number>();
  for (const { index, data } of checked.items) {
    const previous = first.get(data.slug);
    if (previous !== undefined) {
      diagnostics.push({
        file: BLOCKS_PATH,
        ...file.locate([index, "slug"]),
        severity: "error",
        rule: "blocks-schema",
        message: `Block "${data.slug}" is listed twice (first at item ${previous + 1})`,
      });
      continue;
    }
    first.set(data.slug, index);
    blocks.push(data);
  }
  return { blocks, diagnostics };
}

/** Problems with a block's title or description name the block, by its slug. */
function blockMessage({ issue, path, root, value }: IssueContext): string | undefined {
  const [index, field] = path;
  if (typeof index !== "number" || path.length !== 2) return undefined;
  const block = blockName(valueAt(root, [index]), index);
  const control: unknown = issue.code === "custom" ? issue.params?.controlCharacter : undefined;
  if (typeof control === "string" && typeof field === "string") {
    return `Unexpected control character ${control} in "${field}" of ${block}`;
  }
  if (issue.code === "custom") return undefined;
  const wrongType = issue.code === "invalid_type" && value !== undefined;
  if (field === "title" && !wrongType) return `Missing or empty "title" for ${block}`;
  if ((field === "title" || field === "description") && wrongType) {
    return `Expected "${field}" of ${block} to be a string`;
  }
  return undefined;
}

/** `block "basics"`, or `the block at item 3` when its slug is not usable. */
function blockName(block: unknown, index: string | number | undefined): string {
  const slug = valueAt(block, ["slug"]);
  return typeof slug === "string" && isValidSlug(slug)
    ? `block "${slug}"`
    : `the block at item ${Number(index) + 1}`;
}
