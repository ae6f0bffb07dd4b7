/** The dev server's list of problems: the first PROBLEMS_SHOWN, and a line saying so when there are more. */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../src/core/diagnostics.js";
import { DEFAULT_UI_STRINGS } from "../../../src/core/ui-strings.js";
import { PROBLEMS_SHOWN, problemsView } from "../../../src/views/problems-view.js";

function problems(count: number): Diagnostic[] {
  return Array.from({ length: count }, (_, i) => ({
    file: "content/topics/a.md",
    line: i + 1,
    column: 1,
    severity: "error" as const,
    rule: "shortcode-unknown",
    message: `Problem ${i + 1}`,
  }));
}

describe("problemsView", () => {
  it("shows every problem when there are at most PROBLEMS_SHOWN", () => {
    const view = problemsView(problems(PROBLEMS_SHOWN), DEFAULT_UI_STRINGS);
    expect(view.count).toBe(PROBLEMS_SHOWN);
    expect(view.shown).toHaveLength(PROBLEMS_SHOWN);
    expect(view.more).toBeUndefined();
  });

  it("shows the first PROBLEMS_SHOWN of more, and says how many are listed", () => {
    const view = problemsView(problems(PROBLEMS_SHOWN + 5), DEFAULT_UI_STRINGS);
    expect(view.count).toBe(PROBLEMS_SHOWN + 5);
    expect(view.shown.map((d) => d.line)).toStrictEqual(
      Array.from({ length: PROBLEMS_SHOWN }, (_, i) => i + 1),
    );
    expect(view.more).toBe(`The first ${PROBLEMS_SHOWN} are listed; the terminal shows them all.`);
  });

  it("puts the number into the course's own words", () => {
    const ui = { ...DEFAULT_UI_STRINGS, moreProblemsInTerminal: "Seuls les {count} premiers." };
    expect(problemsView(problems(PROBLEMS_SHOWN + 1), ui).more).toBe(
      `Seuls les ${PROBLEMS_SHOWN} premiers.`,
    );
  });

  it("is empty without problems (a production build)", () => {
    expect(problemsView([], DEFAULT_UI_STRINGS)).toStrictEqual({
      count: 0,
      shown: [],
      more: undefined,
    });
  });
});
