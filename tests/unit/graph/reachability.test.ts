/** Reachability (src/graph/reachability.ts): depth, ancestors, descendants, transitive reduction. */
import { describe, expect, it } from "vitest";
import { adjacency } from "../../../src/graph/model.js";
import { buildPrerequisiteGraph } from "../../../src/graph/prerequisite-graph.js";
import { ancestry, descendantsOf } from "../../../src/graph/reachability.js";
import { QUERY_EDGES, QUERY_NODES, bySeverity, edge, key, node, slugs } from "./graph-fixtures.js";

describe("buildPrerequisiteGraph: reachability queries", () => {
  const nodes = QUERY_NODES;
  const graph = buildPrerequisiteGraph(nodes, QUERY_EDGES);

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

describe("ancestry and descendantsOf", () => {
  it("ignores an edge against the learning order (one inside a cycle)", () => {
    // Order a, b; the edge b → a goes against it.
    const order = [node("a"), node("b")];
    const { parents } = adjacency(order, [edge("a", "b"), edge("b", "a")]);
    const position = (slug: string) => slugs(order).indexOf(slug);
    const { depth, ancestors } = ancestry(order, parents, position);
    expect([...depth]).toStrictEqual([0, 1]);
    expect(ancestors.map((set) => set.toArray())).toStrictEqual([[], [0]]);
  });

  it("finds everything reachable, breadth first, and nothing for an unknown slug", () => {
    const { children } = adjacency(QUERY_NODES, QUERY_EDGES);
    expect(descendantsOf("c", children)).toStrictEqual(["d", "f", "e"]);
    expect(descendantsOf("nope", children)).toStrictEqual([]);
  });
});
