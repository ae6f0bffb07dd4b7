import { describe, expect, it } from "vitest";
import {
  buildPrerequisiteGraph,
  type EdgeInput,
  type GraphNode,
} from "../../../src/graph/prerequisite-graph.js";
import {
  layeredLayout,
  type Layout,
  type LayoutNodeInput,
  type LayoutOptions,
} from "../../../src/graph/layout.js";
import { mulberry32 } from "../../support/random.js";

const EPSILON = 1e-6;

interface LayoutCase {
  seed: number;
  inputs: LayoutNodeInput[];
  edges: { from: string; to: string }[];
  options: LayoutOptions;
}

/** A random DAG laid out the way the course graph is: layer = depth; edges = all of them (so some are long). */
function randomCase(seed: number): LayoutCase {
  const random = mulberry32(seed);
  const n = 1 + Math.floor(random() * 50);
  const nodes: GraphNode[] = Array.from({ length: n }, (_, i) => ({
    slug: `n${i}`,
    title: `n${i}`,
    blockIndex: 0,
    blockTitle: "Block",
    order: undefined,
    readingMinutes: 1,
    file: `n${i}.md`,
  }));
  const density = random() * 0.25;
  const inputs: EdgeInput[] = [];
  for (let j = 1; j < n; j++) {
    for (let i = 0; i < j; i++)
      if (random() < density)
        inputs.push({ from: `n${i}`, to: `n${j}`, file: `n${j}.md`, line: 1, column: 1 });
  }
  const graph = buildPrerequisiteGraph(nodes, inputs);
  const layoutInputs = nodes.map((node) => ({
    id: node.slug,
    layer: graph.depth(node.slug),
    width: 80 + Math.floor(random() * 160),
    height: 30 + Math.floor(random() * 50),
  }));
  const options = {
    nodeGap: 4 + Math.floor(random() * 40),
    layerGap: 20 + Math.floor(random() * 60),
    margin: Math.floor(random() * 20),
    sweeps: Math.floor(random() * 5),
  };
  return { seed, inputs: layoutInputs, edges: [...graph.edges], options };
}

const CASES = Array.from({ length: 100 }, (_, i) => randomCase(500 + i));

function snapshot(layout: Layout): unknown {
  return { ...layout, nodes: [...layout.nodes.entries()] };
}

function centreBottom(layout: Layout, id: string): [number, number] {
  const n = layout.nodes.get(id)!;
  return [n.x + n.width / 2, n.y + n.height];
}

function centreTop(layout: Layout, id: string): [number, number] {
  const n = layout.nodes.get(id)!;
  return [n.x + n.width / 2, n.y];
}

