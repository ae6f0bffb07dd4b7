/**
 * The learning order: prerequisites always first; among the articles ready
 * to read, the earliest block, then the lowest `order` (articles without one
 * last), then the smallest slug. Kahn's algorithm with those tie-breaks as
 * the priority; cycles (already errors) are broken so that every edge
 * outside them is still respected.
 */
import type { Adjacency, GraphNode } from "./model.js";
import { PriorityQueue } from "./priority-queue.js";

function priorityLess(a: GraphNode, b: GraphNode): boolean {
  if (a.blockIndex !== b.blockIndex) return a.blockIndex < b.blockIndex;
  const ao = a.order ?? Number.POSITIVE_INFINITY;
  const bo = b.order ?? Number.POSITIVE_INFINITY;
  if (ao !== bo) return ao < bo;
  return a.slug < b.slug;
}

/**
 * Every node once, in learning order. `componentOf` maps each slug to its
 * strongly connected component, so that a cycle is broken only where nothing
 * outside it is still unread.
 */
export function learningOrder(
  nodes: readonly GraphNode[],
  { parents, children }: Adjacency,
  componentOf: ReadonlyMap<string, number>,
): GraphNode[] {
  const remaining = new Map(nodes.map((n) => [n.slug, parents.get(n.slug)!.length]));
  const ready = new PriorityQueue<GraphNode>(priorityLess);
  for (const node of nodes) if (remaining.get(node.slug) === 0) ready.push(node);
  const order: GraphNode[] = [];
  const done = new Set<string>();
  const byNode = new Map(nodes.map((n) => [n.slug, n]));
  while (order.length < nodes.length) {
    let next = ready.pop();
    if (!next) {
      // Only cycles remain (reported as errors). Break one that nothing outside
      // it still waits on, at its first node in priority order, so that every
      // edge outside cycles is still respected.
      const free = nodes.filter(
        (n) =>
          !done.has(n.slug) &&
          parents
            .get(n.slug)!
            .every((e) => done.has(e.from) || componentOf.get(e.from) === componentOf.get(n.slug)),
      );
      next = free.reduce((best, n) => (priorityLess(n, best) ? n : best));
    }
    if (done.has(next.slug)) continue;
    done.add(next.slug);
    order.push(next);
    for (const edge of children.get(next.slug)!) {
      const left = remaining.get(edge.to)! - 1;
      remaining.set(edge.to, left);
      if (left === 0 && !done.has(edge.to)) ready.push(byNode.get(edge.to)!);
    }
  }
  return order;
}
