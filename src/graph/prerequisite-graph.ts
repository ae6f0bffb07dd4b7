/**
 * The prerequisite graph of a course: an edge A → B means "read A before B".
 * Pure: no Eleventy, no file system. This module puts the steps together and
 * answers the questions pages ask; each step is its own module: checking the
 * edges (edges.ts), cycles (cycles.ts), the learning order (learning-order.ts)
 * and reachability (reachability.ts). Built once per build in time close to
 * linear in nodes + edges.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import { timed } from "../core/phases.js";
import { cycleErrors, stronglyConnectedComponents } from "./cycles.js";
import { checkEdges, laterBlockWarnings } from "./edges.js";
import { learningOrder } from "./learning-order.js";
import { adjacency, type Edge, type EdgeInput, type GraphNode } from "./model.js";
import { ancestry, descendantsOf, transitiveReduction } from "./reachability.js";

export type { Edge, EdgeInput, GraphNode } from "./model.js";

export interface PrerequisiteGraph {
  /** Nodes in learning order: prerequisites always first; ties by block order, then `order`, then slug. */
  order: readonly GraphNode[];
  node: (slug: string) => GraphNode | undefined;
  /** Position in learning order. */
  position: (slug: string) => number;
  /** Direct prerequisites, in learning order. */
  prerequisites: (slug: string) => string[];
  /** Articles that directly require this one, in learning order. */
  dependents: (slug: string) => string[];
  /** Length of the longest prerequisite chain leading to the article (0 for none). */
  depth: (slug: string) => number;
  /** Everything to read before the article, in learning order. */
  ancestors: (slug: string) => string[];
  /** Everything the article leads to, in learning order. */
  descendants: (slug: string) => string[];
  /** Total reading time of the article's ancestors, in minutes. */
  ancestorMinutes: (slug: string) => number;
  /** The edges with the ones implied by others removed (used for drawing). */
  reducedEdges: readonly Edge[];
  /** Every valid edge, as written (duplicates removed). */
  edges: readonly Edge[];
  diagnostics: Diagnostic[];
}

export function buildPrerequisiteGraph(
  nodes: readonly GraphNode[],
  inputs: readonly EdgeInput[],
): PrerequisiteGraph {
  return timed("graph", () => buildGraph(nodes, inputs));
}

function buildGraph(nodes: readonly GraphNode[], inputs: readonly EdgeInput[]): PrerequisiteGraph {
  const bySlug = new Map(nodes.map((n) => [n.slug, n]));
  const checked = checkEdges(bySlug, inputs);
  const { edges } = checked;
  const { parents, children } = adjacency(nodes, edges);

  const components = stronglyConnectedComponents(nodes, children);
  const componentOf = new Map<string, number>();
  components.forEach((members, i) => members.forEach((slug) => componentOf.set(slug, i)));
  const order = learningOrder(nodes, { parents, children }, componentOf);
  const position = new Map(order.map((n, i) => [n.slug, i]));
  const pos = (slug: string) => position.get(slug)!;
  const byPosition = (a: string, b: string) => pos(a) - pos(b);

  const { depth, ancestors } = ancestry(order, parents, pos);
  const reduction = transitiveReduction(order, parents, pos, ancestors);
  const diagnostics = [
    ...checked.diagnostics,
    ...cycleErrors(components, children),
    ...laterBlockWarnings(bySlug, edges),
    ...reduction.diagnostics,
  ];

  const ancestorList = (slug: string) => {
    const set = ancestors[pos(slug)];
    return set ? set.toArray().map((i) => order[i]!.slug) : [];
  };
  const minutes = new Map<string, number>();
  // Every page asks for its neighbours' neighbours: sort each list once.
  const prerequisiteLists = new Map<string, string[]>();
  const dependentLists = new Map<string, string[]>();
  const sortedOnce = (lists: Map<string, string[]>, slug: string, make: () => string[]) => {
    let list = lists.get(slug);
    if (!list) {
      list = make();
      lists.set(slug, list);
    }
    return [...list];
  };

  return {
    order,
    node: (slug) => bySlug.get(slug),
    position: (slug) => position.get(slug) ?? -1,
    prerequisites: (slug) =>
      sortedOnce(prerequisiteLists, slug, () =>
        (parents.get(slug) ?? []).map((e) => e.from).sort(byPosition),
      ),
    dependents: (slug) =>
      sortedOnce(dependentLists, slug, () =>
        (children.get(slug) ?? []).map((e) => e.to).sort(byPosition),
      ),
    depth: (slug) => depth[pos(slug)] ?? 0,
    ancestors: ancestorList,
    descendants: (slug) => descendantsOf(slug, children).sort(byPosition),
    ancestorMinutes: (slug) => {
      let total = minutes.get(slug);
      if (total === undefined) {
        total = ancestorList(slug).reduce((sum, s) => sum + bySlug.get(s)!.readingMinutes, 0);
        minutes.set(slug, total);
      }
      return total;
    },
    reducedEdges: reduction.reduced,
    edges: edges.map(({ from, to }) => ({ from, to })),
    diagnostics,
  };
}
