/** neighbourhoodSvg on a minimal course: the per-level limit and its "more not shown" count. */
import { describe, expect, it } from "vitest";
import type { Course } from "../../../src/course/course.js";
import { buildPrerequisiteGraph, type GraphNode } from "../../../src/graph/prerequisite-graph.js";
import { DEFAULT_UI_STRINGS } from "../../../src/core/ui-strings.js";
import { NEIGHBOURHOOD_LIMIT, neighbourhoodSvg } from "../../../src/views/graph-view.js";

function course(slugs: string[], edges: [string, string][]): Course {
  const nodes: GraphNode[] = slugs.map((slug, i) => ({
    slug,
    title: slug,
    blockIndex: 0,
    blockTitle: "Block",
    order: i,
    readingMinutes: 1,
    file: `content/topics/${slug}.md`,
  }));
  const graph = buildPrerequisiteGraph(
    nodes,
    edges.map(([from, to]) => ({ from, to, file: `content/topics/${to}.md`, line: 1, column: 1 })),
  );
  const articles = graph.order.map((n) => ({
    slug: n.slug,
    url: `/topics/${n.slug}/`,
    title: n.title,
    difficulty: undefined,
    readingMinutes: 1,
  }));
  return {
    graph,
    articles,
    bySlug: new Map(articles.map((a) => [a.slug, a])),
    options: { ui: DEFAULT_UI_STRINGS },
  } as unknown as Course;
}

function shown(svg: string): string[] {
  return [...svg.matchAll(/data-slug="([^"]+)"/g)].map((m) => m[1]!);
}

describe("neighbourhoodSvg", () => {
  it("shows at most NEIGHBOURHOOD_LIMIT articles per level and counts the others", () => {
    const children = Array.from({ length: NEIGHBOURHOOD_LIMIT + 2 }, (_, i) => `c${i}`);
    const c = course(
      ["x", ...children],
      children.map((s) => ["x", s]),
    );
    const { svg, hidden } = neighbourhoodSvg(c, c.articles[0]!);
    expect(shown(svg)).toStrictEqual(["x", ...children.slice(0, NEIGHBOURHOOD_LIMIT)]);
    expect(hidden).toBe(2);
  });

  it("is empty for an article with no prerequisites and no dependents", () => {
    const c = course(["alone", "other"], []);
    expect(neighbourhoodSvg(c, c.articles[0]!)).toStrictEqual({ svg: "", hidden: 0 });
  });

  // Regression: a dependent cut by the per-level limit is still counted as hidden when it reappears one
  // level lower as a dependent of a shown dependent. x has 6 dependents c1…c6 and c1 → c6: all 7
  // articles are drawn (c6 as a grandchild, without its edge from x), yet hidden is 1, so the
  // caption reads "(+ 1 more not shown)".
  it("does not count an article as hidden when it is drawn", () => {
    const children = ["c1", "c2", "c3", "c4", "c5", "c6"];
    const c = course(
      ["x", ...children],
      [...children.map((s): [string, string] => ["x", s]), ["c1", "c6"]],
    );
    const { svg, hidden } = neighbourhoodSvg(c, c.articles[0]!);
    const drawn = shown(svg);
    expect(drawn).toContain("c6");
    expect(hidden).toBe(["x", ...children].filter((s) => !drawn.includes(s)).length);
  });
});
