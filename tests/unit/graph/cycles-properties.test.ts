/** Cycles on 200 seeded random directed graphs (random-graphs.ts), against brute force. */
import { describe, expect, it } from "vitest";
import { buildPrerequisiteGraph } from "../../../src/graph/prerequisite-graph.js";
import { key } from "./graph-fixtures.js";
import { CYCLIC, reachability, shortestCycle } from "./random-graphs.js";

describe("cycles on 200 random graphs with cycles", () => {
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
