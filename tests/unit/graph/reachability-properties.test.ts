/** Reachability and the transitive reduction on 200 seeded random DAGs (random-graphs.ts), against brute force. */
import { describe, expect, it } from "vitest";
import { buildPrerequisiteGraph } from "../../../src/graph/prerequisite-graph.js";
import { mulberry32, shuffle } from "../../support/random.js";
import { key } from "./graph-fixtures.js";
import { CASES, built, longestChain, reachability, reachableFrom } from "./random-graphs.js";

describe("reachability on 200 random DAGs", () => {
  it("reports one note per edge the reduction drops", () => {
    for (const c of CASES) {
      const graph = built(c);
      const by = (rule: string) => graph.diagnostics.filter((d) => d.rule === rule).length;
      expect(by("prerequisite-implied"), `seed ${c.seed}`).toBe(
        c.edges.length - graph.reducedEdges.length,
      );
    }
  });

  it("gives the same reduced edges for shuffled nodes and edges", () => {
    for (const c of CASES) {
      const graph = built(c);
      const random = mulberry32(c.seed * 31);
      const again = buildPrerequisiteGraph(shuffle(c.nodes, random), shuffle(c.inputs, random));
      expect(again.reducedEdges.map(key).sort(), `seed ${c.seed}`).toStrictEqual(
        graph.reducedEdges.map(key).sort(),
      );
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
