/** Small hand-written graphs for the prerequisite graph's unit tests. */
import type { Diagnostic } from "../../../src/core/diagnostics.js";
import type { EdgeInput, GraphNode } from "../../../src/graph/model.js";

const BLOCK_TITLES = ["Foundations", "Mechanisms", "Applications", "Research"];

export function node(
  slug: string,
  options: { block?: number; order?: number; minutes?: number } = {},
): GraphNode {
  const blockIndex = options.block ?? 0;
  return {
    slug,
    title: slug.toUpperCase(),
    blockIndex,
    blockTitle: BLOCK_TITLES[blockIndex] ?? `Block ${blockIndex}`,
    order: options.order,
    readingMinutes: options.minutes ?? 1,
    file: `content/topics/${slug}.md`,
  };
}

/** `to` lists `from` as a prerequisite, written in `to`'s file at line:column. */
export function edge(from: string, to: string, line = 5, column = 5): EdgeInput {
  return { from, to, file: `content/topics/${to}.md`, line, column };
}

export function slugs(nodes: readonly GraphNode[]): string[] {
  return nodes.map((n) => n.slug);
}

export function bySeverity(
  diagnostics: Diagnostic[],
  severity: Diagnostic["severity"],
): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === severity);
}

export function key(e: { from: string; to: string }): string {
  return `${e.from}→${e.to}`;
}

/** a → b → d → e, a → c → d, c → f; g alone. Reading times are distinct primes. */
export const QUERY_NODES = [
  node("a", { minutes: 3 }),
  node("b", { minutes: 5 }),
  node("c", { minutes: 7 }),
  node("d", { minutes: 11 }),
  node("e", { minutes: 13 }),
  node("f", { minutes: 17 }),
  node("g", { minutes: 19 }),
];

/** The edges of QUERY_NODES, not in learning order. */
export const QUERY_EDGES = [
  edge("c", "d"),
  edge("b", "d"),
  edge("a", "b"),
  edge("a", "c"),
  edge("d", "e"),
  edge("c", "f"),
];
