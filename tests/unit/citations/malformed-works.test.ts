import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../src/core/diagnostics.js";
import { malformedWorkDiagnostics } from "../../../src/citations/malformed-works.js";

const problem = (message: string): Diagnostic => ({
  file: "_data/references.bib",
  line: 3,
  column: 1,
  severity: "error",
  rule: "bibliography-malformed",
  message,
});

describe("malformedWorkDiagnostics", () => {
  const bibliography = {
    malformed: [
      { key: "cited", problems: [problem("Bad cited")] },
      { key: "uncited", problems: [problem("Bad uncited")] },
      { key: undefined, problems: [problem("No key")] },
    ],
  };

  it("makes the problems of a cited entry errors, and of the others warnings saying they are left out", () => {
    expect(
      malformedWorkDiagnostics(bibliography, new Set(["cited"])).map((d) => [
        d.severity,
        d.message,
      ]),
    ).toEqual([
      ["error", "Bad cited"],
      ["warning", "Bad uncited; no page cites it, so it is left out of the bibliography"],
      ["warning", "No key; no page cites it, so it is left out of the bibliography"],
    ]);
  });

  it("reports nothing for a bibliography without malformed entries", () => {
    expect(malformedWorkDiagnostics({ malformed: [] }, new Set(["x"]))).toEqual([]);
  });
});
