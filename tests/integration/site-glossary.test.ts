/**
 * The glossary: terms defined in articles' frontmatter make `/glossary/`,
 * alphabetical, each linking to its article; a term defined twice (in any
 * case) is an error naming both places; with `"glossaryLinks": true` the
 * first use of each term in an article links to its definition, with a
 * preview card. Fixtures: tests/fixtures/site/glossary and glossary-duplicate.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporaryCourses } from "../support/temporary-course.js";
import {
  buildCourse,
  buildFixture,
  checkFixture,
  fixtureFiles,
  removeBuild,
  report,
  text,
  texts,
  type BuiltSite,
} from "./harness.js";

const built: BuiltSite[] = [];
afterAll(() => built.forEach(removeBuild));
const temporaryCourse = temporaryCourses("site-glossary");

/** The glossary entries of site/glossary's production build, in the order expected. */
const TERMS = [
  { id: "term-2-gram", term: "2-gram", definition: "A pair of tokens.", article: "Lenses" },
  {
    id: "term-attention-head",
    term: "attention head",
    definition: "One of the parallel units of an attention layer.",
    article: "Streams",
  },
  { id: "term-ecart", term: "Écart", definition: "A gap, filed under E.", article: "Lenses" },
  {
    id: "term-logit-lens",
    term: "logit lens",
    definition: "Reading the residual stream through the unembedding.",
    article: "Lenses",
  },
  { id: "term-mlp", term: "MLP", definition: "A multilayer perceptron.", article: "Lenses" },
  {
    id: "term-residual-stream",
    term: "Residual stream",
    definition: "The sum that every layer reads from and writes to.",
    article: "Streams",
  },
  {
    id: "term-superposition",
    term: "Superposition",
    definition: "More features than dimensions.",
    article: "Using Terms",
  },
];

const ARTICLE_URLS: Record<string, string> = {
  Streams: "/topics/streams/",
  Lenses: "/topics/lenses/",
  "Using Terms": "/topics/using/",
};

/** The glossary links in an element: linked text, target and the preview card's text. */
function termLinks(root: Element | Document) {
  return [...root.querySelectorAll(".term-item")].map((item) => {
    const link = item.querySelector("a.term-link")!;
    const card = item.querySelector(".term-card")!;
    return {
      text: text(link),
      href: link.getAttribute("href"),
      describedBy: link.getAttribute("aria-describedby"),
      cardId: card.getAttribute("id"),
      card: text(card),
    };
  });
}

describe("the glossary page (site/glossary)", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture("site/glossary");
    built.push(site);
  });

  it("builds without problems", () => {
    expect(site.messages).toEqual([]);
    expect(site.ok).toBe(true);
  });

  it("lists every term alphabetically, ignoring case and accents, each with its id and its definition rendered from Markdown", () => {
    const page = site.page("/glossary/");
    const entries = [...page.querySelectorAll(".glossary-entry")].map((entry) => ({
      id: entry.querySelector("dt")?.getAttribute("id"),
      term: text(entry.querySelector("dt")),
      definition: text(entry.querySelector("dd"))?.replace(/ Defined in .*$/, ""),
    }));
    expect(entries).toEqual(TERMS.map(({ id, term, definition }) => ({ id, term, definition })));
    expect(text(page.querySelector("#term-attention-head + dd em"))).toBe("parallel");
    expect(text(page.querySelector(".glossary .article-description"))).toBe(
      "7 terms defined in this course",
    );
  });

  it("links each term to the article that defines it, by the article's title", () => {
    const page = site.page("/glossary/");
    const sources = [...page.querySelectorAll(".glossary-entry")].map((entry) => {
      const link = entry.querySelector(".glossary-source a");
      return {
        term: text(entry.querySelector("dt")),
        href: link?.getAttribute("href"),
        title: text(link),
      };
    });
    expect(sources).toEqual(
      TERMS.map(({ term, article }) => ({ term, href: ARTICLE_URLS[article], title: article })),
    );
  });

  it("groups the terms under their first letter (accents removed, digits under #), with an index of letters", () => {
    const page = site.page("/glossary/");
    expect(texts(page.querySelectorAll("h2.glossary-letter"))).toEqual([
      "#",
      "A",
      "E",
      "L",
      "M",
      "R",
      "S",
    ]);
    const index = [...page.querySelectorAll(".glossary-letters a")].map((a) =>
      a.getAttribute("href"),
    );
    expect(index).toEqual([
      "#letter-other",
      "#letter-a",
      "#letter-e",
      "#letter-l",
      "#letter-m",
      "#letter-r",
      "#letter-s",
    ]);
    for (const href of index) expect(page.getElementById(href!.slice(1))).not.toBeNull();
    const underE = page.getElementById("letter-e")!.closest("section")!;
    expect(texts(underE.querySelectorAll("dt"))).toEqual(["Écart"]);
  });

  it("is linked from the header of every page", () => {
    for (const url of ["/", "/topics/using/", "/glossary/"]) {
      const nav = [...site.page(url).querySelectorAll(".site-nav a")].map((a) =>
        a.getAttribute("href"),
      );
      expect(nav).toContain("/glossary/");
    }
  });

  it("leaves out the terms of drafts in a production build, and lists them with drafts", async () => {
    expect(site.page("/glossary/").getElementById("term-draft-term")).toBeNull();
    const withDrafts = await buildFixture("site/glossary", { includeDrafts: true });
    built.push(withDrafts);
    expect(texts(withDrafts.page("/glossary/").querySelectorAll("dt"))).toContain("Draft term");
  });
});

