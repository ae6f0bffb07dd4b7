/** Where a key path lands in a parsed YAML (or JSON) document, for locating problems. */
import { isMap, isPair, isScalar, isSeq, type Document } from "yaml";

type Ranged = { range?: readonly number[] } | null | undefined;

/**
 * Offset of the key (or list item) at `path`, or of its value when asked;
 * the deepest part of the path that exists when the rest does not; undefined
 * when not even the first part does.
 */
export function offsetOfPath(
  doc: Document,
  path: readonly (string | number)[],
  wantValue = false,
): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === segment);
      if (!pair) return offset;
      offset = (pair.key as Ranged)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item: unknown = node.items[segment];
      if (!item) return offset;
      offset = (item as Ranged)?.range?.[0] ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return (wantValue ? (node as Ranged)?.range?.[0] : undefined) ?? offset;
}
