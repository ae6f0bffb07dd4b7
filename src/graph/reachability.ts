/**
 * Reachability over the learning order: each article's depth (its longest
 * prerequisite chain) and ancestors (everything to read before it), what it
 * leads to, and which written edges the others already imply. Ancestors are
 * bit sets over positions, so the whole course costs O(n·e/32) word
 * operations.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import { BitSet } from "./bitset.js";
import { edgeDiagnostic } from "./edges.js";
import type { Edge, EdgeInput, GraphNode } from "./model.js";

/** Indexed by position in learning order. */
export interface Ancestry {
  depth: Int32Array;
  ancestors: BitSet[];
}

/**
 * Depth and ancestors of every article, in one pass down the learning order.
 * An edge against the order exists only inside a cycle (already an error) and
 * is ignored.
 */
export function ancestry(
  order: readonly GraphNode[],
  parents: ReadonlyMap<string, readonly EdgeInput[]>,
  position: (slug: string) => number,
): Ancestry {
  const depth = new Int32Array(order.length);
  const ancestors = order.map(() => new BitSet(order.length));
  order.forEach((node, i) => {
    for (const edge of parents.get(node.slug)!) {
      const p = position(edge.from);
      if (p >= i) continue;
      depth[i] = Math.max(depth[i]!, depth[p]! + 1);
      ancestors[i]!.union(ancestors[p]!);
      ancestors[i]!.add(p);
    }
  });
  return { depth, ancestors };
}

/**
 * Transitive reduction: u → v is implied when another prerequisite w of v has
 * u as an ancestor. Implied edges are left out (they are kept in the graph's
 * `edges`, as written) and reported as notes.
 */
export function transitiveReduction(
  order: readonly GraphNode[],
  parents: ReadonlyMap<string, readonly EdgeInput[]>,
  position: (slug: string) => number,
  ancestors: readonly BitSet[],
): { reduced: Edge[]; diagnostics: Diagnostic[] } {
  const reduced: Edge[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const node of order) {
    const incoming = parents.get(node.slug)!;
    for (const edge of incoming) {
      const u = position(edge.from);
      const via = incoming.find(
        (other) =>
          other !== edge &&
          position(other.from) < position(node.slug) &&
          ancestors[position(other.from)]!.has(u),
      );
      if (via) {
        diagnostics.push(
          edgeDiagnostic(
            edge,
            "note",
            "prerequisite-implied",
            `Prerequisite "${edge.from}" is implied by "${via.from}", which requires it; kept as written`,
          ),
        );
      } else {
        reduced.push({ from: edge.from, to: edge.to });
      }
    }
  }
  return { reduced, diagnostics };
}

/** Everything reachable from the article (not itself), breadth first; empty for an unknown slug. */
export function descendantsOf(
  slug: string,
  children: ReadonlyMap<string, readonly EdgeInput[]>,
): string[] {
  const seen = new Set<string>([slug]);
  const queue = [slug];
  for (let i = 0; i < queue.length; i++) {
    for (const edge of children.get(queue[i]!) ?? []) {
      if (!seen.has(edge.to)) {
        seen.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return queue.slice(1);
}
