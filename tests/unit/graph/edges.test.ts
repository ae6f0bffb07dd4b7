/** Checking prerequisites as written (src/graph/edges.ts): unknown, self, duplicate, later block. */
import { describe, expect, it } from "vitest";
import { checkEdges, laterBlockWarnings } from "../../../src/graph/edges.js";
import { buildPrerequisiteGraph } from "../../../src/graph/prerequisite-graph.js";
import { edge, node, slugs } from "./graph-fixtures.js";

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

describe("buildPrerequisiteGraph: prerequisites in a later block", () => {
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

describe("checkEdges", () => {
  it("keeps the first occurrence of each known edge and reports the others in the order given", () => {
    const nodes = [node("a"), node("b"), node("c")];
    const bySlug = new Map(nodes.map((n) => [n.slug, n]));
    const { edges, diagnostics } = checkEdges(bySlug, [
      edge("a", "b", 3),
      edge("a", "b", 4),
      edge("zzz", "c", 5),
      edge("c", "c", 6),
      edge("b", "c", 7),
    ]);
    expect(edges).toStrictEqual([edge("a", "b", 3), edge("b", "c", 7)]);
    expect(diagnostics.map((d) => [d.line, d.rule])).toStrictEqual([
      [4, "prerequisite-duplicate"],
      [5, "prerequisite-unknown"],
      [6, "prerequisite-self"],
    ]);
  });

  it("leaves the block check to laterBlockWarnings, which sees only checked edges", () => {
    const nodes = [node("early", { block: 0 }), node("late", { block: 2 })];
    const bySlug = new Map(nodes.map((n) => [n.slug, n]));
    expect(checkEdges(bySlug, [edge("late", "early")]).diagnostics).toStrictEqual([]);
    expect(
      laterBlockWarnings(bySlug, [edge("late", "early"), edge("early", "late")]).map(
        (d) => d.message,
      ),
    ).toStrictEqual([
      'Prerequisite "late" is in block "Applications", which comes after this article\'s block "Foundations"',
    ]);
  });
});
