/**
 * The prerequisite graph end to end: tests/fixtures/graph/course has eight
 * articles in three blocks whose prerequisites form a DAG (not a chain); one
 * title is hostile markup. Expectations are derived from the table below.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphJson } from "../../src/core/browser/graph-json.js";
import { DIFFICULTIES } from "../../src/schema/frontmatter.js";
import { buildFixture, type BuiltSite } from "./harness.js";

const HOSTILE = `Q&A: <Attention> & "Heads"`;

interface Expected {
  slug: string;
  title: string;
  block: string;
  difficulty: "introductory" | "intermediate" | "advanced";
  minutes: number;
  /** Direct prerequisites, in learning order. */
  prerequisites: string[];
}

/** In the expected learning order. "attention" has order 1 in its block but needs "softmax" (order 2). */
const ARTICLES: Expected[] = [
  {
    slug: "vectors",
    title: "Vectors",
    block: "foundations",
    difficulty: "introductory",
    minutes: 1,
    prerequisites: [],
  },
  {
    slug: "matrices",
    title: "Matrices",
    block: "foundations",
    difficulty: "introductory",
    minutes: 2,
    prerequisites: ["vectors"],
  },
  {
    slug: "probability",
    title: "Probability",
    block: "foundations",
    difficulty: "introductory",
    minutes: 3,
    prerequisites: [],
  },
  {
    slug: "softmax",
    title: "Softmax",
    block: "mechanisms",
    difficulty: "intermediate",
    minutes: 2,
    prerequisites: ["vectors", "probability"],
  },
  {
    slug: "attention",
    title: HOSTILE,
    block: "mechanisms",
    difficulty: "advanced",
    minutes: 4,
    prerequisites: ["matrices", "softmax"],
  },
  {
    slug: "embeddings",
    title: "Embeddings",
    block: "mechanisms",
    difficulty: "intermediate",
    minutes: 1,
    prerequisites: ["matrices"],
  },
  {
    slug: "transformers",
    title: "Transformer Blocks",
    block: "applications",
    difficulty: "advanced",
    minutes: 5,
    prerequisites: ["matrices", "attention", "embeddings"],
  },
  {
    slug: "interpretability",
    title: "Interpretability",
    block: "applications",
    difficulty: "advanced",
    minutes: 2,
    prerequisites: ["transformers"],
  },
];
const ORDER = ARTICLES.map((a) => a.slug);
const BY_SLUG = new Map(ARTICLES.map((a) => [a.slug, a]));
const LABELS = { introductory: "Introductory", intermediate: "Intermediate", advanced: "Advanced" };
const EDGES = ARTICLES.flatMap((a) => a.prerequisites.map((p) => `${p}→${a.slug}`));
/** matrices → transformers is implied by matrices → attention → transformers. */
const REDUCED_EDGES = EDGES.filter((e) => e !== "matrices→transformers");

const get = (slug: string) => BY_SLUG.get(slug)!;
const url = (slug: string) => `/topics/${slug}/`;
const byOrder = (a: string, b: string) => ORDER.indexOf(a) - ORDER.indexOf(b);
const dependents = (slug: string) => ORDER.filter((s) => get(s).prerequisites.includes(slug));
function ancestors(slug: string): string[] {
  const found = new Set<string>();
  const visit = (s: string) =>
    get(s).prerequisites.forEach((p) => (found.has(p) ? undefined : (found.add(p), visit(p))));
  visit(slug);
  return [...found].sort(byOrder);
}
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, " ").trim();

let site: BuiltSite;

beforeAll(async () => {
  site = await buildFixture("graph/course");
});

