/** The prerequisite graph's input, taken from the course's blocks and articles. */
import type { Article, Block } from "./course.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { EdgeInput, GraphNode } from "../graph/prerequisite-graph.js";

/** One node per article, with its block's position so that the graph keeps blocks in course order. */
export function graphNodes(blocks: Block[]): GraphNode[] {
  return blocks.flatMap((block, blockIndex) =>
    block.articles.map((a) => ({
      slug: a.slug,
      title: a.title,
      blockIndex,
      blockTitle: block.title,
      order: a.order,
      readingMinutes: a.readingMinutes,
      file: a.sourcePath,
    })),
  );
}

/** Prerequisites as graph edges; those on drafts left out of this build are dropped, with a warning. */
export function graphEdges(
  articles: Article[],
  drafts: ReadonlySet<string>,
  diagnostics: Diagnostic[],
): EdgeInput[] {
  return articles.flatMap((a) =>
    a.prerequisites.flatMap((ref) => {
      if (!drafts.has(ref.slug))
        return [
          { from: ref.slug, to: a.slug, file: a.sourcePath, line: ref.line, column: ref.column },
        ];
      diagnostics.push({
        file: a.sourcePath,
        line: ref.line,
        column: ref.column,
        severity: "warning",
        rule: "prerequisite-draft",
        message: `Prerequisite "${ref.slug}" is a draft, left out of this build`,
      });
      return [];
    }),
  );
}
