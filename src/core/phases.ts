/**
 * Time spent in each phase of a build, measured inside our own code, for
 * `npm run bench`. Off unless enabled; then each phase's time excludes the
 * phases nested in it (KaTeX inside Markdown is counted as KaTeX).
 */

export type Phase =
  | "load"
  | "markdown"
  | "katex"
  | "highlight"
  | "citations"
  | "graph"
  | "graphSvg"
  | "views"
  | "assets"
  | "social"
  | "search"
  | "eleventy"
  | "searchWait";

let enabled = false;
const totals = new Map<Phase, number>();
const stack: { phase: Phase; started: number; nested: number }[] = [];

export function enablePhaseTiming(): void {
  enabled = true;
  totals.clear();
}

export function phaseTimes(): Record<Phase, number> {
  return Object.fromEntries(totals) as Record<Phase, number>;
}

/** Runs `fn`, counting its time (minus nested phases) towards `phase`. */
export function timed<T>(phase: Phase, fn: () => T): T {
  if (!enabled) return fn();
  const frame = { phase, started: performance.now(), nested: 0 };
  stack.push(frame);
  try {
    return fn();
  } finally {
    stack.pop();
    const elapsed = performance.now() - frame.started;
    totals.set(phase, (totals.get(phase) ?? 0) + elapsed - frame.nested);
    const parent = stack.at(-1);
    if (parent) parent.nested += elapsed;
  }
}

/** The same for async work that runs alone (not interleaved with other timed work). */
export async function timedAsync<T>(phase: Phase, fn: () => Promise<T>): Promise<T> {
  if (!enabled) return fn();
  const started = performance.now();
  try {
    return await fn();
  } finally {
    totals.set(phase, (totals.get(phase) ?? 0) + performance.now() - started);
  }
}
