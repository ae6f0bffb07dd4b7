/**
 * Where a Nunjucks error is. Nunjucks puts `[Line n, Column m]` in most
 * messages (1-based for syntax errors and undefined output, 0-based for
 * runtime `Error:`s), and no position at all in some: a template not found,
 * a filter not found, a block left open at the end. For those, the tag is
 * found with Nunjucks' own lexer.
 */
import path from "node:path";
import nunjucks from "nunjucks";

export interface NunjucksProblem {
  message: string;
  /** 1-based line of the rendered text, when found. */
  line: number | undefined;
  column: number | undefined;
}

interface LexToken {
  type: string;
  value: string;
  lineno: number;
  colno: number;
}

/** Nunjucks' lexer, which its types do not declare. */
const lexer = (
  nunjucks as unknown as { lexer: { lex(src: string): { nextToken(): LexToken | null } } }
).lexer;

const OPENERS = new Set([
  "if",
  "for",
  "asyncEach",
  "asyncAll",
  "macro",
  "call",
  "filter",
  "block",
  "raw",
  "verbatim",
]);

export function describeNunjucksError(error: unknown, text: string): NunjucksProblem {
  const full = error instanceof Error ? error.message : String(error);
  const detail =
    full
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1) ?? full;
  const runtime = detail.startsWith("Error:");
  const what = detail.replace(/^Error: /, "");
  // Nunjucks names the template each error is in, the body being "(unknown path)": the last is where it happened.
  const frames = [...full.matchAll(/\(([^)]*)\)(?: \[Line (\d+), Column (\d+)\])?/g)];
  const deepest = frames.at(-1);
  if (deepest && deepest[1] !== "unknown path") {
    // In an included template: the problem is reported at the include, and names the included file.
    const where = deepest[2] ? `:${Number(deepest[2]) + (runtime ? 1 : 0)}` : "";
    const absolute = deepest[1]!.split(path.sep).join("/");
    // As the author knows it: from the course's _includes/ folder.
    const file = absolute.includes("/_includes/")
      ? absolute.slice(absolute.lastIndexOf("/_includes/") + 1)
      : path.basename(absolute);
    const include = findInclude(lex(text) ?? [], deepest[1]!);
    return {
      message: `Nunjucks: in ${file}${where}: ${what}`,
      line: include ? include.lineno + 1 : undefined,
      column: include ? include.colno + 1 : undefined,
    };
  }
  const message = `Nunjucks: ${what}`;
  const position = deepest?.[2] !== undefined ? deepest : undefined;
  if (position) {
    return {
      message,
      line: Number(position[2]) + (runtime ? 1 : 0),
      column: Number(position[3]) + (runtime ? 1 : 0),
    };
  }
  const found = findTag(text, detail);
  return {
    message,
    line: found?.lineno === undefined ? undefined : found.lineno + 1,
    column: found ? found.colno + 1 : undefined,
  };
}

/** The include (or import) in the body whose template name `file` ends with. */
function findInclude(tokens: LexToken[], file: string): LexToken | undefined {
  const normalized = file.split(path.sep).join("/");
  return tokens.find(
    (t, i) =>
      t.type === "string" &&
      (normalized === t.value || normalized.endsWith(`/${t.value}`)) &&
      tokens
        .slice(Math.max(0, i - 4), i)
        .some((p) => p.type === "symbol" && /^(include|import|from|extends)$/.test(p.value)),
  );
}

/** The token the message is about: the include of a missing template, the unknown filter, the block left open. */
function findTag(text: string, detail: string): LexToken | undefined {
  const tokens = lex(text);
  if (!tokens) return undefined;
  const missing = /template not found: (.+)$/.exec(detail)?.[1];
  if (missing !== undefined) {
    return tokens.find(
      (t, i) =>
        t.type === "string" &&
        t.value === missing &&
        tokens
          .slice(Math.max(0, i - 4), i)
          .some((p) => p.type === "symbol" && /^(include|import|from|extends)$/.test(p.value)),
    );
  }
  const filter = /filter not found: (.+)$/.exec(detail)?.[1];
  if (filter !== undefined) {
    return tokens.find(
      (t, i) => t.type === "symbol" && t.value === filter && tokens[i - 1]?.value === "|",
    );
  }
  if (/end of file/.test(detail)) {
    const open: LexToken[] = [];
    tokens.forEach((t, i) => {
      if (t.type !== "symbol" || tokens[i - 1]?.type !== "block-start") return;
      if (OPENERS.has(t.value)) open.push(t);
      else if (t.value.startsWith("end")) open.pop();
    });
    return open.at(-1);
  }
  return undefined;
}

function lex(text: string): LexToken[] | undefined {
  try {
    const stream = lexer.lex(text);
    const tokens: LexToken[] = [];
    for (let t = stream.nextToken(); t; t = stream.nextToken()) {
      if (t.type !== "whitespace") tokens.push(t);
    }
    return tokens;
  } catch {
    return undefined;
  }
}
