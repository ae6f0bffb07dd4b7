/**
 * The wording of schema problems, for every file a schema checks. Messages
 * follow remark-lint: "Unexpected X, expected Y" for a value outside a set,
 * "Expected X to be Y, found Z" for a value of the wrong kind, and name the
 * field as the author wrote it (`glossary[1].term`).
 *
 * The wording runs as zod's contextual error map (https://zod.dev/error-customization),
 * so a schema can still word one of its own issues with zod's `error` option,
 * which zod ranks above this map. A file whose messages name the enclosing
 * item (a block by its slug, a work by its id) passes a `MessageOverride`,
 * which sees the whole value being checked.
 */
import { z } from "zod";
import type { KeyPath } from "../source/frontmatter.js";

/** An issue as zod raises it, before its message is chosen. */
export type RawIssue = z.core.$ZodRawIssue;

/** What a message may use. */
export interface IssueContext {
  issue: RawIssue;
  /** Key path from the top level of the checked value. */
  path: KeyPath;
  /** The path as authors read it (`glossary[1].term`); "" at the top level. */
  name: string;
  /** The value found at the path; undefined when the key is missing. */
  value: unknown;
  /** The whole value being checked, for messages that name the enclosing item. */
  root: unknown;
}

/** A file's own wording for some of its issues; undefined leaves an issue to the standard wording. */
export type MessageOverride = (context: IssueContext) => string | undefined;

/** zod's error map for checking `root`: the file's override first, then the standard wording. */
export function issueMessages(root: unknown, override?: MessageOverride): z.core.$ZodErrorMap {
  return (issue) => {
    const path = keyPath(issue.path ?? []);
    const context = { issue, path, name: fieldName(path), value: issue.input, root };
    return override?.(context) ?? standardMessage(context);
  };
}

/** The standard wording of an issue. */
export function standardMessage({ issue, name, value }: IssueContext): string {
  const field = name === "" ? "the top level" : `"${name}"`;
  switch (issue.code) {
    case "invalid_type":
      if (value === undefined) return `Missing required field ${field}`;
      return `Expected ${field} to be ${withArticle(issue.expected)}, found ${describeValue(value)}`;
    case "invalid_value": {
      const allowed = issue.values.map(String);
      const expected = allowed.length === 1 ? allowed[0] : `one of: ${allowed.join(", ")}`;
      return `Unexpected ${name || "value"} ${showValue(value)}, expected ${expected}`;
    }
    case "too_small":
    case "too_big":
      return sizeMessage(issue, field) ?? fallback(issue, field);
    case "unrecognized_keys": {
      const keys = `key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
      return name === "" ? `Unexpected ${keys}` : `Unexpected ${keys} in ${name}`;
    }
    case "invalid_union": {
      const forms = issue.errors.map(expectedForm);
      if (forms.length === 0 || forms.some((f) => f === undefined)) {
        return `Expected ${field} to match one of its allowed forms, found ${describeValue(value)}`;
      }
      return `Expected ${field} to be ${joinOr(forms as string[])}, found ${describeValue(value)}`;
    }
    case "custom": {
      // A text field with a control character (schema/text.ts).
      const control: unknown = issue.params?.controlCharacter;
      if (typeof control === "string") return controlCharacterMessage(control, name);
      // A refinement says what it wants with `params: { expected: "…" }`.
      const expected: unknown = issue.params?.expected;
      if (typeof expected === "string") {
        return `Unexpected ${name || "value"} ${showValue(value)}, expected ${expected}`;
      }
      return fallback(issue, field);
    }
    default:
      return fallback(issue, field);
  }
}

/** A control character (`U+0000`) in a text field (`schema/text.ts`), named as authors write it. */
export function controlCharacterMessage(character: string, name: string): string {
  return `Unexpected control character ${character} in ${name === "" ? "the value" : `"${name}"`}`;
}

function sizeMessage(
  issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig>,
  field: string,
): string | undefined {
  const small = issue.code === "too_small";
  const limit = Number(small ? issue.minimum : issue.maximum);
  const bound = small ? "at least" : "at most";
  if (issue.origin === "string" || issue.origin === "array") {
    if (small && limit === 1) return `Field ${field} must not be empty`;
    const unit = issue.origin === "string" ? "character" : "item";
    return `Expected ${field} to have ${bound} ${limit} ${unit}${limit === 1 ? "" : "s"}`;
  }
  if (issue.origin === "number" || issue.origin === "int") {
    const relation = issue.inclusive === false ? (small ? "greater than" : "less than") : bound;
    return `Expected ${field} to be ${relation} ${limit}`;
  }
  return undefined;
}

/** zod's own English, after the field's name, for issues Syllabus's schemas do not raise. */
function fallback(issue: RawIssue, field: string): string {
  const own = z.core.config().localeError?.(issue);
  const text = typeof own === "string" ? own : own?.message;
  return text ? `Invalid ${field}: ${text}` : `Invalid ${field}`;
}

/** What one branch of a union wanted, when it says so simply (a type, a constant). */
function expectedForm(errors: z.core.$ZodIssue[]): string | undefined {
  const [only] = errors;
  if (errors.length !== 1 || !only || only.path.length > 0) return undefined;
  if (only.code === "invalid_type") return withArticle(only.expected);
  if (only.code === "invalid_value") return joinOr(only.values.map((v) => showValue(v)));
  return undefined;
}

/** `a`, `a or b`, `a, b or c`. */
export function joinOr(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

/** `glossary[1].term` for `["glossary", 1, "term"]`. */
export function fieldName(path: KeyPath): string {
  return path
    .map((p) => (typeof p === "number" ? `[${p}]` : p))
    .join(".")
    .replace(/\.\[/g, "[");
}

/** The key path of an issue, without symbol keys (which no JSON or YAML file has). */
export function keyPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.filter((p): p is string | number => typeof p !== "symbol");
}

export function withArticle(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** What was found, in words: `null`, `a list`, `a map`, `the string "x"`, `a number 42`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  const text = scalarText(value);
  if (text !== undefined) return `${withArticle(typeof value)} ${text}`;
  return typeof value === "object" ? "a map" : withArticle(typeof value);
}

/** A value as written: scalars literally (`"advnced"`, `3`), lists and maps in words. */
export function showValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || value === undefined) return String(value);
  return scalarText(value) ?? describeValue(value);
}

function scalarText(value: unknown): string | undefined {
  switch (typeof value) {
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    default:
      return undefined;
  }
}
