/**
 * One translation of zod issues into located diagnostics, for every file a
 * schema checks: frontmatter, `_data/site.json`, `_data/blocks.json`,
 * `_data/references.json`.
 *
 * - The message: `issue-messages.ts`.
 * - The location: the value's position when the value exists and the source
 *   knows values' positions (frontmatter does); else its key's (JSON data
 *   files report at the key, where the line starts); else the nearest parent
 *   that exists, down to the file's start (the source's own fallback).
 * - The rule: the file's, but a control character in a text field is its own
 *   (`control-character`, see `text.ts`), the same in every file.
 * - The hint: "did you mean" for a value outside an enum and for an unknown key.
 * - Keys that a plain `z.object` ignores (zod strips them) pass validation;
 *   when the file asks for it they are warnings at the key, with a hint.
 */
import { z } from "zod";
import type { Diagnostic, Severity } from "../core/diagnostics.js";
import { didYouMean } from "../core/suggest.js";
import type { KeyPath } from "../source/frontmatter.js";
import {
  controlCharacterMessage,
  fieldName,
  issueMessages,
  keyPath,
  type MessageOverride,
} from "./issue-messages.js";
import { CONTROL_CHARACTER_HINT, CONTROL_CHARACTER_RULE } from "./text.js";

/** A file whose keys and values can be located: a frontmatter `SourceFile` or a `JsonFile`. */
export interface LocatedSource {
  /** Path from the project root, as diagnostics print it. */
  path: string;
  /** Position of the key (or list item) at a path; the nearest parent's when it is missing. */
  locate(path: KeyPath): { line: number; column: number };
  /** Position of the value at a path, when the source knows it. */
  locateValue?(path: KeyPath): { line: number; column: number };
}

/** How one file reports its schema problems. */
export interface SchemaCheck {
  /** Rule of schema errors, e.g. `frontmatter-schema`. */
  rule: string;
  /** The file's own wording for some issues (see `MessageOverride`). */
  message?: MessageOverride;
  /** Report the keys a plain `z.object` ignores, as warnings with this rule and wording. */
  ignoredKeys?: { rule: string; message: (key: string, path: KeyPath) => string };
}

export interface Checked<T> {
  /** The parsed value (defaults filled in, transforms applied); undefined when invalid. */
  data: T | undefined;
  /** Warnings for ignored keys first, then one error per issue, in zod's order. */
  diagnostics: Diagnostic[];
  issues: z.core.$ZodIssue[];
}

/** Validates `value` (read from `source`) against `schema`, returning its data and every problem located. */
export function parseWithDiagnostics<S extends z.ZodType>(
  schema: S,
  value: unknown,
  source: LocatedSource,
  check: SchemaCheck,
): Checked<z.output<S>> {
  const diagnostics = check.ignoredKeys
    ? ignoredKeyWarnings(schema, value, source, check.ignoredKeys)
    : [];
  const result = schema.safeParse(value, { error: issueMessages(value, check.message) });
  if (result.success) return { data: result.data, diagnostics, issues: [] };
  const issues = result.error.issues;
  diagnostics.push(
    ...diagnosticsFromIssues(issues, { schema, root: value, source, rule: check.rule }),
  );
  return { data: undefined, diagnostics, issues };
}

/**
 * Validates a list item by item, so that one bad item does not lose the
 * others: returns every valid item with its index, and every problem.
 */
export function parseListWithDiagnostics<S extends z.ZodType>(
  list: z.ZodArray<S>,
  value: unknown,
  source: LocatedSource,
  check: SchemaCheck,
): { items: { index: number; data: z.output<S> }[]; diagnostics: Diagnostic[] } {
  const { data, diagnostics, issues } = parseWithDiagnostics(list, value, source, check);
  if (data) return { items: data.map((item, index) => ({ index, data: item })), diagnostics };
  if (!Array.isArray(value) || issues.some((issue) => issue.path.length === 0)) {
    return { items: [], diagnostics };
  }
  const failed = new Set(issues.map((issue) => issue.path[0]));
  const items: { index: number; data: z.output<S> }[] = [];
  value.forEach((item: unknown, index) => {
    if (failed.has(index)) return;
    const parsed = list.element.safeParse(item);
    if (parsed.success) items.push({ index, data: parsed.data });
  });
  return { items, diagnostics };
}

/** Located diagnostics for zod issues found in `root`, read from `source`. */
export function diagnosticsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  {
    schema,
    root,
    source,
    rule,
    severity = "error",
  }: {
    /** The schema that raised them: its keys are the candidates for did-you-mean. */
    schema: z.core.$ZodType;
    root: unknown;
    source: LocatedSource;
    rule: string;
    severity?: Severity;
  },
): Diagnostic[] {
  return issues.flatMap(withControlCharacters).map((issue) => {
    const path = keyPath(issue.path);
    const value = valueAt(root, path);
    const control = controlCharacterOf(issue);
    const hint = control ? CONTROL_CHARACTER_HINT : hintFor(issue, value, keysAt(schema, path));
    return {
      file: source.path,
      ...locateIssue(source, path, value),
      severity,
      rule: control ? CONTROL_CHARACTER_RULE : rule,
      message: issue.message,
      ...(hint ? { hint } : {}),
    };
  });
}

