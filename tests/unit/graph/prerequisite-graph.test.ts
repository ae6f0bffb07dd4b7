/**
 * The assembled graph (src/graph/prerequisite-graph.ts): its direct queries.
 * Each step has its own tests: edges, cycles, learning order, reachability.
 */
import { describe, expect, it } from "vitest";
import { buildPrerequisiteGraph } from "../../../src/graph/prerequisite-graph.js";
import { QUERY_EDGES, QUERY_NODES, slugs } from "./graph-fixtures.js";

describe("buildPrerequisiteGraph: queries", () => {
  const graph = buildPrerequisiteGraph(QUERY_NODES, QUERY_EDGES);

  it("has no diagnostics for a clean DAG", () => {
    expect(graph.diagnostics).toStrictEqual([]);
    expect(slugs(graph.order)).toStrictEqual(["a", "b", "c", "d", "e", "f", "g"]);
  });

  it("lists direct prerequisites and dependents in learning order, not as written", () => {
    expect(graph.prerequisites("d")).toStrictEqual(["b", "c"]);
    expect(graph.dependents("a")).toStrictEqual(["b", "c"]);
    expect(graph.dependents("c")).toStrictEqual(["d", "f"]);
    expect(graph.prerequisites("a")).toStrictEqual([]);
    expect(graph.dependents("g")).toStrictEqual([]);
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

  it("returns a fresh list each time, so that a caller cannot change the graph", () => {
    graph.prerequisites("d").pop();
    graph.dependents("a").pop();
    expect(graph.prerequisites("d")).toStrictEqual(["b", "c"]);
    expect(graph.dependents("a")).toStrictEqual(["b", "c"]);
  });
});
