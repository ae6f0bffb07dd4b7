import { describe, expect, it } from "vitest";
import {
  DiagnosticSink,
  formatDiagnostic,
  formatReport,
  hasErrors,
  sortDiagnostics,
  type Diagnostic,
} from "../../../src/core/diagnostics.js";

const at = (
  file: string,
  line: number,
  column: number,
  severity: Diagnostic["severity"] = "error",
): Diagnostic => ({
  file,
  line,
  column,
  severity,
  rule: "some-rule",
  message: `${severity} at ${file}:${line}:${column}`,
});

describe("formatDiagnostic", () => {
  it("prints path:line:column: severity: message (rule)", () => {
    expect(
      formatDiagnostic({
        file: "content/topics/a.md",
        line: 12,
        column: 7,
        severity: "error",
        rule: "unknown-cite-key",
        message: 'Unknown citation key "knuth"',
      }),
    ).toBe('content/topics/a.md:12:7: error: Unknown citation key "knuth" (unknown-cite-key)');
  });

  it("prints the hint on its own indented line", () => {
    expect(
      formatDiagnostic({
        file: "a.md",
        line: 1,
        column: 1,
        severity: "warning",
        rule: "frontmatter-unknown-key",
        message: 'Unknown frontmatter key "titel"; it is ignored',
        hint: 'did you mean "title"?',
      }),
    ).toBe(
      'a.md:1:1: warning: Unknown frontmatter key "titel"; it is ignored (frontmatter-unknown-key)\n  hint: did you mean "title"?',
    );
  });

  it("prints notes with their severity", () => {
    expect(formatDiagnostic({ ...at("b.md", 3, 4, "note"), message: "FYI" })).toBe(
      "b.md:3:4: note: FYI (some-rule)",
    );
  });
});

describe("hasErrors", () => {
  it("is true only when some diagnostic is an error", () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([at("a", 1, 1, "warning"), at("a", 1, 1, "note")])).toBe(false);
    expect(hasErrors([at("a", 1, 1, "warning"), at("a", 2, 1, "error")])).toBe(true);
  });
});

describe("sortDiagnostics", () => {
  it("orders by file, then line, then column", () => {
    const sorted = sortDiagnostics([
      at("b.md", 1, 1),
      at("a.md", 10, 2),
      at("a.md", 2, 9),
      at("a.md", 10, 1),
    ]);
    expect(sorted.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual([
      "a.md:2:9",
      "a.md:10:1",
      "a.md:10:2",
      "b.md:1:1",
    ]);
  });

  it("compares lines numerically, not as text", () => {
    expect(sortDiagnostics([at("a", 10, 1), at("a", 9, 1)]).map((d) => d.line)).toEqual([9, 10]);
  });

  it("keeps the original order of diagnostics at the same position", () => {
    const first = { ...at("a", 1, 1), message: "first" };
    const second = { ...at("a", 1, 1), message: "second" };
    expect(sortDiagnostics([first, second]).map((d) => d.message)).toEqual(["first", "second"]);
  });

  it("does not reorder the array it is given", () => {
    const input = [at("b", 1, 1), at("a", 1, 1)];
    sortDiagnostics(input);
    expect(input.map((d) => d.file)).toEqual(["b", "a"]);
  });
});

describe("formatReport", () => {
  it("is empty when there is nothing to report", () => {
    expect(formatReport([])).toBe("");
  });

  it("lists problems sorted, then a summary line with counts", () => {
    const report = formatReport([at("b.md", 1, 1, "warning"), at("a.md", 5, 2), at("a.md", 1, 3)]);
    expect(report).toBe(
      "a.md:1:3: error: error at a.md:1:3 (some-rule)\n" +
        "a.md:5:2: error: error at a.md:5:2 (some-rule)\n" +
        "b.md:1:1: warning: warning at b.md:1:1 (some-rule)\n" +
        "2 errors, 1 warning\n",
    );
  });

  it("uses the singular for one error and the plural for zero warnings", () => {
    expect(formatReport([at("a.md", 1, 1)])).toBe(
      "a.md:1:1: error: error at a.md:1:1 (some-rule)\n1 error, 0 warnings\n",
    );
  });

  it("leaves notes out unless asked for", () => {
    const diagnostics = [at("a.md", 1, 1, "note"), at("a.md", 2, 1, "warning")];
    expect(formatReport(diagnostics)).toBe(
      "a.md:2:1: warning: warning at a.md:2:1 (some-rule)\n0 errors, 1 warning\n",
    );
    expect(formatReport(diagnostics, { includeNotes: true })).toBe(
      "a.md:1:1: note: note at a.md:1:1 (some-rule)\na.md:2:1: warning: warning at a.md:2:1 (some-rule)\n0 errors, 1 warning\n",
    );
  });

  it("is empty when only notes were found and notes are not shown", () => {
    expect(formatReport([at("a.md", 1, 1, "note")])).toBe("");
  });

  it("includes hints in the report", () => {
    expect(formatReport([{ ...at("a.md", 1, 1), hint: "fix it" }])).toBe(
      "a.md:1:1: error: error at a.md:1:1 (some-rule)\n  hint: fix it\n1 error, 0 warnings\n",
    );
  });
});

describe("DiagnosticSink", () => {
  it("collects errors, warnings and notes with the given location", () => {
    const sink = new DiagnosticSink();
    const where = { file: "x.md", line: 3, column: 5 };
    sink.error(where, "r1", "bad", "do this");
    sink.warning(where, "r2", "odd");
    sink.note(where, "r3", "fyi");
    sink.report({ ...where, severity: "error", rule: "r4", message: "direct" });
    expect(sink.items).toStrictEqual([
      {
        file: "x.md",
        line: 3,
        column: 5,
        severity: "error",
        rule: "r1",
        message: "bad",
        hint: "do this",
      },
      { file: "x.md", line: 3, column: 5, severity: "warning", rule: "r2", message: "odd" },
      { file: "x.md", line: 3, column: 5, severity: "note", rule: "r3", message: "fyi" },
      { file: "x.md", line: 3, column: 5, severity: "error", rule: "r4", message: "direct" },
    ]);
  });

  it("leaves out the hint key when there is no hint", () => {
    const sink = new DiagnosticSink();
    sink.error({ file: "x.md", line: 1, column: 1 }, "r", "m");
    expect(sink.items[0]).not.toHaveProperty("hint");
    expect(formatDiagnostic(sink.items[0]!)).toBe("x.md:1:1: error: m (r)");
  });
});
