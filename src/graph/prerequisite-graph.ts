/**
 * The prerequisite graph of a course: an edge A → B means "read A before B".
 * Pure: no Eleventy, no file system. Built once per build in time close to
 * linear in nodes + edges (reachability uses bit sets: O(n·e/32) word operations).
 */
import type { Diagnostic } from "../core/diagnostics.js";
import { timed } from "../core/phases.js";
import { didYouMean } from "../core/suggest.js";
import { BitSet } from "./bitset.js";
import { PriorityQueue } from "./priority-queue.js";

export interface GraphNode {
  slug: string;
  title: string;
  /** Position of the node's block in course order. */
  blockIndex: number;
  blockTitle: string;
  /** Position within the block, when the author gave one. */
  order: number | undefined;
  readingMinutes: number;
  /** Source file, for locating problems. */
  file: string;
}

/** A prerequisite as written: `to` lists `from` in its frontmatter, at file:line:column. */
export interface EdgeInput {
  from: string;
  to: string;
  file: string;
  line: number;
  column: number;
}

export interface Edge {
  from: string;
  to: string;
}

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
  const diagnostics: Diagnostic[] = [];
  const bySlug = new Map(nodes.map((n) => [n.slug, n]));
  const report = (
    e: EdgeInput,
    severity: Diagnostic["severity"],
    rule: string,
    message: string,
    hint?: string,
  ) =>
    diagnostics.push({
      file: e.file,
      line: e.line,
      column: e.column,
      severity,
      rule,
      message,
      ...(hint ? { hint } : {}),
    });

  // 1. Valid, unique edges.
  const seen = new Set<string>();
  const edges: EdgeInput[] = [];
  for (const edge of inputs) {
    if (!bySlug.has(edge.from)) {
      const others = [...bySlug.keys()].filter((slug) => slug !== edge.to);
      report(
        edge,
        "error",
        "prerequisite-unknown",
        `Unknown prerequisite "${edge.from}": no article has this slug`,
        didYouMean(edge.from, others),
      );
      continue;
    }
    if (edge.from === edge.to) {
      report(
        edge,
        "error",
        "prerequisite-self",
        `Article "${edge.to}" lists itself as a prerequisite`,
      );
      continue;
    }
    const key = `${edge.from}\u0000${edge.to}`;
    if (seen.has(key)) {
      report(
        edge,
        "warning",
        "prerequisite-duplicate",
        `Prerequisite "${edge.from}" is listed more than once`,
      );
      continue;
    }
    seen.add(key);
    edges.push(edge);
  }

  const parents = new Map<string, EdgeInput[]>(nodes.map((n) => [n.slug, []]));
  const children = new Map<string, EdgeInput[]>(nodes.map((n) => [n.slug, []]));
  for (const edge of edges) {
    parents.get(edge.to)!.push(edge);
    children.get(edge.from)!.push(edge);
  }

  // 2. Cycles: one error per strongly connected component.
  const components = stronglyConnectedComponents(nodes, children);
  for (const component of components) {
    if (component.length < 2) continue;
    const cycle = findCycle(component, children);
    const description = cycle
      .map((e) => e.from)
      .concat(cycle[0]!.from)
      .join(" → ");
    const where = cycle
      .map((e) => `${e.to} requires ${e.from} at ${e.file}:${e.line}:${e.column}`)
      .join("; ");
    report(cycle[0]!, "error", "prerequisite-cycle", `Prerequisite cycle: ${description}`, where);
  }

  // 3. Learning order: Kahn's algorithm with the tie-breaks as priority.
  const componentOf = new Map<string, number>();
  components.forEach((members, i) => members.forEach((slug) => componentOf.set(slug, i)));
  const order = learningOrder(nodes, parents, children, componentOf);
  const position = new Map(order.map((n, i) => [n.slug, i]));
  const pos = (slug: string) => position.get(slug)!;
  const byPosition = (a: string, b: string) => pos(a) - pos(b);

  for (const edge of edges) {
    const from = bySlug.get(edge.from)!;
    const to = bySlug.get(edge.to)!;
    if (from.blockIndex > to.blockIndex) {
      report(
        edge,
        "warning",
        "prerequisite-later-block",
        `Prerequisite "${edge.from}" is in block "${from.blockTitle}", which comes after this article's block "${to.blockTitle}"`,
      );
    }
  }

  // 4. Depth and ancestors, in learning order (edges against it only exist in cycles, already errors).
  const depth = new Int32Array(order.length);
  const ancestors = order.map(() => new BitSet(order.length));
  order.forEach((node, i) => {
    for (const edge of parents.get(node.slug)!) {
      const p = pos(edge.from);
      if (p >= i) continue;
      depth[i] = Math.max(depth[i]!, depth[p]! + 1);
      ancestors[i]!.union(ancestors[p]!);
      ancestors[i]!.add(p);
    }
  });

  // 5. Transitive reduction: u → v is implied when another prerequisite w of v has u as an ancestor.
  const reduced: Edge[] = [];
  for (const node of order) {
    const incoming = parents.get(node.slug)!;
    for (const edge of incoming) {
      const u = pos(edge.from);
      const via = incoming.find(
        (other) =>
          other !== edge && pos(other.from) < pos(node.slug) && ancestors[pos(other.from)]!.has(u),
      );
      if (via) {
        report(
          edge,
          "note",
          "prerequisite-implied",
          `Prerequisite "${edge.from}" is implied by "${via.from}", which requires it; kept as written`,
        );
      } else {
        reduced.push({ from: edge.from, to: edge.to });
      }
    }
  }

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
    reducedEdges: reduced,
    edges: edges.map(({ from, to }) => ({ from, to })),
    diagnostics,
  };
}

