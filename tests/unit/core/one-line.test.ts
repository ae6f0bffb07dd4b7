import { describe, expect, it } from "vitest";
import { formatDiagnostic, formatReport, oneLine } from "../../../src/core/diagnostics.js";

describe("a diagnostic is one line, whatever it quotes", () => {
  it("prints a link with %0a (decoded to a newline) on one line", () => {
    expect(
      formatDiagnostic({
        file: "content/topics/a.md",
        line: 3,
        column: 5,
        severity: "error",
        rule: "broken-link",
        message: "Broken link /topics/a\nb/: no page has this URL",
        hint: "did you mean\r/topics/ab/?",
      }),
    ).toBe(
      "content/topics/a.md:3:5: error: Broken link /topics/a\\nb/: no page has this URL (broken-link)\n  hint: did you mean\\r/topics/ab/?",
    );
  });

  it("escapes NUL, terminal escapes, DEL, C1 and the Unicode line separators", () => {
    expect(oneLine("a\u0000b\u001b[2Jc\u007fd\u0085e\u2028f\u2029\tg")).toBe(
      "a\\u0000b\\u001b[2Jc\\u007fd\\u0085e\\u2028f\\u2029\\tg",
    );
  });

  it("leaves other text as it is", () => {
    expect(oneLine('Unknown key "é" — 😀 \\n')).toBe('Unknown key "é" — 😀 \\n');
  });

  it("keeps a report to one line per problem, plus its hint line", () => {
    const report = formatReport([
      { file: "a.md", line: 1, column: 1, severity: "error", rule: "r", message: "x\ny\nz" },
    ]);
    expect(report.split("\n")).toEqual([
      "a.md:1:1: error: x\\ny\\nz (r)",
      "1 error, 0 warnings",
      "",
    ]);
  });
});
