import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../src/core/diagnostics.js";
import {
  buildPrerequisiteGraph,
  type EdgeInput,
  type GraphNode,
} from "../../../src/graph/prerequisite-graph.js";
import { mulberry32, shuffle } from "../../support/random.js";

const BLOCK_TITLES = ["Foundations", "Mechanisms", "Applications", "Research"];

function node(
  slug: string,
  options: { block?: number; order?: number; minutes?: number } = {},
): GraphNode {
  const blockIndex = options.block ?? 0;
  return {
    slug,
    title: slug.toUpperCase(),
    blockIndex,
    blockTitle: BLOCK_TITLES[blockIndex] ?? `Block ${blockIndex}`,
    order: options.order,
    readingMinutes: options.minutes ?? 1,
    file: `content/topics/${slug}.md`,
  };
}

/** `to` lists `from` as a prerequisite, written in `to`'s file at line:column. */
function edge(from: string, to: string, line = 5, column = 5): EdgeInput {
  return { from, to, file: `content/topics/${to}.md`, line, column };
}

function slugs(nodes: readonly GraphNode[]): string[] {
  return nodes.map((n) => n.slug);
}

function bySeverity(diagnostics: Diagnostic[], severity: Diagnostic["severity"]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === severity);
}

describe("buildPrerequisiteGraph: invalid edges", () => {
  it("reports an unknown target at the edge's file:line:column, with a did-you-mean hint", () => {
    const graph = buildPrerequisiteGraph(
      [node("matrices"), node("attention")],
      [edge("matrix", "attention", 8, 7)],
    );
    expect(graph.diagnostics).toStrictEqual([
      {
        file: "content/topics/attention.md",
        line: 8,
        column: 7,
        severity: "error",
        rule: "prerequisite-unknown",
        message: 'Unknown prerequisite "matrix": no article has this slug',
        hint: 'did you mean "matrices"?',
      },
    ]);
    expect(graph.edges).toStrictEqual([]);
    expect(graph.prerequisites("attention")).toStrictEqual([]);
    expect(slugs(graph.order)).toStrictEqual(["attention", "matrices"]);
  });

  it("gives no hint when no slug is close", () => {
    const graph = buildPrerequisiteGraph(
      [node("matrices"), node("attention")],
      [edge("zebra-crossing", "attention", 6, 5)],
    );
    expect(graph.diagnostics).toHaveLength(1);
    expect(graph.diagnostics[0]).not.toHaveProperty("hint");
    expect(graph.diagnostics[0]).toMatchObject({
      line: 6,
      column: 5,
      rule: "prerequisite-unknown",
    });
  });

  it("suggests several close slugs", () => {
    const graph = buildPrerequisiteGraph(
      [node("vectors"), node("vector-spaces"), node("sectors"), node("x")],
      [edge("vector", "x")],
    );
    expect(graph.diagnostics[0]?.hint).toBe(
      'did you mean "vectors", "sectors" or "vector-spaces"?',
    );
  });

  it("reports a self-prerequisite as an error and drops the edge", () => {
    const graph = buildPrerequisiteGraph(
      [node("loops"), node("basics")],
      [edge("basics", "loops", 6, 5), edge("loops", "loops", 7, 5)],
    );
    expect(graph.diagnostics).toStrictEqual([
      {
        file: "content/topics/loops.md",
        line: 7,
        column: 5,
        severity: "error",
        rule: "prerequisite-self",
        message: 'Article "loops" lists itself as a prerequisite',
      },
    ]);
    expect(graph.edges).toStrictEqual([{ from: "basics", to: "loops" }]);
    expect(graph.ancestors("loops")).toStrictEqual(["basics"]);
    expect(graph.descendants("loops")).toStrictEqual([]);
  });

  it("warns about a duplicate edge at its second occurrence and keeps one", () => {
    const graph = buildPrerequisiteGraph(
      [node("intro"), node("practice")],
      [edge("intro", "practice", 6, 5), edge("intro", "practice", 7, 5)],
    );
    expect(graph.diagnostics).toStrictEqual([
      {
        file: "content/topics/practice.md",
        line: 7,
        column: 5,
        severity: "warning",
        rule: "prerequisite-duplicate",
        message: 'Prerequisite "intro" is listed more than once',
      },
    ]);
    expect(graph.edges).toStrictEqual([{ from: "intro", to: "practice" }]);
    expect(graph.reducedEdges).toStrictEqual([{ from: "intro", to: "practice" }]);
    expect(graph.prerequisites("practice")).toStrictEqual(["intro"]);
    expect(graph.dependents("intro")).toStrictEqual(["practice"]);
  });
});