describe('"glossaryLinks": true (site/glossary)', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture("site/glossary");
    built.push(site);
  });

  it("links the first use of each term in an article, keeping the text's own case, each to its entry with a preview card", () => {
    const body = site.page("/topics/using/").querySelector(".article-body")!;
    expect(termLinks(body)).toEqual([
      {
        text: "Residual Stream",
        href: "/glossary/#term-residual-stream",
        describedBy: "glossary-1-card",
        cardId: "glossary-1-card",
        card: "Residual stream The sum that every layer reads from and writes to.",
      },
      {
        text: "attention head",
        href: "/glossary/#term-attention-head",
        describedBy: "glossary-2-card",
        cardId: "glossary-2-card",
        card: "attention head One of the parallel units of an attention layer.",
      },
      {
        text: "logit lens",
        href: "/glossary/#term-logit-lens",
        describedBy: "glossary-3-card",
        cardId: "glossary-3-card",
        card: "logit lens Reading the residual stream through the unembedding.",
      },
      {
        text: "MLP",
        href: "/glossary/#term-mlp",
        describedBy: "glossary-4-card",
        cardId: "glossary-4-card",
        card: "MLP A multilayer perceptron.",
      },
    ]);
    // The card holds the definition's Markdown, rendered.
    expect(text(body.querySelector("#glossary-2-card em"))).toBe("parallel");
    // Each link's target is an entry of the glossary page.
    const glossary = site.page("/glossary/");
    for (const { href } of termLinks(body))
      expect(glossary.getElementById(href!.split("#")[1]!)).not.toBeNull();
  });

  it("links a term only once in an article: later uses are plain text", () => {
    const paragraphs = [...site.page("/topics/using/").querySelectorAll(".article-body p")];
    const third = paragraphs.find((p) => text(p)?.startsWith("The Residual Stream"))!;
    expect(texts(third.querySelectorAll("a.term-link"))).toEqual([
      "Residual Stream",
      "attention head",
    ]);
    expect(text(third)).toContain("The residual stream is linked once.");
    const last = paragraphs.find((p) => text(p)?.startsWith("An attention head again"))!;
    expect(last.querySelector("a.term-link")).toBeNull();
  });

  it("leaves headings, code and the text of links alone", () => {
    const body = site.page("/topics/using/").querySelector(".article-body")!;
    expect(body.querySelector("h2 .term-item")).toBeNull();
    expect(text(body.querySelector("h2"))).toBe("The residual stream in headings");
    expect(body.querySelector("code .term-item")).toBeNull();
    expect(text(body.querySelector("code"))).toBe("attention head");
    const link = [...body.querySelectorAll("a")].find(
      (a) => a.getAttribute("href") === "/topics/lenses/",
    )!;
    expect(text(link)).toBe("the logit lens");
    expect(link.querySelector(".term-item, .term-link")).toBeNull();
  });

  it("does not link an article's own terms on its page", () => {
    // "Superposition" is defined by topics/using.md itself.
    const using = site.page("/topics/using/");
    expect(text(using.querySelector(".article-body"))).toContain("in superposition.");
    expect(using.querySelector('a.term-link[href="/glossary/#term-superposition"]')).toBeNull();
    // topics/streams.md defines "Residual stream" and mentions it.
    const streams = site.page("/topics/streams/");
    expect(text(streams.querySelector(".article-body"))).toContain(
      "The residual stream is defined here",
    );
    expect(streams.querySelector(".term-link")).toBeNull();
  });

  // Regression: a term was linked inside a raw HTML link (an <a> in an <a>), in a pause-and-think's
  // summary (a link in a button) and on plain pages, which the README says are not linked.
  it("links no term inside a raw HTML link, a summary, or a page that is not an article", () => {
    const lenses = site.page("/topics/lenses/").querySelector(".article-body")!;
    expect(lenses.querySelector("summary .term-item, a .term-item")).toBeNull();
    expect(text(lenses.querySelector("summary"))).toContain("What does an attention head read?");
    expect(site.page("/about/").querySelector(".term-link")).toBeNull();
  });

  it("counts first uses per article: another article links its own first use again", () => {
    expect(termLinks(site.page("/topics/lenses/").querySelector(".article-body")!)).toEqual([
      {
        text: "Residual Stream",
        href: "/glossary/#term-residual-stream",
        describedBy: "glossary-1-card",
        cardId: "glossary-1-card",
        card: "Residual stream The sum that every layer reads from and writes to.",
      },
    ]);
  });
});

