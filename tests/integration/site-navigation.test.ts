/**
 * Finding your way: the sidebar lists the blocks in order and the current
 * block's articles in learning order, a window around the current article when
 * the block has more than 40; previous/next links follow the learning order.
 * The course (89 articles) is generated into a temporary folder: a block of
 * 45, one of exactly 40 and a small one whose prerequisites reorder it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporaryCourses, type CourseFiles } from "../support/temporary-course.js";
import { buildCourse, removeBuild, text, texts, type BuiltSite } from "./harness.js";

interface Spec {
  slug: string;
  title: string;
  block: string;
  order?: number;
  prerequisites?: string[];
}

const BLOCKS = [
  { slug: "big", title: "Big Block", description: "More than forty articles." },
  { slug: "full", title: "Full Block", description: "Exactly forty articles." },
  { slug: "small", title: "Small Block", description: "Reordered by its prerequisites." },
];

const pad = (n: number) => String(n).padStart(2, "0");

const ARTICLES: Spec[] = [
  ...Array.from({ length: 45 }, (_, i): Spec => {
    const n = i + 1;
    // Two articles whose prerequisites come later by `order`.
    const prerequisites = n === 3 ? ["big-40"] : n === 10 ? ["big-44"] : [];
    return { slug: `big-${pad(n)}`, title: `Big ${pad(n)}`, block: "big", order: n, prerequisites };
  }),
  ...Array.from({ length: 40 }, (_, i): Spec => ({
    slug: `full-${pad(i + 1)}`,
    title: `Full ${pad(i + 1)}`,
    block: "full",
    order: i + 1,
    // A prerequisite in an earlier block changes nothing in this one.
    ...(i === 4 ? { prerequisites: ["big-45"] } : {}),
  })),
  { slug: "small-c", title: "Small C", block: "small", order: 1 },
  { slug: "small-b", title: "Small B", block: "small", order: 2, prerequisites: ["small-d"] },
  { slug: "small-d", title: "Small D", block: "small", order: 3 },
  // Without `order`: after those with one, by slug.
  { slug: "small-z", title: "Small Z", block: "small" },
  { slug: "small-a", title: "Small A", block: "small" },
];

/**
 * The learning order as the README states it, computed independently:
 * prerequisites always first; among the articles that can come next, the
 * earliest block, then the lowest `order` (none last), then the slug.
 */
function learningOrder(articles: Spec[]): Spec[] {
  const blockIndex = new Map(BLOCKS.map((b, i) => [b.slug, i]));
  const key = (a: Spec) => [blockIndex.get(a.block)!, a.order ?? Infinity] as const;
  const before = (a: Spec, b: Spec) => {
    const [ab, ao] = key(a);
    const [bb, bo] = key(b);
    return ab !== bb ? ab < bb : ao !== bo ? ao < bo : a.slug < b.slug;
  };
  const done = new Set<string>();
  const order: Spec[] = [];
  while (order.length < articles.length) {
    let next: Spec | undefined;
    for (const a of articles) {
      if (done.has(a.slug) || !(a.prerequisites ?? []).every((p) => done.has(p))) continue;
      if (!next || before(a, next)) next = a;
    }
    done.add(next!.slug);
    order.push(next!);
  }
  return order;
}

const ORDER = learningOrder(ARTICLES);
const inBlock = (block: string) => ORDER.filter((a) => a.block === block);
const url = (a: Spec) => `/topics/${a.slug}/`;

function courseFiles(): CourseFiles {
  const files: CourseFiles = {
    "_data/site.json": JSON.stringify({
      title: "Navigation Course",
      description: "Many articles.",
    }),
    "_data/blocks.json": JSON.stringify(BLOCKS),
  };
  for (const a of ARTICLES) {
    const prerequisites = a.prerequisites?.length
      ? `prerequisites:\n${a.prerequisites.map((p) => `  - ${p}\n`).join("")}`
      : "";
    files[`content/topics/${a.slug}.md`] =
      `---\ntitle: "${a.title}"\ndescription: "Article ${a.slug}."\nblock: ${a.block}\n` +
      `${a.order === undefined ? "" : `order: ${a.order}\n`}${prerequisites}---\n\nBody of ${a.title}.\n`;
  }
  return files;
}

const temporaryCourse = temporaryCourses("site-navigation");
let site: BuiltSite;
beforeAll(async () => {
  site = await buildCourse(temporaryCourse(courseFiles()));
}, 60_000);
afterAll(() => removeBuild(site));

/** The sidebar of a page: its blocks, and the current block's window and "more" links. */
function sidebar(page: Document) {
  const nav = page.querySelector("nav.sidebar")!;
  return {
    blocks: [...nav.querySelectorAll(".sidebar-blocks > li")].map((li) => ({
      title: text(li.querySelector(".sidebar-block-link"))?.replace(/ \d+$/, ""),
      href: li.querySelector(".sidebar-block-link")?.getAttribute("href"),
      count: text(li.querySelector(".sidebar-count")),
      current: li.classList.contains("is-current"),
      articles: li.querySelectorAll(".sidebar-articles > li").length,
    })),
    current: nav.querySelector(".sidebar-block.is-current")!,
  };
}

