/**
 * Splits a source file into frontmatter and body, parsing the YAML with
 * `yaml` so that every key keeps its position for error messages. The
 * frontmatter is data from strangers: it is read as plain YAML values, and
 * every way the YAML can fail is a located error, never a throw.
 */
import { Document, isAlias, isMap, parseDocument, visit, type Alias } from "yaml";
import type { Diagnostic } from "../core/diagnostics.js";
import { detached, LineIndex } from "../core/text.js";
import { offsetOfPath } from "./yaml-positions.js";

export type KeyPath = readonly (string | number)[];

export interface SourceFile {
  /** Path from the project root, forward slashes. */
  path: string;
  text: string;
  lines: LineIndex;
  /** The frontmatter as plain data ({} when absent or malformed). */
  data: Record<string, unknown>;
  /** Whether the frontmatter parsed (a file with no frontmatter counts as parsed). */
  frontmatterOk: boolean;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** Position of a frontmatter key or list item; falls back to the frontmatter's start. */
  locate(path: KeyPath): { line: number; column: number };
  /** Position of the value at a frontmatter key path, when present. */
  locateValue(path: KeyPath): { line: number; column: number };
}

export function parseSourceFile(
  path: string,
  raw: string,
): { file: SourceFile; diagnostics: Diagnostic[] } {
  // Lines and columns are counted on the text as authors see it: no BOM, and
  // Windows line endings read as one (YAML would otherwise keep a `\r` in values).
  const text = (raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw).replace(/\r\n?/g, "\n");
  const lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  const split = splitFrontmatter(text);
  const at = (offset: number) => lines.position(split.matterOffset + offset);
  const error = (offset: number, rule: string, message: string, hint?: string) =>
    diagnostics.push({
      file: path,
      ...at(offset),
      severity: "error",
      rule,
      message,
      ...(hint === undefined ? {} : { hint }),
    });

  let frontmatterOk = true;
  let doc: Document | undefined;
  let data: Record<string, unknown> = {};
  if (split.hasFrontmatter && !split.closed) {
    frontmatterOk = false;
    diagnostics.push({
      file: path,
      line: 1,
      column: 1,
      severity: "error",
      rule: "frontmatter-unclosed",
      message: "Frontmatter is not closed: expected a line `---` after it",
    });
  } else if (split.language !== "" && !/^ya?ml$/i.test(split.language)) {
    // gray-matter would run `---js` frontmatter as JavaScript: content is data, so only YAML is read.
    frontmatterOk = false;
    diagnostics.push({
      file: path,
      line: 1,
      column: 4,
      severity: "error",
      rule: "frontmatter-yaml",
      message: `Unexpected frontmatter language ${JSON.stringify(split.language)}, expected YAML`,
      hint: "write the frontmatter as YAML, after a line `---` alone",
    });
  } else if (split.hasFrontmatter && !isBlank(split.matter)) {
    const parsed = parseYaml(split.matter);
    doc = parsed.doc;
    for (const problem of parsed.problems) {
      frontmatterOk = false;
      error(problem.offset, "frontmatter-yaml", problem.message, problem.hint);
    }
    if (frontmatterOk && doc.contents && !isMap(doc.contents)) {
      frontmatterOk = false;
      error(
        doc.contents.range?.[0] ?? 0,
        "frontmatter-yaml",
        "Frontmatter must be a YAML mapping of keys to values",
      );
    }
    if (frontmatterOk && isPlainObject(parsed.value)) data = parsed.value;
  }

  const start = { line: 1, column: 1 };
  const locateNode = (keyPath: KeyPath, wantValue: boolean) => {
    const offset = doc ? offsetOfPath(doc, keyPath, wantValue) : undefined;
    return offset === undefined ? start : at(offset);
  };

  return {
    file: {
      path,
      text,
      lines,
      data,
      frontmatterOk,
      body: split.body,
      bodyLine: lines.position(text.length - split.body.length).line,
      locate: (keyPath) => locateNode(keyPath, false),
      locateValue: (keyPath) => locateNode(keyPath, true),
    },
    diagnostics,
  };
}

interface Split {
  hasFrontmatter: boolean;
  /** Whether a line starting with `---` ends the frontmatter. */
  closed: boolean;
  /** What follows the opening `---` on its line (`js` in `---js`), trimmed. */
  language: string;
  /** The frontmatter's text, from the end of the opening line to the closing line. */
  matter: string;
  /** Offset of `matter` in the text. */
  matterOffset: number;
  body: string;
}