describe("buildPrerequisiteGraph: cycles", () => {
  it("reports a 2-cycle once, from its smallest slug, with every edge's location", () => {
    const graph = buildPrerequisiteGraph(
      [node("encoder"), node("decoder")],
      [edge("decoder", "encoder", 6, 5), edge("encoder", "decoder", 9, 7)],
    );
    expect(graph.diagnostics).toStrictEqual([
      {
        file: "content/topics/encoder.md",
        line: 6,
        column: 5,
        severity: "error",
        rule: "prerequisite-cycle",
        message: "Prerequisite cycle: decoder → encoder → decoder",
        hint: "encoder requires decoder at content/topics/encoder.md:6:5; decoder requires encoder at content/topics/decoder.md:9:7",
      },
    ]);
  });

  it("reports a 5-cycle once, whatever the order of nodes and edges", () => {
    const nodes = ["delta", "beta", "epsilon", "alpha", "gamma"].map((s) => node(s));
    const edges = [
      edge("gamma", "delta", 7, 5),
      edge("alpha", "beta", 5, 5),
      edge("epsilon", "alpha", 9, 5),
      edge("delta", "epsilon", 8, 5),
      edge("beta", "gamma", 6, 5),
    ];
    const expected = {
      file: "content/topics/beta.md",
      line: 5,
      column: 5,
      severity: "error",
      rule: "prerequisite-cycle",
      message: "Prerequisite cycle: alpha → beta → gamma → delta → epsilon → alpha",
      hint:
        "beta requires alpha at content/topics/beta.md:5:5; gamma requires beta at content/topics/gamma.md:6:5; " +
        "delta requires gamma at content/topics/delta.md:7:5; epsilon requires delta at content/topics/epsilon.md:8:5; " +
        "alpha requires epsilon at content/topics/alpha.md:9:5",
    };
    expect(buildPrerequisiteGraph(nodes, edges).diagnostics).toStrictEqual([expected]);
    expect(
      buildPrerequisiteGraph([...nodes].reverse(), [...edges].reverse()).diagnostics,
    ).toStrictEqual([expected]);
  });

  it("reports one error per strongly connected component", () => {
    // Two cycles sharing "hub" form one component; "x ⇄ y" is another; "tail" hangs off the first.
    const nodes = ["hub", "left", "right", "x", "y", "tail"].map((s) => node(s));
    const edges = [
      edge("hub", "left"),
      edge("left", "hub"),
      edge("hub", "right"),
      edge("right", "hub"),
      edge("x", "y"),
      edge("y", "x"),
      edge("hub", "tail"),
    ];
    const cycles = buildPrerequisiteGraph(nodes, edges).diagnostics.filter(
      (d) => d.rule === "prerequisite-cycle",
    );
    expect(cycles.map((d) => d.message).sort()).toStrictEqual([
      "Prerequisite cycle: hub → left → hub",
      "Prerequisite cycle: x → y → x",
    ]);
  });

  it("still orders every node exactly once when there is a cycle", () => {
    const graph = buildPrerequisiteGraph(
      [node("a"), node("b"), node("c"), node("d")],
      [edge("a", "b"), edge("b", "c"), edge("c", "a"), edge("c", "d")],
    );
    expect([...slugs(graph.order)].sort()).toStrictEqual(["a", "b", "c", "d"]);
    expect(graph.position("d")).toBe(3);
    expect(bySeverity(graph.diagnostics, "error")).toHaveLength(1);
  });

  it("handles a cycle through 10,000 prerequisites without overflowing the stack", () => {
    const n = 10_000;
    const nodes = Array.from({ length: n }, (_, i) => node(`n${String(i).padStart(5, "0")}`));
    const edges = nodes.slice(1).map((to, i) => edge(nodes[i]!.slug, to.slug));
    const graph = buildPrerequisiteGraph(nodes, [
      ...edges,
      edge(nodes[n - 1]!.slug, nodes[0]!.slug),
    ]);
    expect(graph.diagnostics.filter((d) => d.rule === "prerequisite-cycle")).toHaveLength(1);
  });
});

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

  it("warns about a prerequisite in a later block, and still reads it first", () => {
    const graph = buildPrerequisiteGraph(
      [node("intro", { block: 0 }), node("deep-dive", { block: 1 })],
      [edge("deep-dive", "intro", 6, 5)],
    );
    expect(graph.diagnostics).toStrictEqual([
      {
        file: "content/topics/intro.md",
        line: 6,
        column: 5,
        severity: "warning",
        rule: "prerequisite-later-block",
        message:
          'Prerequisite "deep-dive" is in block "Mechanisms", which comes after this article\'s block "Foundations"',
      },
    ]);
    expect(slugs(graph.order)).toStrictEqual(["deep-dive", "intro"]);
  });

  it("does not warn about a prerequisite in the same or an earlier block", () => {
    const graph = buildPrerequisiteGraph(
      [node("a", { block: 0 }), node("b", { block: 0 }), node("c", { block: 1 })],
      [edge("a", "b"), edge("b", "c")],
    );
    expect(graph.diagnostics).toStrictEqual([]);
  });
});

