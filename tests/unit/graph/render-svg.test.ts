import { DOMParser, parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { layeredLayout } from "../../../src/graph/layout.js";
import {
  NODE_PADDING,
  nodeHeight,
  renderGraphSvg,
  wrapTitle,
  type DrawnNode,
  type SvgOptions,
} from "../../../src/graph/render-svg.js";

const HOSTILE = `Q&A: <Attention> & "Heads"`;

describe("wrapTitle", () => {
  it("keeps a short title on one line", () => {
    expect(wrapTitle("Vectors", 22, 3)).toStrictEqual(["Vectors"]);
    expect(wrapTitle("Exactly twenty-two ch", 21, 1)).toStrictEqual(["Exactly twenty-two ch"]);
  });

  it("wraps at spaces so that no line is longer than the limit", () => {
    const title = "The geometry of linear representations in small transformer models";
    const lines = wrapTitle(title, 22, 10);
    expect(lines).toStrictEqual([
      "The geometry of linear",
      "representations in",
      "small transformer",
      "models",
    ]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(22);
    expect(lines.join(" ")).toBe(title);
  });

  it("collapses runs of whitespace and ignores leading and trailing spaces", () => {
    expect(wrapTitle("  Linear \n  algebra\t basics  ", 40, 3)).toStrictEqual([
      "Linear algebra basics",
    ]);
    expect(wrapTitle("   ", 10, 2)).toStrictEqual([]);
  });

  it("puts a word longer than the limit on a line of its own", () => {
    expect(wrapTitle("An incomprehensibilities test", 10, 5)).toStrictEqual([
      "An",
      "incomprehensibilities",
      "test",
    ]);
  });

  it("cuts to maxLines and ends the last line with an ellipsis that fits", () => {
    const title = "The geometry of linear representations in small transformer models";
    const lines = wrapTitle(title, 22, 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe("The geometry of linear");
    expect(lines[1]).toMatch(/^representations( in)?…$/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(22);
    // What is kept reads as the start of the title.
    expect(title.startsWith(lines.join(" ").replace(/…$/, ""))).toBe(true);
    // An ellipsis that would not fit pushes out the last word.
    expect(wrapTitle("aaaa bbbb cccc dddd", 9, 1)).toStrictEqual(["aaaa…"]);
  });

  it("does not add an ellipsis when the title fits exactly in maxLines", () => {
    expect(wrapTitle("aaaa bbbb cccc dddd", 9, 2)).toStrictEqual(["aaaa bbbb", "cccc dddd"]);
  });

  // Was a bug (fixed in src while these tests were written): the ellipsis replaced a one-word
  // last line entirely, so wrapTitle("Interpretability through superposition", 22, 1) was ["…"].
  it("keeps the last line's word when cutting after a one-word line", () => {
    expect(wrapTitle("Interpretability through superposition", 22, 1)).toStrictEqual([
      "Interpretability…",
    ]);
    const lines = wrapTitle(
      "Mechanistic interpretability of superpositional features in transformers",
      22,
      3,
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^superpositional.*…$/);
  });

  it("gives node heights from the number of title lines plus the meta line", () => {
    const settings = { lineHeight: 17, charsPerLine: 22, maxLines: 3 };
    expect(nodeHeight("Vectors", settings)).toBe(NODE_PADDING * 2 + 2 * 17);
    expect(nodeHeight("The geometry of linear representations", settings)).toBe(
      NODE_PADDING * 2 + 3 * 17,
    );
    expect(
      nodeHeight("The geometry of linear representations in small transformer models", settings),
    ).toBe(NODE_PADDING * 2 + 4 * 17);
  });
});

const OPTIONS: SvgOptions = {
  label: 'Graph of "Q&A" <course>',
  idPrefix: "node-",
  className: "course-graph",
  lineHeight: 17,
  charsPerLine: 40,
  maxLines: 3,
};

function drawnNode(id: string, title: string, extra: Partial<DrawnNode> = {}): DrawnNode {
  return {
    id,
    url: `/topics/${id}/`,
    title,
    meta: "Intermediate · 4 min read",
    blockIndex: 1,
    difficulty: "intermediate",
    ...extra,
  };
}

function draw(
  nodes: DrawnNode[],
  edges: { from: string; to: string }[],
  layers: Record<string, number>,
  options = OPTIONS,
): string {
  const layout = layeredLayout(
    nodes.map((n) => ({
      id: n.id,
      layer: layers[n.id] ?? 0,
      width: 216,
      height: nodeHeight(n.title, options),
    })),
    edges,
  );
  return renderGraphSvg(layout, nodes, options);
}

function parseSvg(svg: string): Document {
  return new DOMParser().parseFromString(svg, "image/svg+xml") as unknown as Document;
}

describe("renderGraphSvg", () => {
  const nodes = [
    drawnNode("softmax", "Softmax", { blockIndex: 0, difficulty: "introductory" }),
    drawnNode("attention", HOSTILE, {
      blockIndex: 9,
      difficulty: "advanced",
      className: "is-current",
    }),
    drawnNode("transformers", "Transformer Blocks", { difficulty: undefined, meta: "5 min read" }),
  ];
  const edges = [
    { from: "softmax", to: "attention" },
    { from: "attention", to: "transformers" },
    { from: "softmax", to: "transformers" },
  ];
  const svg = draw(nodes, edges, { softmax: 0, attention: 1, transformers: 2 });
  const doc = parseSvg(svg);

  it("escapes a hostile title: the SVG parses and the text reads exactly as written", () => {
    expect(svg).not.toContain("<Attention>");
    const node = doc.querySelector("#node-attention")!;
    expect(node).not.toBeNull();
    expect(doc.getElementsByTagName("Attention")).toHaveLength(0);
    expect(doc.querySelectorAll("*").length).toBeGreaterThan(10);
    const tspans = [...node.querySelectorAll("tspan")].map((t) => t.textContent);
    expect(tspans).toStrictEqual([HOSTILE]);
    expect(node.querySelector("text.graph-node-title")?.textContent).toBe(HOSTILE);
    expect(node.querySelector("title")?.textContent).toBe(`${HOSTILE} (Intermediate · 4 min read)`);
    // linkedom's XML parser leaves &amp; and &lt; undecoded in attribute values, so read the
    // attribute the way a page embeds the drawing: inline in HTML.
    const inline = parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
    expect(inline.querySelector("svg")?.getAttribute("aria-label")).toBe('Graph of "Q&A" <course>');
    expect(svg).toContain('aria-label="Graph of &quot;Q&amp;A&quot; &lt;course&gt;"');
  });

  it("keeps a hostile title intact when it wraps over several lines", () => {
    const narrow = { ...OPTIONS, charsPerLine: 10, maxLines: 5 };
    const wrapped = parseSvg(draw([drawnNode("attention", HOSTILE)], [], {}, narrow));
    const tspans = [...wrapped.querySelectorAll("#node-attention tspan")].map((t) => t.textContent);
    expect(tspans.length).toBeGreaterThan(1);
    expect(tspans.join(" ")).toBe(HOSTILE);
    expect(wrapped.getElementsByTagName("Attention")).toHaveLength(0);
  });

  it("draws every node as an <a href> with id <prefix><slug>", () => {
    const links = [...doc.querySelectorAll("a")];
    expect(
      links.map((a) => [a.getAttribute("id"), a.getAttribute("href"), a.getAttribute("data-slug")]),
    ).toStrictEqual([
      ["node-softmax", "/topics/softmax/", "softmax"],
      ["node-attention", "/topics/attention/", "attention"],
      ["node-transformers", "/topics/transformers/", "transformers"],
    ]);
    for (const a of links) {
      expect(a.classList.contains("graph-node")).toBe(true);
      expect(a.querySelector("rect.graph-node-box")).not.toBeNull();
      expect(a.querySelector("text.graph-node-meta")).not.toBeNull();
    }
  });

  it("classes nodes by block (modulo 8), difficulty and extra class", () => {
    expect(doc.querySelector("#node-softmax")?.getAttribute("class")).toBe(
      "graph-node graph-block-0 difficulty-introductory",
    );
    expect(doc.querySelector("#node-attention")?.getAttribute("class")).toBe(
      "graph-node graph-block-1 difficulty-advanced is-current",
    );
    expect(doc.querySelector("#node-transformers")?.getAttribute("class")).toBe(
      "graph-node graph-block-1",
    );
    expect(doc.querySelector("#node-transformers text.graph-node-meta")?.textContent).toBe(
      "5 min read",
    );
  });

  it("draws one path per routed edge, from and to the right nodes", () => {
    const paths = [...doc.querySelectorAll("path.graph-edge")];
    expect(
      paths.map((p) => `${p.getAttribute("data-from")}→${p.getAttribute("data-to")}`).sort(),
    ).toStrictEqual(["attention→transformers", "softmax→attention", "softmax→transformers"]);
    for (const p of paths) expect(p.getAttribute("d")).toMatch(/^M[\d.]+ [\d.]+(C[\d. ]+)+$/);
    const markerId = doc.querySelector("marker")?.getAttribute("id");
    expect(markerId).toMatch(/^node-/);
    expect(doc.querySelector("g.graph-edges")?.getAttribute("marker-end")).toBe(
      `url(#${markerId})`,
    );
  });

  it("sizes the drawing from the layout", () => {
    const root = doc.querySelector("svg")!;
    const width = root.getAttribute("width");
    const height = root.getAttribute("height");
    expect(Number(width)).toBeGreaterThan(216);
    expect(root.getAttribute("viewBox")).toBe(`0 0 ${width} ${height}`);
    expect(root.getAttribute("class")).toBe("course-graph");
    expect(root.getAttribute("role")).toBe("group");
  });

  it("leaves out nodes that are not in the layout", () => {
    const layout = layeredLayout([{ id: "a", layer: 0, width: 100, height: 40 }], []);
    const out = renderGraphSvg(layout, [drawnNode("a", "A"), drawnNode("ghost", "Ghost")], OPTIONS);
    expect(parseSvg(out).querySelectorAll("a")).toHaveLength(1);
    expect(out).not.toContain("ghost");
  });

  // Was a bug (fixed in src while these tests were written): the marker's id was `<prefix>arrow`,
  // the same as the node of an article with the slug "arrow", so /graph/#node-arrow targeted the marker.
  it("gives every element a unique id, even for an article with the slug 'arrow'", () => {
    const out = parseSvg(
      draw([drawnNode("arrow", "Arrows"), drawnNode("b", "B")], [{ from: "arrow", to: "b" }], {
        arrow: 0,
        b: 1,
      }),
    );
    const ids = [...out.querySelectorAll("[id]")].map((e) => e.getAttribute("id"));
    expect(new Set(ids).size).toBe(ids.length);
    expect(out.querySelector("#node-arrow")?.getAttribute("href")).toBe("/topics/arrow/");
  });
});
