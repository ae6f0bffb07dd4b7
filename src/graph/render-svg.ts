/**
 * Draws a laid-out prerequisite graph as static SVG: every node a link to its
 * article, coloured by block, with its difficulty; edges as curves with
 * arrowheads. All text is escaped here (it lands in SVG, i.e. XML).
 */
import { attributes, escapeHtml } from "../core/html.js";
import type { Layout, RoutedEdge } from "./layout.js";
import { blockColourClass } from "./palette.js";

export interface DrawnNode {
  id: string;
  url: string;
  title: string;
  /** Second line: difficulty and reading time, already in words. */
  meta: string;
  /** Position of the article's block in course order, for its colour. */
  blockIndex: number;
  difficulty: string | undefined;
  /** Extra classes, e.g. the current article in a neighbourhood. */
  className?: string;
}

export interface SvgOptions {
  /** Accessible name of the drawing. */
  label: string;
  /** Prefix of node element ids, so that `#<prefix><slug>` targets a node. */
  idPrefix: string;
  className: string;
  lineHeight: number;
  charsPerLine: number;
  maxLines: number;
}

export const NODE_PADDING = 10;

/** Splits a title into at most `maxLines` lines of about `chars` characters, with an ellipsis if cut. */
export function wrapTitle(title: string, chars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of title.split(/\s+/).filter(Boolean)) {
    if (line && (line + " " + word).length > chars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  // Make room for the ellipsis, but never drop a line's only word.
  while (last.length + 1 > chars && last.includes(" ")) last = last.replace(/\s+\S+$/, "");
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

/** Node height for a title at the given wrap settings (title lines + the meta line). */
export function nodeHeight(
  title: string,
  options: Pick<SvgOptions, "lineHeight" | "charsPerLine" | "maxLines">,
): number {
  const lines = wrapTitle(title, options.charsPerLine, options.maxLines).length;
  return NODE_PADDING * 2 + (lines + 1) * options.lineHeight;
}

export function renderGraphSvg(
  layout: Layout,
  nodes: readonly DrawnNode[],
  options: SvgOptions,
): string {
  const edges = layout.edges.map(
    (edge) =>
      `<path class="graph-edge"${attributes({ d: edgePath(edge), "data-from": edge.from, "data-to": edge.to })}/>`,
  );
  const drawn = nodes.map((node) => {
    const box = layout.nodes.get(node.id);
    if (!box) return "";
    const lines = wrapTitle(node.title, options.charsPerLine, options.maxLines);
    const textX = box.x + NODE_PADDING + 6;
    const firstBaseline = box.y + NODE_PADDING + options.lineHeight * 0.8;
    const tspans = lines
      .map(
        (line, i) =>
          `<tspan${attributes({ x: textX, y: round(firstBaseline + i * options.lineHeight) })}>${escapeHtml(line)}</tspan>`,
      )
      .join("");
    const metaY = round(firstBaseline + lines.length * options.lineHeight);
    const classes = [
      "graph-node",
      blockColourClass(node.blockIndex),
      node.difficulty ? `difficulty-${node.difficulty}` : "",
      node.className ?? "",
    ]
      .filter(Boolean)
      .join(" ");
    return (
      `<a${attributes({ href: node.url, id: `${options.idPrefix}${node.id}`, class: classes, "data-slug": node.id })}>` +
      `<title>${escapeHtml(`${node.title} (${node.meta})`)}</title>` +
      `<rect class="graph-node-box"${attributes({ x: round(box.x), y: round(box.y), width: box.width, height: box.height, rx: 8 })}/>` +
      `<rect class="graph-node-stripe"${attributes({ x: round(box.x), y: round(box.y), width: 5, height: box.height, rx: 2 })}/>` +
      `<text class="graph-node-title">${tspans}</text>` +
      `<text class="graph-node-meta"${attributes({ x: textX, y: metaY })}>${escapeHtml(node.meta)}</text>` +
      `</a>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${attributes({
      class: options.className,
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      width: layout.width,
      height: layout.height,
      role: "group",
      "aria-label": options.label,
    })}>` +
    `<defs><marker id="${escapeHtml(options.idPrefix)}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="graph-arrow"/></marker></defs>` +
    `<g class="graph-edges" marker-end="url(#${escapeHtml(options.idPrefix)}-arrow)">${edges.join("")}</g>` +
    `<g class="graph-nodes">${drawn.join("")}</g></svg>`
  );
}

/** A smooth vertical curve through the edge's points. */
function edgePath(edge: RoutedEdge): string {
  const [first, ...rest] = edge.points;
  if (!first) return "";
  let d = `M${round(first[0])} ${round(first[1])}`;
  let previous = first;
  for (const point of rest) {
    const midY = (previous[1] + point[1]) / 2;
    d += `C${round(previous[0])} ${round(midY)} ${round(point[0])} ${round(midY)} ${round(point[0])} ${round(point[1])}`;
    previous = point;
  }
  return d;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
