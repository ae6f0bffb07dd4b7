/** Checking edges on 200 seeded random DAGs (random-graphs.ts). */
import { describe, expect, it } from "vitest";
import { key } from "./graph-fixtures.js";
import { CASES, built } from "./random-graphs.js";

describe("checking edges on 200 random DAGs", () => {
  it("reports no errors, one warning per duplicate and per prerequisite in a later block, and keeps every written edge once", () => {
    for (const c of CASES) {
      const graph = built(c);
      const by = (rule: string) => graph.diagnostics.filter((d) => d.rule === rule).length;
      expect(
        graph.diagnostics.filter((d) => d.severity === "error"),
        `seed ${c.seed}`,
      ).toStrictEqual([]);
      expect(by("prerequisite-duplicate"), `seed ${c.seed}`).toBe(c.duplicates);
      const laterBlock = c.edges.filter(
        (e) => graph.node(e.from)!.blockIndex > graph.node(e.to)!.blockIndex,
      ).length;
      expect(by("prerequisite-later-block"), `seed ${c.seed}`).toBe(laterBlock);
      expect(graph.edges.map(key).sort()).toStrictEqual(c.edges.map(key).sort());
    }
  });
});