describe("graph fixture course", () => {
  it("builds with only the note about the implied prerequisite", () => {
    expect(site.messages).toStrictEqual([
      'content/topics/transformers.md:10:5: note: Prerequisite "matrices" is implied by "attention", which requires it; kept as written (prerequisite-implied)',
    ]);
    expect(site.ok).toBe(true);
  });

  describe.each(ARTICLES)("article $slug", (article) => {
    const page = () => site.page(url(article.slug));

    it("has its title and reading time", () => {
      expect(page().querySelector("h1")?.textContent).toBe(article.title);
      expect(text(page().querySelector(".article-meta .reading-time"))).toBe(
        `${article.minutes} min read`,
      );
    });

    it('lists its direct prerequisites under "Before you read" with their real title, difficulty and reading time', () => {
      const section = page().querySelector("section.prerequisites")!;
      expect(text(section.querySelector("h2"))).toBe("Before you read");
      const items = [...section.querySelectorAll(".prerequisite-list > li")];
      expect(
        items.map((li) => ({
          href: li.querySelector("a")?.getAttribute("href"),
          title: li.querySelector("a")?.textContent,
          difficulty: text(li.querySelector(".difficulty")),
          level: li.querySelector(".difficulty")?.getAttribute("data-level"),
          time: text(li.querySelector(".reading-time")),
        })),
      ).toStrictEqual(
        article.prerequisites.map((s) => ({
          href: url(s),
          title: get(s).title,
          difficulty: LABELS[get(s).difficulty],
          level: String(Object.keys(LABELS).indexOf(get(s).difficulty) + 1),
          time: `${get(s).minutes} min read`,
        })),
      );
      if (article.prerequisites.length === 0) {
        expect(text(section.querySelector(":scope > p"))).toBe(
          "No prerequisites: you can start here.",
        );
      }
    });

    it("has a reading plan with every transitive prerequisite in learning order and their total time, when it adds to the list", () => {
      const plan = page().querySelector("section.prerequisites details.reading-plan");
      const all = ancestors(article.slug);
      if (all.length <= article.prerequisites.length) {
        expect(plan).toBeNull();
        return;
      }
      expect(plan).not.toBeNull();
      const total = all.reduce((sum, s) => sum + get(s).minutes, 0);
      expect(text(plan!.querySelector(".reading-plan-count"))).toBe(
        `${all.length} articles to read first · ${total} min read`,
      );
      expect(
        [...plan!.querySelectorAll("ol.reading-plan-list > li")].map((li) => [
          li.querySelector("a")?.getAttribute("href"),
          li.querySelector("a")?.textContent,
          text(li.querySelector(".reading-time")),
        ]),
      ).toStrictEqual(all.map((s) => [url(s), get(s).title, `${get(s).minutes} min read`]));
      expect(plan!.querySelector(".reading-plan-more")).toBeNull();
    });

    it('lists its direct dependents under "Where this leads"', () => {
      const section = page().querySelector("section.leads")!;
      expect(text(section.querySelector("h2"))).toBe("Where this leads");
      const links = [...section.querySelectorAll(".leads-list > li > a")];
      const expected = dependents(article.slug);
      expect(links.map((a) => [a.getAttribute("href"), a.textContent])).toStrictEqual(
        expected.map((s) => [url(s), get(s).title]),
      );
      if (expected.length === 0)
        expect(text(section.querySelector(":scope > p"))).toBe(
          "Nothing in the course requires this article yet.",
        );
    });

    it("links to the previous and next article in learning order", () => {
      const i = ORDER.indexOf(article.slug);
      const previous = page().querySelector("a.pager-previous");
      const next = page().querySelector("a.pager-next");
      const before = ORDER[i - 1];
      const after = ORDER[i + 1];
      expect(previous?.getAttribute("href") ?? null).toBe(before ? url(before) : null);
      expect(previous?.querySelector(".pager-title")?.textContent ?? null).toBe(
        before ? get(before).title : null,
      );
      expect(next?.getAttribute("href") ?? null).toBe(after ? url(after) : null);
      expect(next?.querySelector(".pager-title")?.textContent ?? null).toBe(
        after ? get(after).title : null,
      );
    });

    it("draws its neighbourhood: two levels of prerequisites and of dependents, itself marked, linked to the full graph", () => {
      const figure = page().querySelector("figure.neighbourhood")!;
      const svg = figure.querySelector("svg")!;
      expect(svg).not.toBeNull();
      const parents = article.prerequisites;
      const grandparents = parents.flatMap((s) => get(s).prerequisites);
      const children = dependents(article.slug);
      const grandchildren = children.flatMap(dependents);
      const expected = [
        ...new Set([article.slug, ...parents, ...grandparents, ...children, ...grandchildren]),
      ].sort(byOrder);
      const nodes = [...svg.querySelectorAll("a.graph-node")];
      expect(nodes.map((a) => a.getAttribute("href"))).toStrictEqual(expected.map(url));
      expect(nodes.map((a) => a.getAttribute("id"))).toStrictEqual(
        expected.map((s) => `near-${s}`),
      );
      const current = [...svg.querySelectorAll(".is-current")];
      expect(current.map((a) => a.getAttribute("href"))).toStrictEqual([url(article.slug)]);
      expect(
        figure.querySelector(`figcaption a[href="/graph/#node-${article.slug}"]`),
      ).not.toBeNull();
      expect(text(figure.querySelector("figcaption"))).not.toContain("more not shown");
      // Edges only join shown nodes.
      for (const path of svg.querySelectorAll("path.graph-edge")) {
        expect(expected).toContain(path.getAttribute("data-from"));
        expect(expected).toContain(path.getAttribute("data-to"));
        expect(EDGES).toContain(
          `${path.getAttribute("data-from")}→${path.getAttribute("data-to")}`,
        );
      }
    });
  });

  it("shows each difficulty as one dot per difficulty, as many filled as its level", () => {
    const badges = [...site.page("/topics/transformers/").querySelectorAll(".difficulty")];
    expect(badges.length).toBeGreaterThan(1);
    for (const badge of badges) {
      const level = Number(badge.getAttribute("data-level"));
      expect(badge.querySelectorAll(".difficulty-dots i")).toHaveLength(DIFFICULTIES.length);
      expect(badge.querySelectorAll(".difficulty-dots i.is-filled")).toHaveLength(level);
    }
  });

  it("leaves siblings out of a neighbourhood (attention: not embeddings)", () => {
    const svg = site.page("/topics/attention/").querySelector(".neighbourhood svg")!;
    expect(svg.querySelector('a[href="/topics/embeddings/"]')).toBeNull();
    expect(svg.querySelectorAll("a.graph-node")).toHaveLength(7);
  });
});