/** The character (`U+0000`) of a control-character issue (`text.ts`). */
function controlCharacterOf(issue: z.core.$ZodIssue): string | undefined {
  const control: unknown = issue.code === "custom" ? issue.params?.controlCharacter : undefined;
  return typeof control === "string" ? control : undefined;
}

/**
 * A union whose value failed one of its forms only for control characters
 * (a prerequisite's `url`, one of the `tags`) is reported as those characters,
 * at their path: "expected one of its forms" would hide what is wrong.
 */
function withControlCharacters(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== "invalid_union") return [issue];
  for (const branch of issue.errors) {
    const inner = branch.flatMap(withControlCharacters);
    if (inner.length > 0 && inner.every((i) => controlCharacterOf(i) !== undefined)) {
      return inner.map((i) => {
        const path = [...issue.path, ...i.path];
        // Worded again: inside the union, the issue's name was relative to it.
        const message = controlCharacterMessage(controlCharacterOf(i)!, fieldName(keyPath(path)));
        return { ...i, path, message };
      });
    }
  }
  return [issue];
}

/** Where an issue at `path` is shown: at its value, else its key, else the nearest parent. */
export function locateIssue(
  source: LocatedSource,
  path: KeyPath,
  value: unknown,
): { line: number; column: number } {
  return value !== undefined && source.locateValue ? source.locateValue(path) : source.locate(path);
}

function hintFor(issue: z.core.$ZodIssue, value: unknown, known: string[]): string | undefined {
  if (issue.code === "invalid_value" && typeof value === "string") {
    return didYouMean(value, issue.values.map(String));
  }
  if (issue.code === "unrecognized_keys" && issue.keys[0] !== undefined) {
    return didYouMean(issue.keys[0], known);
  }
  return undefined;
}

/** Warnings for the keys that a plain `z.object` in `schema` ignores in `value`, at each key. */
export function ignoredKeyWarnings(
  schema: z.core.$ZodType,
  value: unknown,
  source: LocatedSource,
  { rule, message }: NonNullable<SchemaCheck["ignoredKeys"]>,
): Diagnostic[] {
  return ignoredKeys(schema, value, []).map(({ path, key, known }) => {
    const hint = didYouMean(key, known);
    return {
      file: source.path,
      ...source.locate([...path, key]),
      severity: "warning",
      rule,
      message: message(key, path),
      ...(hint ? { hint } : {}),
    };
  });
}

interface IgnoredKey {
  /** Path of the object holding the key. */
  path: KeyPath;
  key: string;
  /** The keys that object accepts. */
  known: string[];
}

function ignoredKeys(schema: z.core.$ZodType, value: unknown, path: KeyPath): IgnoredKey[] {
  const def = unwrap(schema)._zod.def as z.core.$ZodTypes["_zod"]["def"];
  if (def.type === "object" && isRecord(value)) {
    const known = Object.keys(def.shape);
    // strictObject rejects unknown keys and looseObject keeps them; only a plain object drops them.
    const strips = def.catchall === undefined;
    return Object.entries(value).flatMap(([key, item]) => {
      const field = def.shape[key];
      if (field) return ignoredKeys(field, item, [...path, key]);
      return strips ? [{ path, key, known }] : [];
    });
  }
  if (def.type === "array" && Array.isArray(value)) {
    return value.flatMap((item: unknown, index) =>
      ignoredKeys(def.element, item, [...path, index]),
    );
  }
  return [];
}

/** The keys accepted by the objects a path leads to in `schema` (every branch of a union). */
export function keysAt(schema: z.core.$ZodType, path: KeyPath): string[] {
  const def = unwrap(schema)._zod.def as z.core.$ZodTypes["_zod"]["def"];
  const [segment, ...rest] = path;
  if (def.type === "union") return [...new Set(def.options.flatMap((o) => keysAt(o, path)))];
  if (segment === undefined) return def.type === "object" ? Object.keys(def.shape) : [];
  if (def.type === "object" && typeof segment === "string") {
    const field = def.shape[segment];
    return field ? keysAt(field, rest) : [];
  }
  if (def.type === "array" && typeof segment === "number") return keysAt(def.element, rest);
  return [];
}

/** The schema inside optional, default, nullable, pipe and the like. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  const def = schema._zod.def as z.core.$ZodTypes["_zod"]["def"];
  switch (def.type) {
    case "optional":
    case "nullable":
    case "nonoptional":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
      return unwrap(def.innerType);
    case "pipe":
      return unwrap(def.in);
    case "lazy":
      return unwrap(def.getter());
    default:
      return schema;
  }
}

/** The value at a key path, or undefined when some part of it is missing. */
export function valueAt(data: unknown, path: KeyPath): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