describe("glossary links are off by default (site/glossary without glossaryLinks)", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    const root = temporaryCourse({
      ...fixtureFiles("site/glossary"),
      "_data/site.json": JSON.stringify({ title: "Glossary Course", description: "No links." }),
    });
    site = await buildCourse(root);
    built.push(site);
  });

  it("links no term in any article, and still builds the glossary page", () => {
    expect(site.messages).toEqual([]);
    for (const url of ["/topics/streams/", "/topics/lenses/", "/topics/using/", "/about/"])
      expect(site.page(url).querySelector(".term-item, .term-link, .term-card")).toBeNull();
    expect(texts(site.page("/glossary/").querySelectorAll("dt"))).toEqual(TERMS.map((t) => t.term));
  });
});

describe("a course without glossary terms (temporary course)", () => {
  it("has no /glossary/ page, no header link to it, and reports a link to it as broken", async () => {
    const root = temporaryCourse({
      "_data/site.json": JSON.stringify({ title: "No Terms", glossaryLinks: true }),
      "content/topics/plain.md":
        '---\ntitle: "Plain"\ndescription: "Defines nothing."\n---\n\nSee [the glossary](/glossary/).\n',
    });
    const site = await buildCourse(root);
    built.push(site);
    expect(report(site.diagnostics)).toEqual([
      'content/topics/plain.md:6:20: error: Broken link "/glossary/": no page or file has the URL /glossary/ (broken-link)',
    ]);
    expect(site.ok).toBe(false);
  });

  it("builds without a glossary page or a header link to it when nothing links there", async () => {
    const root = temporaryCourse({
      "_data/site.json": JSON.stringify({ title: "No Terms", glossaryLinks: true }),
      "content/topics/plain.md":
        '---\ntitle: "Plain"\ndescription: "Defines nothing."\n---\n\nBody.\n',
    });
    const site = await buildCourse(root);
    built.push(site);
    expect(site.messages).toEqual([]);
    expect(site.exists("/glossary/index.html")).toBe(false);
    const nav = [...site.page("/topics/plain/").querySelectorAll(".site-nav a")].map((a) =>
      a.getAttribute("href"),
    );
    expect(nav).not.toContain("/glossary/");
  });
});

describe("a term defined twice (site/glossary-duplicate)", () => {
  const EXPECTED = [
    'content/topics/second.md:5:11: error: Glossary term "Probe" is already defined in content/topics/first.md:7:11 (glossary-duplicate-term)',
    'content/topics/second.md:7:11: error: Glossary term "residual STREAM" is already defined in content/topics/first.md:5:11 (glossary-duplicate-term)',
    'content/topics/third.md:7:11: error: Glossary term "logit lens" is already defined in content/topics/third.md:5:11 (glossary-duplicate-term)',
  ];

  it("is an error at the second definition naming the first's file and place, whatever the case, also within one file; nothing is written", async () => {
    const site = await buildFixture("site/glossary-duplicate");
    built.push(site);
    expect(report(site.diagnostics)).toEqual(EXPECTED);
    expect(site.ok).toBe(false);
    expect(existsSync(site.outDir)).toBe(false);
  });

  it("is found by the check command too", () => {
    expect(report(checkFixture("site/glossary-duplicate").diagnostics)).toEqual(EXPECTED);
  });
});
