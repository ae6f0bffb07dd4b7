/**
 * Property tests on random DAGs: 200 graphs of 1–60 nodes from a seeded PRNG,
 * checked against brute-force reference computations.
 */
import { describe, expect, it } from "vitest";
import {
  buildPrerequisiteGraph,
  type EdgeInput,
  type GraphNode,
  type PrerequisiteGraph,
} from "../../../src/graph/prerequisite-graph.js";
import { mulberry32, shuffle } from "../../support/random.js";

interface Case {
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

/** The documented learning order, by brute force: at each step the best article whose prerequisites are all read. */
function referenceOrder(nodes: readonly GraphNode[], edges: readonly EdgeInput[]): string[] {
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
function reachability(
  slugs: readonly string[],
  edges: readonly { from: string; to: string }[],
): Map<string, Set<string>> {
  const children = new Map<string, string[]>(slugs.map((s) => [s, []]));
  for (const e of edges) children.get(e.from)!.push(e.to);
  return new Map(slugs.map((s) => [s, reachableFrom(s, children)]));
}

function reachableFrom(
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

function longestChain(
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

const key = (e: { from: string; to: string }) => `${e.from}→${e.to}`;

const CASES = Array.from({ length: 200 }, (_, i) => randomDag(1000 + i));

function built(c: Case): PrerequisiteGraph {
  return buildPrerequisiteGraph(c.nodes, c.inputs);
}

describe("buildPrerequisiteGraph on 200 random DAGs", () => {
  it("covers small and large, sparse and dense graphs", () => {
    const sizes = CASES.map((c) => c.nodes.length);
    expect(Math.min(...sizes)).toBeLessThanOrEqual(3);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(55);
    expect(Math.max(...CASES.map((c) => c.edges.length))).toBeGreaterThan(200);
    expect(CASES.filter((c) => c.duplicates > 0).length).toBeGreaterThan(10);
  });

  it("orders every article once, respecting every edge, with the documented tie-breaks", () => {
    for (const c of CASES) {
      const graph = built(c);
      const order = graph.order.map((n) => n.slug);
      expect(new Set(order).size, `seed ${c.seed}`).toBe(c.nodes.length);
      for (const e of c.edges) {
        expect(graph.position(e.from), `seed ${c.seed}: ${key(e)}`).toBeLessThan(
          graph.position(e.to),
        );
      }
      expect(order, `seed ${c.seed}`).toStrictEqual(referenceOrder(c.nodes, c.edges));
      order.forEach((slug, i) => expect(graph.position(slug)).toBe(i));
    }
  });

  it("gives the same order and reduced edges for shuffled nodes and edges", () => {
    for (const c of CASES) {
      const graph = built(c);
      const random = mulberry32(c.seed * 31);
      const again = buildPrerequisiteGraph(shuffle(c.nodes, random), shuffle(c.inputs, random));
      expect(
        again.order.map((n) => n.slug),
        `seed ${c.seed}`,
      ).toStrictEqual(graph.order.map((n) => n.slug));
      expect(again.reducedEdges.map(key).sort(), `seed ${c.seed}`).toStrictEqual(
        graph.reducedEdges.map(key).sort(),
      );
    }
  });

  it("reports no errors, one warning per duplicate, and one note per dropped edge", () => {
    for (const c of CASES) {
      const graph = built(c);
      const by = (rule: string) => graph.diagnostics.filter((d) => d.rule === rule).length;
      expect(
        graph.diagnostics.filter((d) => d.severity === "error"),
        `seed ${c.seed}`,
      ).toStrictEqual([]);
      expect(by("prerequisite-duplicate"), `seed ${c.seed}`).toBe(c.duplicates);
      expect(by("prerequisite-implied"), `seed ${c.seed}`).toBe(
        c.edges.length - graph.reducedEdges.length,
      );
      const laterBlock = c.edges.filter(
        (e) => graph.node(e.from)!.blockIndex > graph.node(e.to)!.blockIndex,
      ).length;
      expect(by("prerequisite-later-block"), `seed ${c.seed}`).toBe(laterBlock);
      expect(graph.edges.map(key).sort()).toStrictEqual(c.edges.map(key).sort());
    }
  });

  it("keeps the reachability of the full edge set in the reduced one", () => {
    for (const c of CASES) {
      const graph = built(c);
      const slugs = c.nodes.map((n) => n.slug);
      const full = reachability(slugs, c.edges);
      const reduced = reachability(slugs, graph.reducedEdges);
      for (const s of slugs)
        expect([...reduced.get(s)!].sort(), `seed ${c.seed}: ${s}`).toStrictEqual(
          [...full.get(s)!].sort(),
        );
      const written = new Set(c.edges.map(key));
      for (const e of graph.reducedEdges) expect(written.has(key(e))).toBe(true);
    }
  });

  it("keeps no reduced edge that the other reduced edges imply", () => {
    for (const c of CASES) {
      const graph = built(c);
      const children = new Map<string, string[]>(c.nodes.map((n) => [n.slug, []]));
      for (const e of graph.reducedEdges) children.get(e.from)!.push(e.to);
      for (const e of graph.reducedEdges) {
        expect(
          reachableFrom(e.from, children, e).has(e.to),
          `seed ${c.seed}: ${key(e)} is implied`,
        ).toBe(false);
      }
    }
  });

  it("answers depth, ancestors, descendants, minutes, prerequisites and dependents like brute force", () => {
    for (const c of CASES) {
      const graph = built(c);
      const slugs = c.nodes.map((n) => n.slug);
      const order = graph.order.map((n) => n.slug);
      const byPosition = (a: string, b: string) => graph.position(a) - graph.position(b);
      const down = reachability(slugs, c.edges);
      const depth = longestChain(slugs, c.edges, order);
      for (const s of slugs) {
        const ancestors = slugs.filter((a) => down.get(a)!.has(s)).sort(byPosition);
        expect(graph.ancestors(s), `seed ${c.seed}: ancestors of ${s}`).toStrictEqual(ancestors);
        expect(graph.ancestorMinutes(s)).toBe(
          ancestors.reduce((sum, a) => sum + graph.node(a)!.readingMinutes, 0),
        );
        expect(graph.descendants(s), `seed ${c.seed}: descendants of ${s}`).toStrictEqual(
          [...down.get(s)!].sort(byPosition),
        );
        expect(graph.depth(s), `seed ${c.seed}: depth of ${s}`).toBe(depth.get(s));
        expect(graph.prerequisites(s)).toStrictEqual(
          c.edges
            .filter((e) => e.to === s)
            .map((e) => e.from)
            .sort(byPosition),
        );
        expect(graph.dependents(s)).toStrictEqual(
          c.edges
            .filter((e) => e.from === s)
            .map((e) => e.to)
            .sort(byPosition),
        );
      }
    }
  });
});

interface CyclicCase {
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

/** Length of a shortest cycle through `start` (BFS back to it). */
function shortestCycle(start: string, children: Map<string, string[]>): number {
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

const CYCLIC = Array.from({ length: 200 }, (_, i) => randomDigraph(5000 + i));

describe("buildPrerequisiteGraph on 200 random graphs with cycles", () => {
  it("has cycles in most of them", () => {
    const withCycles = CYCLIC.filter((c) =>
      buildPrerequisiteGraph(c.nodes, c.edges).diagnostics.some(
        (d) => d.rule === "prerequisite-cycle",
      ),
    );
    expect(withCycles.length).toBeGreaterThan(100);
  });

  it("reports one shortest cycle per strongly connected component, from its smallest slug, located at its first edge", () => {
    for (const c of CYCLIC) {
      const graph = buildPrerequisiteGraph(c.nodes, c.edges);
      const slugs = c.nodes.map((n) => n.slug);
      const reach = reachability(slugs, c.edges);
      const componentOf = (s: string) =>
        slugs.filter((t) => t === s || (reach.get(s)!.has(t) && reach.get(t)!.has(s))).sort();
      const components = new Map<string, string[]>();
      for (const s of slugs) {
        const component = componentOf(s);
        if (component.length > 1) components.set(component[0]!, component);
      }
      const children = new Map<string, string[]>(slugs.map((s) => [s, []]));
      for (const e of c.edges) children.get(e.from)!.push(e.to);
      const where = new Map(c.edges.map((e) => [key(e), e]));

      const cycles = graph.diagnostics.filter((d) => d.rule === "prerequisite-cycle");
      expect(
        cycles.map((d) => /^Prerequisite cycle: (\S+)/.exec(d.message)?.[1]).sort(),
        `seed ${c.seed}`,
      ).toStrictEqual([...components.keys()].sort());
      for (const d of cycles) {
        expect(d.severity).toBe("error");
        const path = d.message.replace("Prerequisite cycle: ", "").split(" → ");
        const start = path[0]!;
        expect(path.at(-1), `seed ${c.seed}: ${d.message}`).toBe(start);
        expect(new Set(path.slice(0, -1)).size).toBe(path.length - 1);
        expect(path.length - 1, `seed ${c.seed}: ${d.message} is not a shortest cycle`).toBe(
          shortestCycle(start, children),
        );
        const steps = path.slice(1).map((to, i) => where.get(`${path[i]}→${to}`));
        for (const step of steps)
          expect(step, `seed ${c.seed}: ${d.message} uses a missing edge`).toBeDefined();
        expect(d.hint).toBe(
          steps
            .map((e) => `${e!.to} requires ${e!.from} at ${e!.file}:${e!.line}:${e!.column}`)
            .join("; "),
        );
        expect({ file: d.file, line: d.line, column: d.column }).toStrictEqual({
          file: steps[0]!.file,
          line: steps[0]!.line,
          column: steps[0]!.column,
        });
      }
      expect(new Set(graph.order.map((n) => n.slug)).size).toBe(slugs.length);
      expect(graph.order).toHaveLength(slugs.length);
    }
  });
});
