import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../src/core/diagnostics.js";
import {
  contextOf,
  createEnv,
  reportAt,
  type RenderContext,
} from "../../../src/markdown/render-context.js";

function context(): RenderContext & { diagnostics: Diagnostic[] } {
  return {
    file: "a.md",
    diagnostics: [],
    toc: [],
    locate: (line, needle) => ({
      file: "a.md",
      line: (line ?? -1) + 1,
      column: needle ? needle.length : 1,
    }),
  };
}

describe("createEnv / contextOf", () => {
  it("gives back the context a render was started with", () => {
    const ctx = context();
    expect(contextOf(createEnv(ctx))).toBe(ctx);
  });

  it("has no context for a render without one", () => {
    expect(contextOf(undefined)).toBeUndefined();
    expect(contextOf({})).toBeUndefined();
  });
});

describe("reportAt", () => {
  it("adds a located diagnostic through the context's locate", () => {
    const ctx = context();
    reportAt(createEnv(ctx), 2, "error", "math-tex", "TeX error: x", "abcd", "a hint");
    reportAt(createEnv(ctx), undefined, "warning", "r", "m");
    expect(ctx.diagnostics).toStrictEqual([
      {
        file: "a.md",
        line: 3,
        column: 4,
        severity: "error",
        rule: "math-tex",
        message: "TeX error: x",
        hint: "a hint",
      },
      { file: "a.md", line: 0, column: 1, severity: "warning", rule: "r", message: "m" },
    ]);
  });

  it("does nothing without a context", () => {
    expect(() => reportAt({}, 1, "error", "r", "m")).not.toThrow();
    expect(() => reportAt(undefined, 1, "error", "r", "m")).not.toThrow();
  });
});
