/**
 * `/graph.json`: the course's prerequisite graph, for other tools and for the
 * reader's browser (progress and "Ready next", src/client/progress.ts).
 * Written by src/views/graph-view.ts. Shared with the browser, so it imports
 * nothing.
 */

export interface GraphJson {
  /** The course's title. */
  title: string;
  /** Every block, in course order. */
  blocks: { slug: string; title: string }[];
  /** Every article, in learning order. */
  nodes: GraphJsonNode[];
  /** Every prerequisite as written (duplicates removed): `from` is read before `to`. */
  edges: { from: string; to: string }[];
}

export interface GraphJsonNode {
  slug: string;
  /** Under the path prefix, ready to link to. */
  url: string;
  title: string;
  /** The slug of the article's block. */
  block: string;
  /** One of the frontmatter's difficulties, or null when the article gives none. */
  difficulty: string | null;
  readingMinutes: number;
  /** Length of the longest prerequisite chain leading to the article (0 for none). */
  depth: number;
}
