/** The learning order (src/graph/learning-order.ts): prerequisites first, then the tie-breaks. */
import { describe, expect, it } from "vitest";
import { learningOrder } from "../../../src/graph/learning-order.js";
import { adjacency } from "../../../src/graph/model.js";
import { buildPrerequisiteGraph } from "../../../src/graph/prerequisite-graph.js";
import { mulberry32, shuffle } from "../../support/random.js";
import { bySeverity, edge, key, node, slugs } from "./graph-fixtures.js";

describe("buildPrerequisiteGraph: learning order", () => {
  it("puts every prerequisite first", () => {
    const graph = buildPrerequisiteGraph(
      [node("c"), node("a"), node("b")],
      [edge("c", "a"), edge("b", "c")],
    );
    expect(slugs(graph.order)).toStrictEqual(["b", "c", "a"]);
    expect(graph.diagnostics).toStrictEqual([]);
  });

  it("breaks ties by block index, then order, then slug", () => {
    const graph = buildPrerequisiteGraph(
      [
        node("zz-first-block", { block: 0, order: 9 }),
        node("aa-second-block", { block: 1, order: 1 }),
        node("m-order-2", { block: 0, order: 2 }),
        node("z-order-1", { block: 0, order: 1 }),
        node("b-same", { block: 2, order: 1 }),
        node("a-same", { block: 2, order: 1 }),
      ],
      [],
    );
    expect(slugs(graph.order)).toStrictEqual([
      "z-order-1",
      "m-order-2",
      "zz-first-block",
      "aa-second-block",
      "a-same",
      "b-same",
    ]);
  });

  it("puts articles without an order after those with one in the same block", () => {
    const graph = buildPrerequisiteGraph(
      [
        node("a-unordered", { block: 0 }),
        node("z-ordered", { block: 0, order: 100 }),
        node("b-unordered", { block: 0 }),
      ],
      [],
    );
    expect(slugs(graph.order)).toStrictEqual(["z-ordered", "a-unordered", "b-unordered"]);
  });

  it("lets edges override the tie-breaks, then picks the best ready article at each step", () => {
    // "x" has order 1 but requires "y" (order 3); "z" (order 2) is ready before "x".
    const graph = buildPrerequisiteGraph(
      [node("x", { order: 1 }), node("z", { order: 2 }), node("y", { order: 3 })],
      [edge("y", "x")],
    );
    expect(slugs(graph.order)).toStrictEqual(["z", "y", "x"]);
    expect(graph.position("z")).toBe(0);
    expect(graph.position("x")).toBe(2);
    expect(graph.position("missing")).toBe(-1);
  });

  it("is the same for the same graph given in any order", () => {
    const nodes = [
      node("vectors", { block: 0, order: 1 }),
      node("matrices", { block: 0, order: 2 }),
      node("probability", { block: 0, order: 3 }),
      node("attention", { block: 1, order: 1 }),
      node("softmax", { block: 1, order: 2 }),
      node("embeddings", { block: 1, order: 3 }),
      node("transformers", { block: 2 }),
      node("interpretability", { block: 2 }),
      node("circuits", { block: 2 }),
    ];
    const edges = [
      edge("vectors", "matrices"),
      edge("vectors", "softmax"),
      edge("probability", "softmax"),
      edge("matrices", "attention"),
      edge("softmax", "attention"),
      edge("matrices", "embeddings"),
      edge("attention", "transformers"),
      edge("embeddings", "transformers"),
      edge("transformers", "interpretability"),
      edge("transformers", "circuits"),
    ];
    const expected = [
      "vectors",
      "matrices",
      "probability",
      "softmax",
      "attention",
      "embeddings",
      "transformers",
      "circuits",
      "interpretability",
    ];
    expect(slugs(buildPrerequisiteGraph(nodes, edges).order)).toStrictEqual(expected);
    const random = mulberry32(7);
    for (let i = 0; i < 25; i++) {
      const graph = buildPrerequisiteGraph(shuffle(nodes, random), shuffle(edges, random));
      expect(slugs(graph.order)).toStrictEqual(expected);
      expect(graph.reducedEdges.map(key).sort()).toStrictEqual(edges.map(key).sort());
    }
  });
});

describe("buildPrerequisiteGraph: order around cycles", () => {
  // Regression: when no article is ready, learningOrder breaks a cycle at the best remaining article
  // overall, even one whose prerequisites outside its cycle are still unread. With b ⇄ c,
  // a ⇄ d and c → a (not part of any cycle), the order is a, d, b, c: the edge c → a is
  // violated, and ancestors("a") is [] instead of ["b", "c"] (seen by the dev server, which
  // renders despite errors).
  it("still respects edges between different cycles", () => {
    const graph = buildPrerequisiteGraph(
      ["a", "b", "c", "d"].map((s) => node(s)),
      [edge("b", "c"), edge("c", "b"), edge("a", "d"), edge("d", "a"), edge("c", "a")],
    );
    expect(bySeverity(graph.diagnostics, "error")).toHaveLength(2);
    expect(graph.position("c")).toBeLessThan(graph.position("a"));
    expect(graph.ancestors("a")).toContain("c");
  });
});

describe("learningOrder", () => {
  it("breaks a cycle at its first article in priority order once nothing outside it is unread", () => {
    // p → x ⇄ y: the cycle waits for p, then is entered at x (order 1), not y (order 0 but later block).
    const nodes = [node("y", { block: 1, order: 0 }), node("x", { order: 1 }), node("p")];
    const edges = [edge("p", "x"), edge("x", "y"), edge("y", "x")];
    const componentOf = new Map([
      ["p", 0],
      ["x", 1],
      ["y", 1],
    ]);
    expect(slugs(learningOrder(nodes, adjacency(nodes, edges), componentOf))).toStrictEqual([
      "p",
      "x",
      "y",
    ]);
  });
});