describe("/graph/", () => {
  const page = () => site.page("/graph/");

  it("draws every article once as a.graph-node linking to it, with id node-<slug>", () => {
    const svg = page().querySelector(".course-graph-scroll svg.course-graph")!;
    expect(svg).not.toBeNull();
    const nodes = [...svg.querySelectorAll("a.graph-node")];
    expect(nodes.map((a) => [a.getAttribute("id"), a.getAttribute("href")])).toStrictEqual(
      ORDER.map((s) => [`node-${s}`, url(s)]),
    );
  });

  it("colours every article like its block's entry in the legend", () => {
    const legend = [...page().querySelectorAll(".graph-legend:not(.progress-legend) > li")];
    const blocks = ["Foundations", "Mechanisms", "Applications"];
    expect(legend.map((li) => text(li))).toStrictEqual(blocks);
    const swatches = legend.map((li) => li.querySelector(".graph-swatch")!.classList);
    const colours = swatches.map((classes) =>
      [...classes].find((c) => c.startsWith("graph-block-")),
    );
    expect(colours).toStrictEqual(["graph-block-0", "graph-block-1", "graph-block-2"]);
    const colourOf = { foundations: colours[0], mechanisms: colours[1], applications: colours[2] };
    for (const article of ARTICLES) {
      const node = page().querySelector(`#node-${article.slug}`)!;
      expect(node.classList.contains(colourOf[article.block as keyof typeof colourOf]!)).toBe(true);
    }
  });

  it("draws the reduced edges", () => {
    const paths = [...page().querySelectorAll("svg.course-graph path.graph-edge")];
    expect(
      paths.map((p) => `${p.getAttribute("data-from")}→${p.getAttribute("data-to")}`).sort(),
    ).toStrictEqual([...REDUCED_EDGES].sort());
  });

  it("has a text alternative in learning order with each article's prerequisites", () => {
    const items = [...page().querySelectorAll(".graph-list > ol > li")];
    expect(items.map((li) => li.getAttribute("id"))).toStrictEqual(ORDER.map((s) => `list-${s}`));
    expect(
      items.map((li) => ({
        href: li.querySelector(":scope > a")?.getAttribute("href"),
        title: li.querySelector(":scope > a")?.textContent,
        requires: [...li.querySelectorAll("ul > li")].map((r) => [
          r.querySelector("a")?.getAttribute("href"),
          text(r),
        ]),
      })),
    ).toStrictEqual(
      ARTICLES.map((a) => ({
        href: url(a.slug),
        title: a.title,
        requires: a.prerequisites.map((p) => [url(p), `Requires: ${get(p).title}`]),
      })),
    );
  });
});