describe("buildPrerequisiteGraph: queries", () => {
  // a → b → d → e, a → c → d, c → f; g alone.
  const nodes = [
    node("a", { minutes: 3 }),
    node("b", { minutes: 5 }),
    node("c", { minutes: 7 }),
    node("d", { minutes: 11 }),
    node("e", { minutes: 13 }),
    node("f", { minutes: 17 }),
    node("g", { minutes: 19 }),
  ];
  const edges = [
    edge("c", "d"),
    edge("b", "d"),
    edge("a", "b"),
    edge("a", "c"),
    edge("d", "e"),
    edge("c", "f"),
  ];
  const graph = buildPrerequisiteGraph(nodes, edges);

  it("has no diagnostics for a clean DAG", () => {
    expect(graph.diagnostics).toStrictEqual([]);
    expect(slugs(graph.order)).toStrictEqual(["a", "b", "c", "d", "e", "f", "g"]);
  });

  it("gives the length of the longest chain as depth", () => {
    expect(Object.fromEntries(nodes.map((n) => [n.slug, graph.depth(n.slug)]))).toStrictEqual({
      a: 0,
      b: 1,
      c: 1,
      d: 2,
      e: 3,
      f: 2,
      g: 0,
    });
  });

  it("lists direct prerequisites and dependents in learning order, not as written", () => {
    expect(graph.prerequisites("d")).toStrictEqual(["b", "c"]);
    expect(graph.dependents("a")).toStrictEqual(["b", "c"]);
    expect(graph.dependents("c")).toStrictEqual(["d", "f"]);
    expect(graph.prerequisites("a")).toStrictEqual([]);
    expect(graph.dependents("g")).toStrictEqual([]);
  });

  it("lists ancestors in learning order with their total reading time", () => {
    expect(graph.ancestors("e")).toStrictEqual(["a", "b", "c", "d"]);
    expect(graph.ancestorMinutes("e")).toBe(3 + 5 + 7 + 11);
    expect(graph.ancestors("f")).toStrictEqual(["a", "c"]);
    expect(graph.ancestorMinutes("f")).toBe(10);
    expect(graph.ancestors("a")).toStrictEqual([]);
    expect(graph.ancestorMinutes("a")).toBe(0);
    expect(graph.ancestorMinutes("e")).toBe(26);
  });

  it("lists descendants in learning order", () => {
    expect(graph.descendants("a")).toStrictEqual(["b", "c", "d", "e", "f"]);
    expect(graph.descendants("c")).toStrictEqual(["d", "e", "f"]);
    expect(graph.descendants("e")).toStrictEqual([]);
    expect(graph.descendants("g")).toStrictEqual([]);
  });

  it("answers with empty results for an unknown slug", () => {
    expect(graph.node("nope")).toBeUndefined();
    expect(graph.node("d")?.title).toBe("D");
    expect(graph.prerequisites("nope")).toStrictEqual([]);
    expect(graph.dependents("nope")).toStrictEqual([]);
    expect(graph.ancestors("nope")).toStrictEqual([]);
    expect(graph.descendants("nope")).toStrictEqual([]);
    expect(graph.depth("nope")).toBe(0);
  });
});

describe("buildPrerequisiteGraph: transitive reduction", () => {
  it("drops A → C when A → B → C, with a note, and keeps it in edges", () => {
    const graph = buildPrerequisiteGraph(
      [node("a"), node("b"), node("c")],
      [edge("a", "c", 6, 5), edge("b", "c", 7, 5), edge("a", "b", 6, 5)],
    );
    expect(graph.reducedEdges.map(key).sort()).toStrictEqual(["a→b", "b→c"]);
    expect(graph.edges.map(key).sort()).toStrictEqual(["a→b", "a→c", "b→c"]);
    expect(graph.diagnostics).toStrictEqual([
      {
        file: "content/topics/c.md",
        line: 6,
        column: 5,
        severity: "note",
        rule: "prerequisite-implied",
        message: 'Prerequisite "a" is implied by "b", which requires it; kept as written',
      },
    ]);
    expect(graph.prerequisites("c")).toStrictEqual(["a", "b"]);
    expect(graph.dependents("a")).toStrictEqual(["b", "c"]);
    expect(graph.depth("c")).toBe(2);
  });

  it("drops an edge implied through a longer path", () => {
    const graph = buildPrerequisiteGraph(
      ["a", "b", "c", "d", "e"].map((s) => node(s)),
      [edge("a", "b"), edge("b", "c"), edge("c", "d"), edge("d", "e"), edge("a", "e")],
    );
    expect(graph.reducedEdges.map(key).sort()).toStrictEqual(["a→b", "b→c", "c→d", "d→e"]);
    expect(bySeverity(graph.diagnostics, "note").map((d) => d.message)).toStrictEqual([
      'Prerequisite "a" is implied by "d", which requires it; kept as written',
    ]);
  });

  it("keeps both edges of a diamond", () => {
    const graph = buildPrerequisiteGraph(
      ["a", "b", "c", "d"].map((s) => node(s)),
      [edge("a", "b"), edge("a", "c"), edge("b", "d"), edge("c", "d")],
    );
    expect(graph.reducedEdges).toHaveLength(4);
    expect(graph.diagnostics).toStrictEqual([]);
  });
});

function key(e: { from: string; to: string }): string {
  return `${e.from}→${e.to}`;
}

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