describe("layeredLayout", () => {
  it("lays out a diamond with a long edge", () => {
    const inputs = [
      { id: "a", layer: 0, width: 100, height: 40 },
      { id: "b", layer: 1, width: 100, height: 40 },
      { id: "c", layer: 1, width: 100, height: 60 },
      { id: "d", layer: 2, width: 100, height: 40 },
    ];
    const edges = [
      { from: "a", to: "b" },
      { from: "a", to: "c" },
      { from: "b", to: "d" },
      { from: "c", to: "d" },
      { from: "a", to: "d" },
    ];
    const layout = layeredLayout(inputs, edges, { nodeGap: 20, layerGap: 50, margin: 10 });
    expect([...layout.nodes.keys()].sort()).toStrictEqual(["a", "b", "c", "d"]);
    expect(layout.nodes.get("a")!.y).toBe(10);
    expect(layout.nodes.get("b")!.y).toBe(10 + 40 + 50);
    expect(layout.nodes.get("c")!.y).toBe(10 + 40 + 50);
    // Layer 1 is as tall as its tallest node.
    expect(layout.nodes.get("d")!.y).toBe(10 + 40 + 50 + 60 + 50);
    expect(layout.height).toBe(10 + 40 + 50 + 60 + 50 + 40 + 10);
    const long = layout.edges.find((e) => e.from === "a" && e.to === "d")!;
    expect(long.points).toHaveLength(3);
    expect(long.points[0]).toStrictEqual(centreBottom(layout, "a"));
    expect(long.points[2]).toStrictEqual(centreTop(layout, "d"));
    // The dummy point sits in the middle of layer 1, clear of b and c.
    expect(long.points[1]![1]).toBe(10 + 40 + 50 + 30);
    for (const id of ["b", "c"]) {
      const box = layout.nodes.get(id)!;
      const x = long.points[1]![0];
      expect(
        x <= box.x - 20 + EPSILON || x >= box.x + box.width + 20 - EPSILON,
        `dummy clear of ${id}`,
      ).toBe(true);
    }
    expect(layout.edges).toHaveLength(5);
  });

  it("places a lone node at the margin", () => {
    const layout = layeredLayout([{ id: "only", layer: 0, width: 120, height: 50 }], [], {
      margin: 16,
    });
    expect(layout.nodes.get("only")).toStrictEqual({
      id: "only",
      x: 16,
      y: 16,
      width: 120,
      height: 50,
    });
    expect(layout.width).toBe(152);
    expect(layout.height).toBe(82);
    expect(layout.edges).toStrictEqual([]);
  });

  // Was a bug (fixed in src while these tests were written): with no nodes the height was
  // 2·margin − layerGap, −32 with the defaults, so /graph/ of an empty course had `height="-32"`.
  it("has a non-negative size when there are no nodes", () => {
    const layout = layeredLayout([], []);
    expect(layout.nodes.size).toBe(0);
    expect(layout.width).toBeGreaterThanOrEqual(0);
    expect(layout.height).toBeGreaterThanOrEqual(0);
  });

  it("ignores edges to unknown nodes and edges that do not go down", () => {
    const layout = layeredLayout(
      [
        { id: "a", layer: 0, width: 50, height: 20 },
        { id: "b", layer: 1, width: 50, height: 20 },
        { id: "c", layer: 1, width: 50, height: 20 },
      ],
      [
        { from: "a", to: "missing" },
        { from: "b", to: "a" },
        { from: "b", to: "c" },
        { from: "a", to: "b" },
      ],
    );
    expect(layout.edges.map((e) => `${e.from}→${e.to}`)).toStrictEqual(["a→b"]);
  });

  describe("on 100 random DAGs", () => {
    it("places every node with its size, inside the drawing", () => {
      for (const c of CASES) {
        const layout = layeredLayout(c.inputs, c.edges, c.options);
        expect(layout.nodes.size, `seed ${c.seed}`).toBe(c.inputs.length);
        for (const input of c.inputs) {
          const box = layout.nodes.get(input.id)!;
          expect(box, `seed ${c.seed}: ${input.id}`).toBeDefined();
          expect(box.width).toBe(input.width);
          expect(box.height).toBe(input.height);
          expect(box.x).toBeGreaterThanOrEqual(c.options.margin - EPSILON);
          expect(box.y).toBeGreaterThanOrEqual(c.options.margin - EPSILON);
          expect(box.x + box.width).toBeLessThanOrEqual(layout.width - c.options.margin + 1);
          expect(box.y + box.height).toBeLessThanOrEqual(layout.height - c.options.margin + 1);
        }
      }
    });

    it("never overlaps two nodes of a layer, keeping nodeGap between them", () => {
      for (const c of CASES) {
        const layout = layeredLayout(c.inputs, c.edges, c.options);
        const layers = new Map<number, { x: number; width: number; id: string }[]>();
        for (const input of c.inputs) {
          const box = layout.nodes.get(input.id)!;
          layers.set(input.layer, [...(layers.get(input.layer) ?? []), box]);
        }
        for (const boxes of layers.values()) {
          boxes.sort((a, b) => a.x - b.x);
          for (let i = 1; i < boxes.length; i++) {
            const left = boxes[i - 1]!;
            const right = boxes[i]!;
            expect(right.x, `seed ${c.seed}: ${left.id} | ${right.id}`).toBeGreaterThanOrEqual(
              left.x + left.width + c.options.nodeGap - EPSILON,
            );
          }
        }
      }
    });

    it("stacks layers top-down: every node of a layer is below the whole previous layer", () => {
      for (const c of CASES) {
        const layout = layeredLayout(c.inputs, c.edges, c.options);
        const layerTop = new Map<number, number>();
        const layerBottom = new Map<number, number>();
        for (const input of c.inputs) {
          const box = layout.nodes.get(input.id)!;
          // One top per layer.
          expect(layerTop.get(input.layer) ?? box.y, `seed ${c.seed}`).toBe(box.y);
          layerTop.set(input.layer, box.y);
          layerBottom.set(
            input.layer,
            Math.max(layerBottom.get(input.layer) ?? 0, box.y + box.height),
          );
        }
        const layers = [...layerTop.keys()].sort((a, b) => a - b);
        for (let i = 1; i < layers.length; i++) {
          expect(layerTop.get(layers[i]!)!).toBeGreaterThanOrEqual(
            layerBottom.get(layers[i - 1]!)! + c.options.layerGap - EPSILON,
          );
        }
        for (const e of layout.edges) {
          const from = layout.nodes.get(e.from)!;
          const to = layout.nodes.get(e.to)!;
          expect(to.y, `seed ${c.seed}: ${e.from}→${e.to}`).toBeGreaterThanOrEqual(
            from.y + from.height + c.options.layerGap - EPSILON,
          );
        }
      }
    });

    it("routes every edge from the source's bottom centre to the target's top centre, through one point per layer crossed", () => {
      for (const c of CASES) {
        const layout = layeredLayout(c.inputs, c.edges, c.options);
        const layerOf = new Map(c.inputs.map((n) => [n.id, n.layer]));
        expect(layout.edges.map((e) => `${e.from}→${e.to}`).sort()).toStrictEqual(
          c.edges.map((e) => `${e.from}→${e.to}`).sort(),
        );
        const byLayer = new Map<number, { x: number; width: number }[]>();
        for (const input of c.inputs)
          byLayer.set(input.layer, [
            ...(byLayer.get(input.layer) ?? []),
            layout.nodes.get(input.id)!,
          ]);
        for (const e of layout.edges) {
          const span = layerOf.get(e.to)! - layerOf.get(e.from)!;
          expect(e.points, `seed ${c.seed}: ${e.from}→${e.to}`).toHaveLength(span + 1);
          const [fx, fy] = e.points[0]!;
          const [tx, ty] = e.points.at(-1)!;
          const [sx, sy] = centreBottom(layout, e.from);
          const [ex, ey] = centreTop(layout, e.to);
          expect(fx).toBeCloseTo(sx, 6);
          expect(fy).toBeCloseTo(sy, 6);
          expect(tx).toBeCloseTo(ex, 6);
          expect(ty).toBeCloseTo(ey, 6);
          // Dummy points go down layer by layer and avoid the nodes of the layer they cross.
          for (let i = 1; i < e.points.length - 1; i++) {
            const [x, y] = e.points[i]!;
            expect(y).toBeGreaterThan(e.points[i - 1]![1]);
            expect(y).toBeLessThan(ty);
            for (const box of byLayer.get(layerOf.get(e.from)! + i) ?? []) {
              const clear =
                x <= box.x - c.options.nodeGap + EPSILON ||
                x >= box.x + box.width + c.options.nodeGap - EPSILON;
              expect(clear, `seed ${c.seed}: ${e.from}→${e.to} crosses a node`).toBe(true);
            }
          }
        }
      }
    });

    it("is deterministic", () => {
      for (const c of CASES.slice(0, 30)) {
        const first = layeredLayout(c.inputs, c.edges, c.options);
        const second = layeredLayout(
          c.inputs.map((n) => ({ ...n })),
          c.edges.map((e) => ({ ...e })),
          { ...c.options },
        );
        expect(snapshot(second), `seed ${c.seed}`).toStrictEqual(snapshot(first));
      }
    });
  });
});