describe("/graph.json", () => {
  const json = () => JSON.parse(site.file("graph.json")) as GraphJson;

  it("has every article in learning order with its slug, URL, title, block and difficulty", () => {
    expect(
      json().nodes.map(({ slug, url, title, block, difficulty }) => ({
        slug,
        url,
        title,
        block,
        difficulty,
      })),
    ).toStrictEqual(
      ARTICLES.map((a) => ({
        slug: a.slug,
        url: url(a.slug),
        title: a.title,
        block: a.block,
        difficulty: a.difficulty,
      })),
    );
  });

  it("has every edge as written, the implied one included", () => {
    expect(
      json()
        .edges.map((e) => `${e.from}→${e.to}`)
        .sort(),
    ).toStrictEqual([...EDGES].sort());
  });
});

describe("the hostile title", () => {
  it("appears exactly as written in JSON, SVG text and HTML, and never as markup", () => {
    expect(json().nodes.find((n) => n.slug === "attention")?.title).toBe(HOSTILE);
    expect(site.file("graph.json")).not.toContain("<Attention>");

    const article = site.page("/topics/attention/");
    expect(article.querySelector("h1")?.textContent).toBe(HOSTILE);
    expect(site.file("topics/attention/index.html")).not.toContain("<Attention>");
    expect(article.getElementsByTagName("attention")).toHaveLength(0);

    const transformers = site.page("/topics/transformers/");
    expect(
      transformers.querySelector('.prerequisite-list a[href="/topics/attention/"]')?.textContent,
    ).toBe(HOSTILE);
    expect(
      transformers.querySelector('.reading-plan-list a[href="/topics/attention/"]')?.textContent,
    ).toBe(HOSTILE);
    expect(
      site.page("/topics/softmax/").querySelector('.leads-list a[href="/topics/attention/"]')
        ?.textContent,
    ).toBe(HOSTILE);
    expect(
      site.page("/topics/softmax/").querySelector("a.pager-next .pager-title")?.textContent,
    ).toBe(HOSTILE);

    const graph = site.page("/graph/");
    expect(site.file("graph/index.html")).not.toContain("<Attention>");
    expect(graph.getElementsByTagName("attention")).toHaveLength(0);
    expect(graph.querySelector("#list-attention > a")?.textContent).toBe(HOSTILE);
    for (const node of [
      graph.querySelector("#node-attention"),
      transformers.querySelector("#near-attention"),
    ]) {
      expect(node).not.toBeNull();
      expect(node!.querySelector("title")?.textContent).toBe(`${HOSTILE} (Advanced · 4 min read)`);
      const lines = [...node!.querySelectorAll("text.graph-node-title tspan")].map(
        (t) => t.textContent,
      );
      expect(lines.length).toBeGreaterThan(1);
      expect(lines.join(" ")).toBe(HOSTILE);
    }
  });

  function json(): GraphJson {
    return JSON.parse(site.file("graph.json")) as GraphJson;
  }
});
