/**
 * The prerequisite graph's data: its nodes as the course gives them, its
 * edges as written in frontmatter, and the adjacency lists that every step
 * (checking edges, cycles, learning order, reachability) walks.
 */

export interface GraphNode {
  slug: string;
  title: string;
  /** Position of the node's block in course order. */
  blockIndex: number;
  blockTitle: string;
  /** Position within the block, when the author gave one. */
  order: number | undefined;
  readingMinutes: number;
  /** Source file, for locating problems. */
  file: string;
}

/** A prerequisite as written: `to` lists `from` in its frontmatter, at file:line:column. */
export interface EdgeInput {
  from: string;
  to: string;
  file: string;
  line: number;
  column: number;
}

export interface Edge {
  from: string;
  to: string;
}

/** Every node's edges in (its prerequisites) and out (what requires it), as written. */
export interface Adjacency {
  parents: ReadonlyMap<string, readonly EdgeInput[]>;
  children: ReadonlyMap<string, readonly EdgeInput[]>;
}

/** Adjacency lists over checked edges: every edge's ends must be among the nodes. */
export function adjacency(nodes: readonly GraphNode[], edges: readonly EdgeInput[]): Adjacency {
  const parents = new Map<string, EdgeInput[]>(nodes.map((n) => [n.slug, []]));
  const children = new Map<string, EdgeInput[]>(nodes.map((n) => [n.slug, []]));
  for (const edge of edges) {
    parents.get(edge.to)!.push(edge);
    children.get(edge.from)!.push(edge);
  }
  return { parents, children };
}
