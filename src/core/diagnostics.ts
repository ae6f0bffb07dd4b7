/**
 * Problems found in a course, as data with a location. Every check in Syllabus
 * returns these instead of throwing, so that one run can report them all.
 */

export type Severity = "error" | "warning" | "note";

export interface Diagnostic {
  /** Path from the project root, with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  severity: Severity;
  /** Stable identifier of the rule that found the problem, e.g. `unknown-cite-key`. */
  rule: string;
  message: string;
  /** How to fix it, printed on its own line (`  hint: …`). */
  hint?: string;
}

export interface Location {
  file: string;
  line: number;
  column: number;
}

export function formatDiagnostic(d: Diagnostic): string {
  const head = `${oneLine(d.file)}:${d.line}:${d.column}: ${d.severity}: ${oneLine(d.message)} (${d.rule})`;
  return d.hint === undefined ? head : `${head}\n  hint: ${oneLine(d.hint)}`;
}

/**
 * Text as one line of a terminal: messages quote what authors wrote (a link
 * with `%0a` decoded, a title with a NUL), and a newline in it would look like
 * another diagnostic, an escape sequence would recolour the terminal. Line
 * breaks, tabs and other control characters (C0, DEL, C1, and the Unicode
 * line and paragraph separators) are printed as escapes: `\n`, `\u0000`.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const named = ESCAPES[c];
    return named ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

const ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Orders by file, then position, so reports read top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** One line per problem plus a summary, ready for stderr. Notes are left out unless asked for. */
export function formatReport(
  diagnostics: readonly Diagnostic[],
  { includeNotes = false }: { includeNotes?: boolean } = {},
): string {
  const shown = sortDiagnostics(diagnostics).filter((d) => includeNotes || d.severity !== "note");
  if (shown.length === 0) return "";
  const errors = shown.filter((d) => d.severity === "error").length;
  const warnings = shown.filter((d) => d.severity === "warning").length;
  const summary = `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
  return `${shown.map(formatDiagnostic).join("\n")}\n${summary}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Collects diagnostics for one file, so checks need not repeat its path. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  report(d: Diagnostic): void {
    this.items.push(d);
  }

  error(at: Location, rule: string, message: string, hint?: string): void {
    this.items.push({
      ...at,
      severity: "error",
      rule,
      message,
      ...(hint === undefined ? {} : { hint }),
    });
  }

  warning(at: Location, rule: string, message: string, hint?: string): void {
    this.items.push({
      ...at,
      severity: "warning",
      rule,
      message,
      ...(hint === undefined ? {} : { hint }),
    });
  }

  note(at: Location, rule: string, message: string): void {
    this.items.push({ ...at, severity: "note", rule, message });
  }
}
