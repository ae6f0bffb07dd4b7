/**
 * The course as a whole: where articles and pages are published, what the
 * frontmatter shows, prerequisites, blocks and their order, the home page,
 * previous/next links and drafts. Fixtures: tests/fixtures/core/course and
 * tests/fixtures/core/replaced-course.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildFixture,
  checkFixture,
  fixture,
  type BuiltSite,
  report,
  text,
  texts,
  shownBlock,
  removeBuild,
} from "./harness.js";

/** Every article of core/course in course order (blocks.json order, then `order` within a block). */
const COURSE_ORDER = [
  { url: "/topics/welcome/", title: "Welcome" },
  { url: "/topics/scalars/", title: "Scalars" },
  { url: "/topics/vectors/", title: "Vectors" },
  { url: "/topics/matrices/", title: "Matrices" },
  { url: "/topics/patching/", title: "Patching" },
  { url: "/topics/ablation/", title: "Ablation" },
  { url: "/topics/probing/", title: "Probing" },
  { url: "/guides/eleventy-keys/", title: "Eleventy Keys" },
];

/** The only problems in core/course: warnings, which do not stop the build. */
const COURSE_WARNINGS = [
  'content/topics/eleventy-keys.md:4:8: warning: Block "extra-reading" is not listed in _data/blocks.json; its title is made from its slug (block-unknown)',
  'content/topics/eleventy-keys.md:15:1: warning: Unknown frontmatter key "author"; it is ignored (frontmatter-unknown-key)',
  'content/topics/eleventy-keys.md:16:1: warning: Unknown frontmatter key "dificulty"; it is ignored (frontmatter-unknown-key)\n  hint: did you mean "difficulty"?',
];

