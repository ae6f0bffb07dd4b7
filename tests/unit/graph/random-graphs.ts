/**
 * Seeded random graphs for the prerequisite graph's property tests, and the
 * brute-force reference computations they are checked against.
 */
import type { EdgeInput, GraphNode } from "../../../src/graph/model.js";
import {
  buildPrerequisiteGraph,
  type PrerequisiteGraph,
} from "../../../src/graph/prerequisite-graph.js";
import { mulberry32, shuffle } from "../../support/random.js";

export interface Case {
  seed: number;
  nodes: GraphNode[];
  /** Unique edges. */
  edges: EdgeInput[];
  /** Edges as given to the graph, with any duplicates. */
  inputs: EdgeInput[];
  duplicates: number;
}

function randomDag(seed: number): Case {
  const random = mulberry32(seed);
  const n = 1 + Math.floor(random() * 60);
  const blocks = 1 + Math.floor(random() * 4);
  // Slugs whose alphabetical order is unrelated to the hidden topological order.
  const names = shuffle(
    Array.from({ length: n }, (_, i) => `t${i.toString(36).padStart(2, "0")}`),
    random,
  );
  const nodes: GraphNode[] = names.map((slug) => {
    const blockIndex = Math.floor(random() * blocks);
    return {
      slug,
      title: slug,
      blockIndex,
      blockTitle: `Block ${blockIndex}`,
      // Few distinct values, so that ties fall through to the slug; some articles have none.
      order: random() < 0.3 ? undefined : Math.floor(random() * 4),
      readingMinutes: 1 + Math.floor(random() * 20),
      file: `content/topics/${slug}.md`,
    };
  });
  const density = random() * random() * 0.5;
  const edges: EdgeInput[] = [];
  let line = 1;
  for (let j = 1; j < n; j++) {
    for (let i = 0; i < j; i++) {
      if (random() < density)
        edges.push({
          from: names[i]!,
          to: names[j]!,
          file: `content/topics/${names[j]}.md`,
          line: line++,
          column: 5,
        });
    }
  }
  const inputs = shuffle(edges, random);
  let duplicates = 0;
  if (edges.length > 0 && random() < 0.2) {
    duplicates = 1 + Math.floor(random() * 3);
    for (let k = 0; k < duplicates; k++) {
      const original = edges[Math.floor(random() * edges.length)]!;
      inputs.push({ ...original, line: line++ });
    }
  }
  return { seed, nodes: shuffle(nodes, random), edges, inputs, duplicates };
}

/** 200 random DAGs of 1–60 nodes, some with duplicate edges. */
export const CASES = Array.from({ length: 200 }, (_, i) => randomDag(1000 + i));

export function built(c: Case): PrerequisiteGraph {
  return buildPrerequisiteGraph(c.nodes, c.inputs);
}

/** The documented learning order, by brute force: at each step the best article whose prerequisites are all read. */
export function referenceOrder(nodes: readonly GraphNode[], edges: readonly EdgeInput[]): string[] {
  const parents = new Map<string, string[]>(nodes.map((n) => [n.slug, []]));
  for (const e of edges) parents.get(e.to)!.push(e.from);
  const done = new Set<string>();
  const order: string[] = [];
  while (order.length < nodes.length) {
    let best: GraphNode | undefined;
    for (const n of nodes) {
      if (done.has(n.slug) || !parents.get(n.slug)!.every((p) => done.has(p))) continue;
      if (!best || compare(n, best) < 0) best = n;
    }
    done.add(best!.slug);
    order.push(best!.slug);
  }
  return order;
}

function compare(a: GraphNode, b: GraphNode): number {
  return (
    a.blockIndex - b.blockIndex ||
    (a.order ?? Infinity) - (b.order ?? Infinity) ||
    (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
  );
}

/** slug → every slug reachable from it (not itself). */
export function reachability(
  slugs: readonly string[],
  edges: readonly { from: string; to: string }[],
): Map<string, Set<string>> {
  const children = new Map<string, string[]>(slugs.map((s) => [s, []]));
  for (const e of edges) children.get(e.from)!.push(e.to);
  return new Map(slugs.map((s) => [s, reachableFrom(s, children)]));
}

export function reachableFrom(
  start: string,
  children: Map<string, string[]>,
  skip?: { from: string; to: string },
): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const at = stack.pop()!;
    for (const next of children.get(at)!) {
      if (skip && at === skip.from && next === skip.to) continue;
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

export function longestChain(
  slugs: readonly string[],
  edges: readonly EdgeInput[],
  order: readonly string[],
): Map<string, number> {
  const depth = new Map<string, number>(slugs.map((s) => [s, 0]));
  const parents = new Map<string, string[]>(slugs.map((s) => [s, []]));
  for (const e of edges) parents.get(e.to)!.push(e.from);
  for (const s of order)
    for (const p of parents.get(s)!) depth.set(s, Math.max(depth.get(s)!, depth.get(p)! + 1));
  return depth;
}

export interface CyclicCase {
  seed: number;
  nodes: GraphNode[];
  edges: EdgeInput[];
}

/** A random directed graph (self-loops excluded), usually with cycles. */
function randomDigraph(seed: number): CyclicCase {
  const random = mulberry32(seed);
  const n = 2 + Math.floor(random() * 29);
  const names = shuffle(
    Array.from({ length: n }, (_, i) => `c${i.toString(36).padStart(2, "0")}`),
    random,
  );
  const nodes = names.map((slug) => ({
    slug,
    title: slug,
    blockIndex: 0,
    blockTitle: "Block",
    order: undefined,
    readingMinutes: 1,
    file: `content/topics/${slug}.md`,
  }));
  const density = (random() * 2.5) / n;
  const edges: EdgeInput[] = [];
  let line = 1;
  for (const from of names) {
    for (const to of names) {
      if (from !== to && random() < density)
        edges.push({ from, to, file: `content/topics/${to}.md`, line: line++, column: 3 });
    }
  }
  return { seed, nodes, edges: shuffle(edges, random) };
}

/** 200 random directed graphs of 2–30 nodes, most of them with cycles. */
export const CYCLIC = Array.from({ length: 200 }, (_, i) => randomDigraph(5000 + i));

/** Length of a shortest cycle through `start` (BFS back to it). */
export function shortestCycle(start: string, children: Map<string, string[]>): number {
  const distance = new Map<string, number>([[start, 0]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    for (const next of children.get(at)!) {
      if (next === start) return distance.get(at)! + 1;
      if (!distance.has(next)) {
        distance.set(next, distance.get(at)! + 1);
        queue.push(next);
      }
    }
  }
  return 0;
}
