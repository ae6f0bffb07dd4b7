/**
 * The block palette: blocks are coloured in course order, cycling through
 * BLOCK_COLOURS colours. The colours themselves are the `.graph-block-<n>`
 * rules of src/styles/graph.css (a stylesheet cannot read this constant;
 * tests/unit/graph/palette.test.ts holds the two together).
 */
export const BLOCK_COLOURS = 8;

/** The class that colours a node or legend swatch of the block at this position in course order. */
export function blockColourClass(blockIndex: number): string {
  return `graph-block-${blockIndex % BLOCK_COLOURS}`;
}
