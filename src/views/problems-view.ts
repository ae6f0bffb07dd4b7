/**
 * The list of problems the dev server shows at the top of every page (the
 * terminal prints them all): the first PROBLEMS_SHOWN, so that a course with
 * hundreds of mistakes does not make every page that much longer.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import type { UiStrings } from "../core/ui-strings.js";

export const PROBLEMS_SHOWN = 30;

export interface ProblemsView {
  /** How many problems there are in all. */
  count: number;
  shown: readonly Diagnostic[];
  /** Says that only the first PROBLEMS_SHOWN are listed; undefined when all are. */
  more: string | undefined;
}

export function problemsView(problems: readonly Diagnostic[], ui: UiStrings): ProblemsView {
  return {
    count: problems.length,
    shown: problems.slice(0, PROBLEMS_SHOWN),
    more:
      problems.length > PROBLEMS_SHOWN
        ? ui.moreProblemsInTerminal.replaceAll("{count}", String(PROBLEMS_SHOWN))
        : undefined,
  };
}