function windowOf(page: Document) {
  const current = sidebar(page).current;
  return {
    articles: [...current.querySelectorAll(".sidebar-articles > li > a")].map((a) =>
      a.getAttribute("href"),
    ),
    currentLinks: [...current.querySelectorAll('.sidebar-articles a[aria-current="page"]')].map(
      (a) => a.getAttribute("href"),
    ),
    more: [...current.querySelectorAll("a.sidebar-more")].map((a) => ({
      text: text(a),
      href: a.getAttribute("href"),
    })),
  };
}

describe("a course with a block of 45 articles, one of 40 and a small one", () => {
  it("builds without problems", () => {
    expect(site.messages).toEqual([]);
    expect(site.ok).toBe(true);
  });

  it("orders articles by learning order: prerequisites first, then block, order and slug", () => {
    // What the reference order above gives, spelled out for the reordered parts.
    // prettier-ignore
    expect(inBlock("big").map((a) => a.slug.slice(4))).toEqual([
      "01", "02", "04", "05", "06", "07", "08", "09",
      ...Array.from({ length: 30 }, (_, i) => pad(i + 11)),
      "03", "41", "42", "43", "44", "10", "45",
    ]);
    expect(inBlock("small").map((a) => a.slug)).toEqual([
      "small-c",
      "small-d",
      "small-b",
      "small-a",
      "small-z",
    ]);
    // The block pages list them so.
    for (const block of BLOCKS) {
      const cards = site
        .page(`/blocks/${block.slug}/`)
        .querySelectorAll(".block-articles .card-title a");
      expect([...cards].map((a) => a.getAttribute("href"))).toEqual(inBlock(block.slug).map(url));
    }
  });

  it("links every article to the previous and next one in learning order, across blocks", () => {
    ORDER.forEach((article, i) => {
      const page = site.page(url(article));
      expect(text(page.querySelector("h1"))).toBe(article.title);
      const previous = page.querySelector(".pager a.pager-previous");
      const next = page.querySelector(".pager a.pager-next");
      expect(previous?.getAttribute("href")).toBe(ORDER[i - 1] && url(ORDER[i - 1]!));
      expect(text(previous?.querySelector(".pager-title"))).toBe(ORDER[i - 1]?.title);
      expect(next?.getAttribute("href")).toBe(ORDER[i + 1] && url(ORDER[i + 1]!));
      expect(text(next?.querySelector(".pager-title"))).toBe(ORDER[i + 1]?.title);
    });
  });

  describe("the sidebar", () => {
    it("lists the blocks in order, each with its article count; only the current block lists articles", () => {
      const { blocks } = sidebar(site.page(url(inBlock("full")[7]!)));
      expect(blocks).toEqual([
        { title: "Big Block", href: "/blocks/big/", count: "45", current: false, articles: 0 },
        { title: "Full Block", href: "/blocks/full/", count: "40", current: true, articles: 40 },
        { title: "Small Block", href: "/blocks/small/", count: "5", current: false, articles: 0 },
      ]);
    });

    it("lists a block of exactly 40 articles in full, in learning order, with no links to more", () => {
      const page = site.page(url(inBlock("full")[39]!));
      const shown = windowOf(page);
      expect(shown.articles).toEqual(inBlock("full").map(url));
      expect(shown.currentLinks).toEqual([url(inBlock("full")[39]!)]);
      expect(shown.more).toEqual([]);
    });

    it("shows a window of 11 articles of a block of 45 around the current one, five on each side, held inside the block at its ends", () => {
      const big = inBlock("big");
      for (const at of [0, 1, 4, 5, 6, 20, 38, 39, 40, 43, 44]) {
        const start = Math.min(Math.max(at - 5, 0), big.length - 11);
        const shown = windowOf(site.page(url(big[at]!)));
        expect(shown.articles, `window of article ${at}`).toEqual(
          big.slice(start, start + 11).map(url),
        );
        expect(shown.currentLinks).toEqual([url(big[at]!)]);
      }
    });

    it("links to the block's page for the articles before and after the window, saying how many", () => {
      const big = inBlock("big");
      const more = (at: number) => windowOf(site.page(url(big[at]!))).more;
      expect(more(0)).toEqual([{ text: "34 later articles", href: "/blocks/big/" }]);
      expect(more(20)).toEqual([
        { text: "15 earlier articles", href: "/blocks/big/" },
        { text: "19 later articles", href: "/blocks/big/" },
      ]);
      expect(more(44)).toEqual([{ text: "34 earlier articles", href: "/blocks/big/" }]);
      // The block's page lists every one of them.
      const cards = site.page("/blocks/big/").querySelectorAll(".block-articles .card-title a");
      expect([...cards].map((a) => a.getAttribute("href"))).toEqual(big.map(url));
    });

    it("shows the window from the start of the block on the block's own page", () => {
      const page = site.page("/blocks/big/");
      const shown = windowOf(page);
      expect(shown.articles).toEqual(inBlock("big").slice(0, 11).map(url));
      expect(shown.currentLinks).toEqual([]);
      expect(shown.more).toEqual([{ text: "34 later articles", href: "/blocks/big/" }]);
    });

    it("keeps every article page of a large block to 11 sidebar entries; a small block is listed in full", () => {
      for (const article of inBlock("big")) {
        const current = sidebar(site.page(url(article))).current;
        expect(current.querySelectorAll(".sidebar-articles > li").length).toBe(11);
      }
      expect(
        texts(
          sidebar(site.page(url(inBlock("small")[0]!))).current.querySelectorAll(
            ".sidebar-articles > li > a",
          ),
        ),
      ).toEqual(["Small C", "Small D", "Small B", "Small A", "Small Z"]);
    });
  });
});
