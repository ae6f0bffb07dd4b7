/** Prerequisite cycles (src/graph/cycles.ts): one error per strongly connected component. */
import { describe, expect, it } from "vitest";
import { stronglyConnectedComponents } from "../../../src/graph/cycles.js";
import { adjacency } from "../../../src/graph/model.js";
import { buildPrerequisiteGraph } from "../../../src/graph/prerequisite-graph.js";
import { bySeverity, edge, node, slugs } from "./graph-fixtures.js";

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

describe("stronglyConnectedComponents", () => {
  it("puts every node in exactly one component, a node outside any cycle alone", () => {
    const nodes = ["a", "b", "c", "d", "e"].map((s) => node(s));
    const edges = [edge("a", "b"), edge("b", "a"), edge("b", "c"), edge("c", "d"), edge("d", "c")];
    const components = stronglyConnectedComponents(nodes, adjacency(nodes, edges).children);
    expect(components.map((c) => [...c].sort().join(" ")).sort()).toStrictEqual([
      "a b",
      "c d",
      "e",
    ]);
  });
});