/**
 * Frontmatter and body, split as gray-matter splits them (so that courses
 * written for Eleventy read the same): an opening `---` (not `----`), the
 * frontmatter up to the next line starting with `---`, then the body after
 * that line. gray-matter itself is not used: it runs `---js` frontmatter.
 */
export function splitFrontmatter(text: string): Split {
  if (!text.startsWith("---") || text.charAt(3) === "-") {
    return {
      hasFrontmatter: false,
      closed: true,
      language: "",
      matter: "",
      matterOffset: 0,
      body: text,
    };
  }
  const lineEnd = text.indexOf("\n", 3);
  const matterOffset = lineEnd === -1 ? text.length : lineEnd;
  const language = text.slice(3, matterOffset).trim();
  const close = text.indexOf("\n---", matterOffset);
  if (close === -1) {
    return {
      hasFrontmatter: true,
      closed: false,
      language,
      matter: text.slice(matterOffset),
      matterOffset,
      body: "",
    };
  }
  let body = text.slice(close + 4);
  if (body.startsWith("\n")) body = body.slice(1);
  return {
    hasFrontmatter: true,
    closed: true,
    language,
    matter: text.slice(matterOffset, close),
    matterOffset,
    body,
  };
}

/** Only blank lines and comments: an empty frontmatter, as gray-matter reads it. */
function isBlank(matter: string): boolean {
  return matter.replace(/^\s*#[^\n]+/gm, "").trim() === "";
}

/**
 * An alias may stand for at most this many nodes in all: far more than any
 * frontmatter needs, far fewer than a "billion laughs" document expands to.
 */
const MAX_ALIAS_COUNT = 100;

/** Tags of the YAML core schema: plain data. Any other (`!!js/function`, `!!binary`, `!foo`) is refused. */
const CORE_TAGS = new Set(
  ["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`),
);

interface YamlProblem {
  offset: number;
  message: string;
  hint?: string;
}

/**
 * The frontmatter's YAML as a document (for positions) and as plain data,
 * with every problem located. Nothing here throws: a document `yaml` rejects,
 * an alias bomb, an alias to nothing or nesting too deep for the stack are
 * each an error at their offset.
 */
function parseYaml(matter: string): { doc: Document; value: unknown; problems: YamlProblem[] } {
  // Values are sliced from what YAML parses: give it its own copy, not a view into the whole file.
  const source = detached(matter);
  let doc: Document;
  try {
    doc = parseDocument(source, {
      prettyErrors: false,
      uniqueKeys: true,
      merge: false,
      schema: "core",
    });
  } catch (error) {
    return { doc: new Document(), value: {}, problems: [thrown(error, 0)] };
  }
  const problems: YamlProblem[] = doc.errors.map((e) => ({
    offset: e.pos[0],
    message: `Malformed YAML in frontmatter: ${firstLine(e.message)}`,
  }));
  if (problems.length > 0) return { doc, value: {}, problems };
  const aliases: Alias[] = [];
  try {
    visit(doc, {
      Node(_, node) {
        if (isAlias(node)) aliases.push(node);
        if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
          problems.push({
            offset: node.range?.[0] ?? 0,
            message: `Unexpected YAML tag ${shortTag(node.tag)} in frontmatter, expected plain values`,
            hint: "remove the tag: frontmatter holds text, numbers, true/false, lists and maps",
          });
        }
      },
    });
  } catch (error) {
    return { doc, value: {}, problems: [thrown(error, 0)] };
  }
  if (problems.length > 0) return { doc, value: {}, problems };
  try {
    return { doc, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown, problems };
  } catch (error) {
    // `yaml` throws for an alias to an anchor not (yet) defined and for too many aliases.
    const unresolved = aliases.find((a) => a.resolve(doc) === undefined);
    const at = unresolved ?? aliases[0];
    return { doc, value: {}, problems: [thrown(error, at?.range?.[0] ?? 0)] };
  }
}

function thrown(error: unknown, offset: number): YamlProblem {
  const message = error instanceof Error ? error.message : String(error);
  if (/alias count/i.test(message)) {
    return {
      offset,
      message: `Too many YAML aliases in frontmatter: they would expand to more than ${MAX_ALIAS_COUNT} copies`,
      hint: "write the values out instead of repeating aliases (*name)",
    };
  }
  return { offset, message: `Malformed YAML in frontmatter: ${firstLine(message)}` };
}

/** `!!binary` for `tag:yaml.org,2002:binary`, other tags as written. */
function shortTag(tag: string): string {
  return tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice(18)}` : tag;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}