describe("a course built for production (core/course)", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture("core/course");
  });
  afterAll(() => removeBuild(site));

  it("builds, and its only problems are warnings: an undeclared block and unknown frontmatter keys", () => {
    expect(report(site.diagnostics)).toEqual(COURSE_WARNINGS);
    expect(site.ok).toBe(true);
  });

  it("publishes both article forms, topics/<slug>/index.md and topics/<slug>.md, at /topics/<slug>/", () => {
    expect(text(site.page("/topics/welcome/").querySelector("h1"))).toBe("Welcome"); // topics/welcome/index.md
    expect(text(site.page("/topics/vectors/").querySelector("h1"))).toBe("Vectors"); // topics/vectors.md
    expect(text(site.page("/topics/patching/").querySelector("h1"))).toBe("Patching"); // topics/patching/index.md
  });

  it("copies the images beside topics/<slug>/index.md, where the article's relative links find them", () => {
    expect(site.exists("/topics/welcome/images/a.svg")).toBe(true);
    expect(site.file("/topics/welcome/images/a.svg")).toBe(
      readFileSync(
        path.join(fixture("core/course"), "content/topics/welcome/images/a.svg"),
        "utf8",
      ),
    );
    const src = site
      .page("/topics/welcome/")
      .querySelector(".article-body img")
      ?.getAttribute("src");
    expect(src).toBe("images/a.svg");
    expect(new URL(src!, "https://example.org/topics/welcome/").pathname).toBe(
      "/topics/welcome/images/a.svg",
    );
  });

  it("shows the frontmatter: title, description, difficulty label, reading time and block title", () => {
    const page = site.page("/topics/vectors/");
    const header = page.querySelector(".article-header")!;
    expect(text(header.querySelector("h1"))).toBe("Vectors");
    expect(text(header.querySelector(".article-description"))).toBe(
      "A long article written as topics/vectors.md.",
    );
    const difficulty = header.querySelector(".article-meta .difficulty")!;
    expect(difficulty.classList.contains("difficulty-intermediate")).toBe(true);
    expect(difficulty.getAttribute("data-level")).toBe("2");
    expect(text(difficulty)).toBe("Intermediate");
    // About 700 words at 230 words a minute.
    expect(text(header.querySelector(".article-meta .reading-time"))).toBe("3 min read");
    expect(shownBlock(page)).toBe("Zeta Basics");
  });

  // Regression: the layouts once set `pageTitle` for base.njk with `{% set %}`, which does
  // not reach a parent layout in Eleventy, so every <title> was only the course title.
  it("names the article and the page in the document title", () => {
    expect(text(site.page("/topics/vectors/").querySelector("title"))).toBe(
      "Vectors · Fixture Course",
    );
    expect(text(site.page("/about/").querySelector("title"))).toBe(
      "About this course · Fixture Course",
    );
  });

  it("shows no difficulty when the frontmatter gives none", () => {
    expect(site.page("/topics/scalars/").querySelector(".article-meta .difficulty")).toBeNull();
  });

  it('lists prerequisites given as a slug, a "/topics/x/" path and a {title, url} map, with each target\'s own title', () => {
    const page = site.page("/topics/matrices/");
    expect(text(page.querySelector("#prerequisites-title"))).toBe("Before you read");
    const links = [...page.querySelectorAll(".prerequisite-list li > a")].map((a) => ({
      href: a.getAttribute("href"),
      title: text(a),
    }));
    expect(links).toEqual([
      { href: "/topics/welcome/", title: "Welcome" },
      { href: "/topics/scalars/", title: "Scalars" },
      { href: "/topics/vectors/", title: "Vectors" },
    ]);
    // The map's own title is informational only.
    expect(page.body.textContent).not.toContain("A Misleading Title");
    const items = [...page.querySelectorAll(".prerequisite-list li")];
    expect(text(items[0]!.querySelector(".difficulty"))).toBe("Introductory");
    expect(text(items[2]!.querySelector(".difficulty"))).toBe("Intermediate");
    expect(texts(page.querySelectorAll(".prerequisite-list li .reading-time"))).toEqual([
      "1 min read",
      "1 min read",
      "3 min read",
    ]);
  });

  // Regression: article.njk once set `d = article.difficulty`, then `d = p.difficulty` per
  // prerequisite; for a prerequisite without one Nunjucks fell back to the outer `d`, so
  // "Scalars" was shown with the current article's label ("Advanced").
  it("shows no difficulty for a prerequisite that has none (not the current article's)", () => {
    const page = site.page("/topics/matrices/");
    const scalars = [...page.querySelectorAll(".prerequisite-list li")].find(
      (li) => text(li.querySelector("a")) === "Scalars",
    )!;
    expect(scalars).toBeDefined();
    expect(scalars.querySelector(".difficulty")).toBeNull();
  });

  it("says an article without prerequisites can be read first", () => {
    const page = site.page("/topics/welcome/");
    expect(text(page.querySelector("#prerequisites-title"))).toBe("Before you read");
    expect(page.querySelector(".prerequisite-list")).toBeNull();
    expect(text(page.querySelector(".prerequisites p"))).toBe(
      "No prerequisites: you can start here.",
    );
  });

  it("accepts category, glossary, order and Eleventy's permalink, date and tags", () => {
    const page = site.page("/guides/eleventy-keys/");
    expect(text(page.querySelector("h1"))).toBe("Eleventy Keys");
    expect(text(page.querySelector(".article-body p"))).toBe("Published at its permalink.");
    expect(site.exists("/topics/eleventy-keys/index.html")).toBe(false);
    expect(site.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("gives a block that blocks.json does not list a title made from its slug", () => {
    expect(shownBlock(site.page("/guides/eleventy-keys/"))).toBe("Extra reading");
  });

  it("leaves drafts out of a production build", () => {
    expect(site.exists("/topics/unfinished/index.html")).toBe(false);
    const home = site.page("/");
    expect(home.querySelector('a[href="/topics/unfinished/"]')).toBeNull();
    expect(home.querySelector(".badge-draft")).toBeNull();
  });

  it("publishes other Markdown pages with the page layout: content/about.md at /about/", () => {
    const page = site.page("/about/");
    expect(page.body.classList.contains("plain-page")).toBe(true);
    const article = page.querySelector("main article.article.plain")!;
    expect(text(article.querySelector(".article-header h1"))).toBe("About this course");
    expect(text(article.querySelector(".article-description"))).toBe("Who wrote it and why.");
    expect(text(article.querySelector(".article-body h2#who-it-is-for"))).toBe("Who it is for");
    expect(text(article.querySelector(".article-body strong"))).toBe("tests");
    // Article furniture is not part of a page.
    expect(page.querySelector(".prerequisites")).toBeNull();
    expect(page.querySelector(".eyebrow")).toBeNull();
    expect(page.querySelector(".pager")).toBeNull();
  });

  it("publishes content/resources/index.md at /resources/ and links the pages from the header", () => {
    expect(text(site.page("/resources/").querySelector("main h1"))).toBe("Resources");
    const nav = [...site.page("/").querySelectorAll(".site-nav a")].map((a) => ({
      href: a.getAttribute("href"),
      title: text(a),
    }));
    expect(nav).toEqual(
      expect.arrayContaining([
        { href: "/about/", title: "About this course" },
        { href: "/resources/", title: "Resources" },
      ]),
    );
  });

  describe("the home page", () => {
    it("shows the course's title and description", () => {
      const home = site.page("/");
      expect(text(home.querySelector(".hero h1"))).toBe("Fixture Course");
      expect(text(home.querySelector(".hero-description"))).toBe(
        "A course for the integration tests.",
      );
      expect(text(home.querySelector(".hero-meta"))).toBe("8 articles · 3 blocks · 10 min read");
    });

    it("lists blocks in blocks.json order, then undeclared blocks; blocks without articles are left out", () => {
      const home = site.page("/");
      expect(texts(home.querySelectorAll("section.block h2"))).toEqual([
        "Zeta Basics",
        "Alpha Methods",
        "Extra reading",
      ]);
      expect(texts(home.querySelectorAll("section.block .block-description"))).toEqual([
        "Declared first, although it sorts last.",
        "Declared second.",
      ]);
    });

    it("shows a card per article: title link, description, difficulty and reading time", () => {
      const block = site.page("/").querySelectorAll("section.block")[0]!;
      const cards = [...block.querySelectorAll(".card")].map((card) => ({
        href: card.querySelector(".card-title a")?.getAttribute("href"),
        title: text(card.querySelector(".card-title a")),
        description: text(card.querySelector(".card-description")),
        difficulty: text(card.querySelector(".card-meta .difficulty")),
        readingTime: text(card.querySelector(".card-meta .reading-time")),
      }));
      expect(cards).toEqual([
        {
          href: "/topics/welcome/",
          title: "Welcome",
          description: "Where the course begins.",
          difficulty: "Introductory",
          readingTime: "1 min read",
        },
        {
          href: "/topics/scalars/",
          title: "Scalars",
          description: "A plain number: no difficulty given.",
          difficulty: undefined,
          readingTime: "1 min read",
        },
        {
          href: "/topics/vectors/",
          title: "Vectors",
          description: "A long article written as topics/vectors.md.",
          difficulty: "Intermediate",
          readingTime: "3 min read",
        },
        {
          href: "/topics/matrices/",
          title: "Matrices",
          description: "Three ways to name a prerequisite.",
          difficulty: "Advanced",
          readingTime: "1 min read",
        },
      ]);
    });

    it("orders articles within a block by `order`, those without one last", () => {
      const blocks = site.page("/").querySelectorAll("section.block");
      expect(texts(blocks[1]!.querySelectorAll(".card-title a"))).toEqual([
        "Patching",
        "Ablation",
        "Probing",
      ]);
      expect(texts(blocks[2]!.querySelectorAll(".card-title a"))).toEqual(["Eleventy Keys"]);
    });

    it('links "Start here" to the first article', () => {
      const start = [...site.page("/").querySelectorAll(".hero a")].find((a) =>
        text(a)?.startsWith("Start here:"),
      );
      expect(start?.getAttribute("href")).toBe("/topics/welcome/");
      expect(text(start)).toBe("Start here: Welcome →");
    });
  });

  it("links every article to the previous and next one in course order, across blocks", () => {
    COURSE_ORDER.forEach(({ url, title }, i) => {
      const page = site.page(url);
      expect(text(page.querySelector("h1"))).toBe(title);
      const previous = page.querySelector(".pager a.pager-previous");
      const next = page.querySelector(".pager a.pager-next");
      const before = COURSE_ORDER[i - 1];
      const after = COURSE_ORDER[i + 1];
      expect(previous?.getAttribute("href")).toBe(before?.url);
      expect(text(previous?.querySelector(".pager-title"))).toBe(before?.title);
      expect(next?.getAttribute("href")).toBe(after?.url);
      expect(text(next?.querySelector(".pager-title"))).toBe(after?.title);
    });
  });
});

describe("a course built with drafts (core/course, includeDrafts)", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture("core/course", { includeDrafts: true });
  });
  afterAll(() => removeBuild(site));

  it("builds the draft, marked as a draft, in its place in the block", () => {
    expect(site.ok).toBe(true);
    expect(report(site.diagnostics)).toEqual(COURSE_WARNINGS);
    const page = site.page("/topics/unfinished/");
    expect(text(page.querySelector("h1"))).toBe("Unfinished");
    expect(text(page.querySelector(".article-meta .badge-draft"))).toBe("Draft");
    const block = site.page("/").querySelectorAll("section.block")[1]!;
    expect(texts(block.querySelectorAll(".card-title a"))).toEqual([
      "Unfinished",
      "Patching",
      "Ablation",
      "Probing",
    ]);
    expect(text(block.querySelector(".card .badge-draft"))).toBe("Draft");
  });
});

