/** The block palette: BLOCK_COLOURS in TypeScript, one `.graph-block-<n>` rule per colour in graph.css. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BLOCK_COLOURS, blockColourClass } from "../../../src/graph/palette.js";

const GRAPH_CSS = path.resolve(import.meta.dirname, "../../../src/styles/graph.css");

describe("the block palette", () => {
  it("has exactly one colour rule in graph.css for each of BLOCK_COLOURS colours", () => {
    const css = readFileSync(GRAPH_CSS, "utf8");
    const rules = [...css.matchAll(/\.graph-block-(\d+)\s*\{[^}]*--block:/g)].map((m) =>
      Number(m[1]),
    );
    expect(rules).toStrictEqual(Array.from({ length: BLOCK_COLOURS }, (_, i) => i));
  });

  it("cycles through the colours in course order", () => {
    expect(blockColourClass(0)).toBe("graph-block-0");
    expect(blockColourClass(BLOCK_COLOURS - 1)).toBe(`graph-block-${BLOCK_COLOURS - 1}`);
    expect(blockColourClass(BLOCK_COLOURS)).toBe("graph-block-0");
    expect(blockColourClass(BLOCK_COLOURS + 3)).toBe("graph-block-3");
  });
});
