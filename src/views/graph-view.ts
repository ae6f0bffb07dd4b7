/**
 * The graph as learners see it: the whole course on /graph/, each article's
 * neighbourhood, the text alternative, and /graph.json for other tools.
 */
import type { GraphJson } from "../core/browser/graph-json.js";
import type { Article, Course } from "../course/course.js";
import { safeJson } from "../core/html.js";
import { timed } from "../core/phases.js";
import { graphNodeId, withPathPrefix } from "../core/urls.js";
import { layeredLayout, type LayoutNodeInput } from "../graph/layout.js";
import { blockColourClass } from "../graph/palette.js";
import {
  nodeHeight,
  renderGraphSvg,
  type DrawnNode,
  type SvgOptions,
} from "../graph/render-svg.js";
import type { UiStrings } from "../core/ui-strings.js";

const COURSE_NODE = { width: 216, lineHeight: 17, charsPerLine: 22, maxLines: 3 };
const NEIGHBOUR_NODE = { width: 176, lineHeight: 16, charsPerLine: 19, maxLines: 2 };
/** Per level of a neighbourhood, so that an article page's size does not grow with the course. */
export const NEIGHBOURHOOD_LIMIT = 4;

function meta(article: Article, ui: UiStrings): string {
  return [
    article.difficulty ? ui[article.difficulty] : undefined,
    `${article.readingMinutes} ${ui.minutesRead}`,
  ]
    .filter(Boolean)
    .join(" · ");
}

function drawn(course: Course, article: Article, className?: string): DrawnNode {
  return {
    id: article.slug,
    url: article.url,
    title: article.title,
    meta: meta(article, course.options.ui),
    blockIndex: course.graph.node(article.slug)?.blockIndex ?? 0,
    difficulty: article.difficulty,
    ...(className ? { className } : {}),
  };
}

/** The whole course, prerequisites above what they unlock. */
export function courseGraphSvg(course: Course): string {
  return timed("graphSvg", () => drawCourseGraph(course));
}

function drawCourseGraph(course: Course): string {
  const { graph } = course;
  const inputs: LayoutNodeInput[] = course.articles.map((a) => ({
    id: a.slug,
    layer: graph.depth(a.slug),
    width: COURSE_NODE.width,
    height: nodeHeight(a.title, COURSE_NODE),
  }));
  const layout = layeredLayout(inputs, graph.reducedEdges, { nodeGap: 28, layerGap: 56 });
  const options: SvgOptions = {
    ...COURSE_NODE,
    label: course.options.ui.graphLabel,
    idPrefix: graphNodeId(""),
    className: "course-graph",
  };
  return renderGraphSvg(
    layout,
    course.articles.map((a) => drawn(course, a)),
    options,
  );
}

/**
 * An article with two levels of prerequisites above it and two levels of what
 * it unlocks below, at most NEIGHBOURHOOD_LIMIT articles per level.
 */
export function neighbourhoodSvg(
  course: Course,
  article: Article,
): { svg: string; hidden: number } {
  return timed("graphSvg", () => drawNeighbourhood(course, article));
}

function drawNeighbourhood(course: Course, article: Article): { svg: string; hidden: number } {
  const { graph } = course;
  const levels = new Map<string, number>([[article.slug, 2]]);
  const candidates = new Set<string>();
  const expand = (from: string[], next: (slug: string) => string[], level: number) => {
    const found: string[] = [];
    for (const slug of from)
      for (const s of next(slug)) if (!levels.has(s) && !found.includes(s)) found.push(s);
    found.forEach((s) => candidates.add(s));
    const kept = found.slice(0, NEIGHBOURHOOD_LIMIT);
    for (const s of kept) levels.set(s, level);
    return kept;
  };
  const parents = expand([article.slug], graph.prerequisites, 1);
  expand(parents, graph.prerequisites, 0);
  const children = expand([article.slug], graph.dependents, 3);
  expand(children, graph.dependents, 4);
  if (levels.size === 1) return { svg: "", hidden: 0 };
  const hidden = [...candidates].filter((s) => !levels.has(s)).length;

  const shown = [...levels.keys()].sort((a, b) => graph.position(a) - graph.position(b));
  const minLevel = Math.min(...levels.values());
  const inputs = shown.map((slug) => {
    const a = course.bySlug.get(slug)!;
    return {
      id: slug,
      layer: levels.get(slug)! - minLevel,
      width: NEIGHBOUR_NODE.width,
      height: nodeHeight(a.title, NEIGHBOUR_NODE),
    };
  });
  // From the drawn articles' own prerequisites: scanning every edge of the course here would make each page cost O(edges).
  const edges = shown.flatMap((to) =>
    graph
      .prerequisites(to)
      .filter((from) => levels.has(from) && levels.get(to)! > levels.get(from)!)
      .map((from) => ({ from, to })),
  );
  const layout = layeredLayout(inputs, edges, { nodeGap: 16, layerGap: 36, margin: 8, sweeps: 2 });
  const options: SvgOptions = {
    ...NEIGHBOUR_NODE,
    label: course.options.ui.neighbourhoodLabel,
    idPrefix: "near-",
    className: "neighbourhood-graph",
  };
  const nodes = shown.map((slug) =>
    drawn(course, course.bySlug.get(slug)!, slug === article.slug ? "is-current" : undefined),
  );
  return { svg: renderGraphSvg(layout, nodes, options), hidden };
}

export interface GraphListItem {
  url: string;
  slug: string;
  title: string;
  blockTitle: string;
  prerequisites: { url: string; title: string }[];
}

/** The text alternative: every article in learning order with its direct prerequisites. */
export function graphList(course: Course): GraphListItem[] {
  return course.articles.map((a) => ({
    url: a.url,
    slug: a.slug,
    title: a.title,
    blockTitle: course.graph.node(a.slug)?.blockTitle ?? "",
    prerequisites: course.graph.prerequisites(a.slug).map((s) => {
      const p = course.bySlug.get(s)!;
      return { url: p.url, title: p.title };
    }),
  }));
}

/** `/graph.json`: nodes and edges with titles, URLs, blocks and difficulty. */
export function graphJson(course: Course): string {
  const blockOf = new Map<string, { slug: string; title: string }>();
  for (const block of course.blocks)
    for (const a of block.articles) blockOf.set(a.slug, { slug: block.slug, title: block.title });
  const json: GraphJson = {
    title: course.options.title,
    blocks: course.blocks.map((b) => ({ slug: b.slug, title: b.title })),
    nodes: course.articles.map((a) => ({
      slug: a.slug,
      url: withPathPrefix(a.url, course.options.pathPrefix),
      title: a.title,
      block: blockOf.get(a.slug)?.slug ?? "",
      difficulty: a.difficulty ?? null,
      readingMinutes: a.readingMinutes,
      depth: course.graph.depth(a.slug),
    })),
    edges: course.graph.edges.map(({ from, to }) => ({ from, to })),
  };
  return safeJson(json, 2);
}

export interface LegendEntry {
  title: string;
  /** The block's colour (src/graph/palette.ts). */
  colourClass: string;
}

/** The graph's legend: every block in course order with the colour its articles are drawn in. */
export function graphLegend(course: Course): LegendEntry[] {
  return course.blocks.map((block, i) => ({
    title: block.title,
    colourClass: blockColourClass(i),
  }));
}
