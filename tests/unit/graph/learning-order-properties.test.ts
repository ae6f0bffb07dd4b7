/** The learning order on 200 seeded random DAGs (random-graphs.ts), against a brute-force reference. */
import { describe, expect, it } from "vitest";
import { buildPrerequisiteGraph } from "../../../src/graph/prerequisite-graph.js";
import { mulberry32, shuffle } from "../../support/random.js";
import { key } from "./graph-fixtures.js";
import { CASES, built, referenceOrder } from "./random-graphs.js";

describe("the learning order on 200 random DAGs", () => {
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

  it("gives the same order for shuffled nodes and edges", () => {
    for (const c of CASES) {
      const graph = built(c);
      const random = mulberry32(c.seed * 31);
      const again = buildPrerequisiteGraph(shuffle(c.nodes, random), shuffle(c.inputs, random));
      expect(
        again.order.map((n) => n.slug),
        `seed ${c.seed}`,
      ).toStrictEqual(graph.order.map((n) => n.slug));
    }
  });
});