describe("checking a course without building it (core/course)", () => {
  it("finds the same problems as the build", () => {
    expect(report(checkFixture("core/course").diagnostics)).toEqual(COURSE_WARNINGS);
  });
});

describe("a different course with the same templates (core/replaced-course)", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture("core/replaced-course");
  });
  afterAll(() => removeBuild(site));

  it("builds without problems", () => {
    expect(site.messages).toEqual([]);
    expect(site.ok).toBe(true);
  });

  it("shows its own title, blocks and articles on the home page", () => {
    const home = site.page("/");
    expect(text(home.querySelector(".hero h1"))).toBe("Cell Biology in Three Steps");
    expect(text(home.querySelector("title"))).toBe("Cell Biology in Three Steps");
    // Articles without a block form one block named after the course.
    expect(texts(home.querySelectorAll("section.block h2"))).toEqual([
      "Structure",
      "Function",
      "Cell Biology in Three Steps",
    ]);
    expect([...home.querySelectorAll(".card-title a")].map((a) => a.getAttribute("href"))).toEqual([
      "/topics/cells/",
      "/topics/organelles/",
      "/topics/metabolism/",
      "/topics/vocabulary/",
    ]);
    const start = [...home.querySelectorAll(".hero a")].find((a) =>
      text(a)?.startsWith("Start here:"),
    );
    expect(start?.getAttribute("href")).toBe("/topics/cells/");
  });

  it("renders its articles with their own blocks, prerequisites and prompts", () => {
    const metabolism = site.page("/topics/metabolism/");
    expect(shownBlock(metabolism)).toBe("Function");
    expect(text(metabolism.querySelector(".prerequisite-list a"))).toBe("Organelles");
    expect(text(metabolism.querySelector("details.pause-and-think > summary"))).toBe(
      "Pause and think: Where does the energy go?",
    );
    expect(shownBlock(site.page("/topics/vocabulary/"))).toBe("Cell Biology in Three Steps");
    expect(site.exists("/topics/cells/index.html")).toBe(true);
  });

  it("has nothing of the other course", () => {
    expect(site.exists("/topics/welcome/index.html")).toBe(false);
    expect(site.exists("/about/index.html")).toBe(false);
    expect(site.page("/").body.textContent).not.toContain("Zeta Basics");
  });
});
