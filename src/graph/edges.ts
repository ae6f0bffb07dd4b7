/**
 * Checking prerequisites as written: an edge must name an article, not its
 * own article, and not repeat one already listed; an edge into an earlier
 * block is allowed but warned about. Each problem is located at the edge.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import { didYouMean } from "../core/suggest.js";
import type { EdgeInput, GraphNode } from "./model.js";

/** A problem located where the prerequisite was written. */
export function edgeDiagnostic(
  edge: EdgeInput,
  severity: Diagnostic["severity"],
  rule: string,
  message: string,
  hint?: string,
): Diagnostic {
  return {
    file: edge.file,
    line: edge.line,
    column: edge.column,
    severity,
    rule,
    message,
    ...(hint ? { hint } : {}),
  };
}

/**
 * The edges the graph is built from: those naming a known article other than
 * their own, each once (its first occurrence). Every other edge is dropped
 * with a diagnostic, in the order the edges were given.
 */
export function checkEdges(
  bySlug: ReadonlyMap<string, GraphNode>,
  inputs: readonly EdgeInput[],
): { edges: EdgeInput[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const edges: EdgeInput[] = [];
  for (const edge of inputs) {
    if (!bySlug.has(edge.from)) {
      const others = [...bySlug.keys()].filter((slug) => slug !== edge.to);
      diagnostics.push(
        edgeDiagnostic(
          edge,
          "error",
          "prerequisite-unknown",
          `Unknown prerequisite "${edge.from}": no article has this slug`,
          didYouMean(edge.from, others),
        ),
      );
      continue;
    }
    if (edge.from === edge.to) {
      diagnostics.push(
        edgeDiagnostic(
          edge,
          "error",
          "prerequisite-self",
          `Article "${edge.to}" lists itself as a prerequisite`,
        ),
      );
      continue;
    }
    const key = `${edge.from}\u0000${edge.to}`;
    if (seen.has(key)) {
      diagnostics.push(
        edgeDiagnostic(
          edge,
          "warning",
          "prerequisite-duplicate",
          `Prerequisite "${edge.from}" is listed more than once`,
        ),
      );
      continue;
    }
    seen.add(key);
    edges.push(edge);
  }
  return { edges, diagnostics };
}

/** A warning for each checked edge whose prerequisite sits in a block after its article's. */
export function laterBlockWarnings(
  bySlug: ReadonlyMap<string, GraphNode>,
  edges: readonly EdgeInput[],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const edge of edges) {
    const from = bySlug.get(edge.from)!;
    const to = bySlug.get(edge.to)!;
    if (from.blockIndex > to.blockIndex) {
      diagnostics.push(
        edgeDiagnostic(
          edge,
          "warning",
          "prerequisite-later-block",
          `Prerequisite "${edge.from}" is in block "${from.blockTitle}", which comes after this article's block "${to.blockTitle}"`,
        ),
      );
    }
  }
  return diagnostics;
}
