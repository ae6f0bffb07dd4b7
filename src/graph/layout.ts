/**
 * A layered ("Sugiyama") layout of a DAG: layers from the top, long edges
 * routed through dummy points, crossings reduced by barycentre sweeps, nodes
 * pulled towards their parents. Coordinates only; drawing is render-svg.ts.
 *
 * Off-the-shelf layered layouts (dagre, elkjs) take seconds at 500 nodes and
 * minutes beyond; this one is O((V + D) log V) per sweep with D dummy points,
 * which keeps the whole course's graph a small share of the build at 5,000.
 */

export interface LayoutNodeInput {
  id: string;
  /** 0 = top. Every edge must go from a lower layer to a higher one. */
  layer: number;
  width: number;
  height: number;
}

export interface LayoutOptions {
  /** Horizontal space between neighbouring nodes. */
  nodeGap: number;
  /** Vertical space between layers. */
  layerGap: number;
  margin: number;
  /** Barycentre sweeps (each is one pass down and one up). */
  sweeps: number;
}

export interface PlacedNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RoutedEdge {
  from: string;
  to: string;
  /** From the bottom centre of `from` to the top centre of `to`, through any dummy points. */
  points: [number, number][];
}

export interface Layout {
  width: number;
  height: number;
  nodes: Map<string, PlacedNode>;
  edges: RoutedEdge[];
}

const DEFAULTS: LayoutOptions = { nodeGap: 28, layerGap: 64, margin: 16, sweeps: 4 };

interface Slot {
  id: string;
  layer: number;
  width: number;
  height: number;
  dummy: boolean;
  up: Slot[];
  down: Slot[];
  index: number;
  x: number;
}

export function layeredLayout(
  inputs: readonly LayoutNodeInput[],
  edges: readonly { from: string; to: string }[],
  options: Partial<LayoutOptions> = {},
): Layout {
  const o = { ...DEFAULTS, ...options };
  const layerCount = inputs.reduce((max, n) => Math.max(max, n.layer + 1), 0);
  const layers: Slot[][] = Array.from({ length: layerCount }, () => []);
  const slots = new Map<string, Slot>();
  for (const input of inputs) {
    const slot: Slot = { ...input, dummy: false, up: [], down: [], index: 0, x: 0 };
    slots.set(input.id, slot);
    layers[input.layer]!.push(slot);
  }

  // Long edges become chains of dummy slots, one per layer crossed.
  const chains: { from: string; to: string; slots: Slot[] }[] = [];
  for (const edge of edges) {
    const from = slots.get(edge.from);
    const to = slots.get(edge.to);
    if (!from || !to || to.layer <= from.layer) continue;
    const chain: Slot[] = [from];
    for (let layer = from.layer + 1; layer < to.layer; layer++) {
      const dummy: Slot = {
        id: `${edge.from}\u0000${edge.to}\u0000${layer}`,
        layer,
        width: 0,
        height: 0,
        dummy: true,
        up: [],
        down: [],
        index: 0,
        x: 0,
      };
      layers[layer]!.push(dummy);
      chain.push(dummy);
    }
    chain.push(to);
    for (let i = 1; i < chain.length; i++) {
      chain[i - 1]!.down.push(chain[i]!);
      chain[i]!.up.push(chain[i - 1]!);
    }
    chains.push({ from: edge.from, to: edge.to, slots: chain });
  }

  const renumber = (layer: Slot[]) => layer.forEach((slot, i) => (slot.index = i));
  layers.forEach(renumber);

  // Crossing reduction: order each layer by the mean position of its neighbours in the previous one.
  const sortBy = (layer: Slot[], neighbours: (s: Slot) => Slot[]) => {
    const keyed = layer.map((slot) => {
      const ns = neighbours(slot);
      const key =
        ns.length === 0 ? slot.index : ns.reduce((sum, n) => sum + n.index, 0) / ns.length;
      return { slot, key };
    });
    keyed.sort((a, b) => a.key - b.key || a.slot.index - b.slot.index);
    keyed.forEach(({ slot }, i) => {
      layer[i] = slot;
    });
    renumber(layer);
  };
  for (let sweep = 0; sweep < o.sweeps; sweep++) {
    for (let l = 1; l < layers.length; l++) sortBy(layers[l]!, (s) => s.up);
    for (let l = layers.length - 2; l >= 0; l--) sortBy(layers[l]!, (s) => s.down);
  }

  // Horizontal placement: each node as close as it can get to the mean of its parents.
  const width = (slot: Slot) => (slot.dummy ? 0 : slot.width);
  const gap = (a: Slot, b: Slot) => (a.dummy && b.dummy ? o.nodeGap / 4 : o.nodeGap);
  for (const layer of layers) {
    let previous: Slot | undefined;
    for (const slot of layer) {
      const wanted =
        slot.up.length > 0
          ? slot.up.reduce((sum, p) => sum + p.x, 0) / slot.up.length
          : previous
            ? -Infinity
            : 0;
      const minimum = previous
        ? previous.x + width(previous) / 2 + gap(previous, slot) + width(slot) / 2
        : -Infinity;
      slot.x = Math.max(wanted, minimum);
      previous = slot;
    }
    // Shift the layer back by its mean displacement, keeping the spacing.
    const displaced = layer.filter((s) => s.up.length > 0);
    if (displaced.length > 0) {
      const shift =
        displaced.reduce(
          (sum, s) => sum + s.x - s.up.reduce((t, p) => t + p.x, 0) / s.up.length,
          0,
        ) / displaced.length;
      for (const slot of layer) slot.x -= shift;
    }
  }

  const left = layers.flat().reduce((min, s) => Math.min(min, s.x - width(s) / 2), 0);
  const layerHeights = layers.map((layer) => layer.reduce((max, s) => Math.max(max, s.height), 0));
  const layerTops: number[] = [];
  let y = o.margin;
  for (const height of layerHeights) {
    layerTops.push(y);
    y += height + o.layerGap;
  }

  const nodes = new Map<string, PlacedNode>();
  let right = 0;
  for (const slot of slots.values()) {
    const x = slot.x - left + o.margin - slot.width / 2;
    nodes.set(slot.id, {
      id: slot.id,
      x,
      y: layerTops[slot.layer]!,
      width: slot.width,
      height: slot.height,
    });
    right = Math.max(right, x + slot.width);
  }
  const centre = (slot: Slot) => slot.x - left + o.margin;
  const routed: RoutedEdge[] = chains.map(({ from, to, slots: chain }) => {
    const points: [number, number][] = [];
    chain.forEach((slot, i) => {
      const top = layerTops[slot.layer]!;
      if (i === 0) points.push([centre(slot), top + slot.height]);
      else if (i === chain.length - 1) points.push([centre(slot), top]);
      else points.push([centre(slot), top + layerHeights[slot.layer]! / 2]);
    });
    return { from, to, points };
  });
  for (const layer of layers)
    for (const slot of layer) if (slot.dummy) right = Math.max(right, centre(slot));

  const height = layers.length === 0 ? 2 * o.margin : y - o.layerGap + o.margin;
  return {
    width: Math.ceil(Math.max(right + o.margin, 2 * o.margin)),
    height: Math.ceil(height),
    nodes,
    edges: routed,
  };
}
