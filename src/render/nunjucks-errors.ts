/**
 * Where a Nunjucks error is. Nunjucks puts `[Line n, Column m]` in most
 * messages (1-based for syntax errors and undefined output, 0-based for
 * runtime `Error:`s, without the column at column 0), and no position at all
 * in some: a template not found, a block left open at the end. For those, the
 * tag is found with Nunjucks' own lexer.
 *
 * Nunjucks records where it is at run time only before a function call: an
 * error thrown by a filter, a test or `in` was reported at the last call
 * before it, or nowhere. Bodies are compiled by `compileLocated`, which
 * records the position of each of those too.
 */
import { createRequire } from "node:module";
import path from "node:path";
import nunjucks, { type Environment, type Template } from "nunjucks";

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
  // A JavaScript error thrown while rendering (`Error: …`, a filter's `TypeError: …`).
  const runtime = /^[A-Za-z]*Error: /.test(detail);
  const what = detail.replace(/^Error: /, "");
  // Nunjucks names the template each error is in, the body being "(unknown path)": the last is where it happened.
  const frames = [...full.matchAll(/\(([^)]*)\)(?: \[Line (\d+)(?:, Column (\d+))?\])?/g)];
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
      // No column: Nunjucks leaves it out when it is 0.
      column: Number(position[3] ?? 0) + (runtime ? 1 : 0),
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

/** The parts of a parsed template node read here. */
interface TemplateNode {
  lineno: number;
  colno: number;
  name?: { value: string };
  args?: TemplateNode;
  left?: TemplateNode;
  right?: TemplateNode & { name?: { value: string }; value?: string };
}

/** The parts of Nunjucks' compiler used here (its JavaScript is not typed). */
interface Compiler {
  compile(node: unknown, frame?: unknown): void;
  getCode(): string;
  _emit(code: string): void;
  _compileAggregate(node: TemplateNode, frame: unknown, open?: string, close?: string): void;
  compileFilter(node: TemplateNode, frame: unknown): void;
  compileIs(node: TemplateNode, frame: unknown): void;
  compileIn(node: TemplateNode, frame: unknown): void;
}

interface EnvironmentInternals {
  asyncFilters: string[];
  extensionsList: unknown[];
  opts: { throwOnUndefined?: boolean };
}

const internals = nunjucks as unknown as {
  compiler: { Compiler: new (name: string | undefined, throwOnUndefined: boolean) => Compiler };
  parser: { parse(src: string, extensions: unknown[], opts: object): unknown };
  lib: { _prettifyError(path: string | undefined, dev: boolean, error: unknown): Error };
};
// Not re-exported by nunjucks' index; the same module its compiler uses.
const transformer = createRequire(import.meta.url)("nunjucks/src/transformer.js") as {
  transform(ast: unknown, asyncFilters: string[], name?: string): unknown;
};

/**
 * `source` as a Nunjucks template of `environment`, compiled as Nunjucks does
 * except that each filter, test and `in` sets the position the compiled code
 * reports an error at (`lineno`, `colno`) once its arguments are evaluated,
 * so that an error it throws is reported at itself.
 */
export function compileLocated(source: string, environment: Environment): Template {
  const env = environment as unknown as EnvironmentInternals;
  const compiler = new internals.compiler.Compiler(undefined, env.opts.throwOnUndefined === true);
  // The arguments are evaluated first (they may hold filters of their own), then the position is set, then it runs.
  const at = (node: TemplateNode, run: string, args: () => void) => {
    compiler._emit(
      `(function (args) { lineno = ${node.lineno}; colno = ${node.colno}; return ${run}; })([`,
    );
    args();
    compiler._emit("])");
  };
  compiler.compileFilter = (node, frame) =>
    at(node, `env.getFilter(${JSON.stringify(node.name!.value)}).apply(context, args)`, () =>
      compiler._compileAggregate(node.args!, frame),
    );
  compiler.compileIs = (node, frame) => {
    const right = node.right!;
    const test = right.name ? right.name.value : right.value!;
    at(node, `env.getTest(${JSON.stringify(test)}).apply(context, args) === true`, () => {
      compiler.compile(node.left, frame);
      if (right.args) {
        compiler._emit(",");
        compiler._compileAggregate(right.args, frame);
      }
    });
  };
  compiler.compileIn = (node, frame) =>
    at(node, "runtime.inOperator(args[0], args[1])", () => {
      compiler.compile(node.left, frame);
      compiler._emit(",");
      compiler.compile(node.right, frame);
    });
  try {
    const ast = internals.parser.parse(source, env.extensionsList, env.opts);
    compiler.compile(transformer.transform(ast, env.asyncFilters));
  } catch (error) {
    // Worded as Nunjucks words a syntax error it finds itself: `(unknown path) [Line n, Column m]`.
    throw internals.lib._prettifyError(undefined, false, error);
  }
  // As Nunjucks' own Template does with the code its compiler makes.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const code = new Function(compiler.getCode()) as () => object;
  const NunjucksTemplate = nunjucks.Template as unknown as new (
    src: { type: "code"; obj: object },
    env: Environment,
  ) => Template;
  return new NunjucksTemplate({ type: "code", obj: code() }, environment);
}