function priorityLess(a: GraphNode, b: GraphNode): boolean {
  if (a.blockIndex !== b.blockIndex) return a.blockIndex < b.blockIndex;
  const ao = a.order ?? Number.POSITIVE_INFINITY;
  const bo = b.order ?? Number.POSITIVE_INFINITY;
  if (ao !== bo) return ao < bo;
  return a.slug < b.slug;
}

function learningOrder(
  nodes: readonly GraphNode[],
  parents: Map<string, EdgeInput[]>,
  children: Map<string, EdgeInput[]>,
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

/** Tarjan's algorithm, iterative (deep prerequisite chains must not overflow the stack). */
function stronglyConnectedComponents(
  nodes: readonly GraphNode[],
  children: Map<string, EdgeInput[]>,
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root.slug)) continue;
    const work: { slug: string; next: number }[] = [{ slug: root.slug, next: 0 }];
    index.set(root.slug, counter);
    low.set(root.slug, counter++);
    stack.push(root.slug);
    onStack.add(root.slug);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const out = children.get(frame.slug)!;
      if (frame.next < out.length) {
        const target = out[frame.next++]!.to;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ slug: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.slug, Math.min(low.get(frame.slug)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.slug, Math.min(low.get(parent.slug)!, low.get(frame.slug)!));
      if (low.get(frame.slug) === index.get(frame.slug)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.slug);
        components.push(component);
      }
    }
  }
  return components;
}

/** A shortest cycle through the component's smallest slug, as the edges along it. */
function findCycle(component: string[], children: Map<string, EdgeInput[]>): EdgeInput[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const via = new Map<string, EdgeInput>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i]!;
    for (const edge of children.get(current)!) {
      if (!members.has(edge.to)) continue;
      if (edge.to === start) {
        const path = [edge];
        for (let at = current; at !== start; at = via.get(at)!.from) path.unshift(via.get(at)!);
        return path;
      }
      if (!via.has(edge.to)) {
        via.set(edge.to, edge);
        queue.push(edge.to);
      }
    }
  }
  return [];
}

function descendantsOf(slug: string, children: Map<string, EdgeInput[]>): string[] {
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
