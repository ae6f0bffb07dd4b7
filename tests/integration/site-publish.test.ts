/**
 * What the build writes besides the pages, for hosts, feed readers, crawlers
 * and link previews: `feed.xml`, `sitemap.xml` (only with `url`),
 * `robots.txt`, `_headers`, canonical links and Open Graph/Twitter meta,
 * social cards and `404.html`; with and without `url`, and under a path
 * prefix. Fixture: tests/fixtures/site/publish (with `url`), and variants of
 * it in temporary folders.
 */
import { readdirSync, readFileSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporaryCourses } from "../support/temporary-course.js";
import {
  buildCourse,
  buildFixture,
  fixtureFiles,
  parseXml,
  pngSize,
  removeBuild,
  text,
  xmlChildren,
  type BuiltSite,
  type XmlElement,
} from "./harness.js";

const ORIGIN = "https://example.org";
const SITE_TITLE = "Publishing & <Feeds>";
const HOSTILE_TITLE = 'Q&A: <Attention> "heads"';
/** As the README's "Deploying" section prints it. */
const README_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'";

/** The published articles of site/publish, newest first, as the feed lists them. */
const FEED = [
  {
    path: "/topics/q-and-a/",
    title: HOSTILE_TITLE,
    summary: "Queries & keys, <b>not</b> bold.",
    updated: "2024-03-01T09:30:00.000Z",
  },
  {
    path: "/topics/second/",
    title: "Second",
    summary: "Published second.",
    updated: "2024-02-10T00:00:00.000Z",
  },
  {
    path: "/topics/first/",
    title: "First",
    summary: "Published first.",
    updated: "2024-01-15T00:00:00.000Z",
  },
];

const built: BuiltSite[] = [];
afterAll(() => built.forEach(removeBuild));
const temporaryCourse = temporaryCourses("site-publish");

/** site/publish in a temporary folder, with other site options (and other files). */
function variant(site: Record<string, unknown>, files: Record<string, string> = {}): string {
  return temporaryCourse({
    ...fixtureFiles("site/publish"),
    "_data/site.json": JSON.stringify({ title: SITE_TITLE, description: "A variant.", ...site }),
    ...files,
  });
}

async function keep(site: Promise<BuiltSite>): Promise<BuiltSite> {
  const done = await site;
  built.push(done);
  expect(done.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return done;
}

/** Site URLs of the HTML pages a build wrote (`/`, `/topics/x/`, `/404.html`), sorted. */
function htmlPages(site: BuiltSite): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return name === "pagefind" ? [] : walk(full);
      return name.endsWith(".html") ? [full] : [];
    });
  return walk(site.outDir)
    .map((file) => `/${path.relative(site.outDir, file).split(path.sep).join("/")}`)
    .map((url) => url.replace(/(^|\/)index\.html$/, "$1"))
    .sort();
}

function meta(page: Document) {
  const property = (name: string) =>
    page.querySelector(`meta[property="${name}"]`)?.getAttribute("content") ?? undefined;
  const named = (name: string) =>
    page.querySelector(`meta[name="${name}"]`)?.getAttribute("content") ?? undefined;
  return {
    canonical: page.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? undefined,
    siteName: property("og:site_name"),
    type: property("og:type"),
    title: property("og:title"),
    description: property("og:description"),
    url: property("og:url"),
    image: property("og:image"),
    imageWidth: property("og:image:width"),
    imageHeight: property("og:image:height"),
    twitterCard: named("twitter:card"),
    twitterTitle: named("twitter:title"),
    twitterDescription: named("twitter:description"),
    twitterImage: named("twitter:image"),
  };
}

function feedEntries(feed: XmlElement) {
  return xmlChildren(feed, "entry").map((entry) => {
    const one = (name: string) => {
      const found = xmlChildren(entry, name);
      expect(found, `<entry> has one <${name}>`).toHaveLength(1);
      return found[0]!;
    };
    return {
      title: one("title").text,
      link: one("link").attributes.href,
      id: one("id").text,
      updated: one("updated").text,
      summary: one("summary").text,
    };
  });
}

function sitemapUrls(site: BuiltSite): string[] {
  const urlset = parseXml(site.file("/sitemap.xml"));
  expect(urlset.name).toBe("urlset");
  expect(urlset.attributes.xmlns).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
  return xmlChildren(urlset, "url").map((url) => {
    const [loc, ...more] = xmlChildren(url, "loc");
    expect(more).toEqual([]);
    return loc!.text;
  });
}

describe("a course with `url` (site/publish)", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await keep(buildFixture("site/publish"));
  });

  it("builds without problems", () => {
    expect(site.messages).toEqual([]);
    expect(site.ok).toBe(true);
  });

  describe("feed.xml", () => {
    it("is well-formed Atom 1.0 naming the course, its site and itself, with its newest date and author", () => {
      const feed = parseXml(site.file("/feed.xml"));
      expect(site.file("/feed.xml").startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(
        true,
      );
      expect(feed.name).toBe("feed");
      expect(feed.attributes).toEqual({ xmlns: "http://www.w3.org/2005/Atom", "xml:lang": "en" });
      expect(xmlChildren(feed, "title").map((t) => t.text)).toEqual([SITE_TITLE]);
      expect(xmlChildren(feed, "subtitle").map((t) => t.text)).toEqual([
        "A course for the feed, the sitemap and the social cards.",
      ]);
      expect(xmlChildren(feed, "link").map((l) => l.attributes)).toEqual([
        { href: `${ORIGIN}/` },
        { rel: "self", href: `${ORIGIN}/feed.xml` },
      ]);
      expect(xmlChildren(feed, "id").map((t) => t.text)).toEqual([`${ORIGIN}/`]);
      expect(xmlChildren(feed, "updated").map((t) => t.text)).toEqual([FEED[0]!.updated]);
      const [author] = xmlChildren(feed, "author");
      expect(xmlChildren(author!, "name").map((n) => n.text)).toEqual(["Ada & Co"]);
    });

    it("lists the published articles newest first, with title, absolute link and id, date and summary; drafts are left out", () => {
      const entries = feedEntries(parseXml(site.file("/feed.xml")));
      expect(entries).toEqual(
        FEED.map(({ path: p, title, summary, updated }) => ({
          title,
          link: `${ORIGIN}${p}`,
          id: `${ORIGIN}${p}`,
          updated,
          summary,
        })),
      );
      expect(entries.map((e) => e.title)).not.toContain("Unpublished");
    });

    it("escapes &, <, > and quotes in titles and summaries", () => {
      const raw = site.file("/feed.xml");
      expect(raw).toContain("<title>Publishing &amp; &lt;Feeds&gt;</title>");
      expect(raw).toContain("<title>Q&amp;A: &lt;Attention&gt; &quot;heads&quot;</title>");
      expect(raw).toContain("<summary>Queries &amp; keys, &lt;b&gt;not&lt;/b&gt; bold.</summary>");
      expect(raw).not.toContain("<Attention>");
    });

    it("is linked from every page", () => {
      for (const url of ["/", "/topics/first/", "/about/", "/404.html"]) {
        const link = site
          .page(url)
          .querySelector('link[rel="alternate"][type="application/atom+xml"]');
        expect(link?.getAttribute("href")).toBe("/feed.xml");
        expect(link?.getAttribute("title")).toBe(SITE_TITLE);
      }
    });
  });

  describe("sitemap.xml and robots.txt", () => {
    it("lists every page but the 404 and search pages, once each, with absolute URLs; drafts are left out", () => {
      const expected = htmlPages(site)
        .filter((url) => url !== "/404.html" && url !== "/search/")
        .map((url) => `${ORIGIN}${url}`);
      expect(expected).toHaveLength(9);
      const listed = sitemapUrls(site);
      expect([...listed].sort()).toEqual(expected);
      expect(new Set(listed).size).toBe(listed.length);
      expect(listed).not.toContain(`${ORIGIN}/topics/unpublished/`);
      expect(listed).toEqual(
        expect.arrayContaining([`${ORIGIN}/`, `${ORIGIN}/glossary/`, `${ORIGIN}/about/`]),
      );
    });

    it("names the sitemap in robots.txt", () => {
      expect(site.file("/robots.txt")).toBe(
        `User-agent: *\nAllow: /\nSitemap: ${ORIGIN}/sitemap.xml\n`,
      );
    });
  });

  describe("_headers", () => {
    it("sends the README's Content-Security-Policy for every path, the same as each page's <meta> tag", () => {
      expect(site.file("/_headers")).toBe(
        [
          "/*",
          `  Content-Security-Policy: ${README_POLICY}`,
          "  X-Content-Type-Options: nosniff",
          "  Referrer-Policy: strict-origin-when-cross-origin",
          "/assets/*",
          "  Cache-Control: public, max-age=31536000, immutable",
          "",
        ].join("\n"),
      );
      for (const url of htmlPages(site))
        expect(
          site
            .page(url)
            .querySelector('meta[http-equiv="Content-Security-Policy"]')
            ?.getAttribute("content"),
          url,
        ).toBe(README_POLICY);
    });

    it("caches forever only /assets/, where every file has a content hash in its name", () => {
      const assets = readdirSync(path.join(site.outDir, "assets"), {
        recursive: true,
        withFileTypes: true,
      })
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name);
      expect(assets.length).toBeGreaterThan(3);
      for (const name of assets) expect(name).toMatch(/-[A-Z0-9]{8}\.[a-z0-9]+$/);
      // What pages link from <head> is among them.
      const home = site.page("/");
      const linked = [
        home.querySelector('link[rel="stylesheet"]')?.getAttribute("href"),
        ...[...home.querySelectorAll("script[src]")].map((s) => s.getAttribute("src")),
      ];
      expect(linked).toHaveLength(3);
      for (const href of linked) {
        expect(href).toMatch(/^\/assets\/[a-z]+-[A-Z0-9]{8}\.(css|js)$/);
        expect(site.exists(href!)).toBe(true);
      }
    });
  });

  describe("canonical links and link previews", () => {
    it("gives an article its absolute canonical URL, Open Graph and Twitter meta with the course's card", () => {
      expect(meta(site.page("/topics/q-and-a/"))).toEqual({
        canonical: `${ORIGIN}/topics/q-and-a/`,
        siteName: SITE_TITLE,
        type: "article",
        title: HOSTILE_TITLE,
        description: "Queries & keys, <b>not</b> bold.",
        url: `${ORIGIN}/topics/q-and-a/`,
        image: `${ORIGIN}/social/course.png`,
        imageWidth: "1200",
        imageHeight: "630",
        twitterCard: "summary_large_image",
        twitterTitle: HOSTILE_TITLE,
        twitterDescription: "Queries & keys, <b>not</b> bold.",
        twitterImage: `${ORIGIN}/social/course.png`,
      });
    });

    it("gives the home page the course's title and description as a website", () => {
      expect(meta(site.page("/"))).toEqual({
        canonical: `${ORIGIN}/`,
        siteName: SITE_TITLE,
        type: "website",
        title: SITE_TITLE,
        description: "A course for the feed, the sitemap and the social cards.",
        url: `${ORIGIN}/`,
        image: `${ORIGIN}/social/course.png`,
        imageWidth: "1200",
        imageHeight: "630",
        twitterCard: "summary_large_image",
        twitterTitle: SITE_TITLE,
        twitterDescription: "A course for the feed, the sitemap and the social cards.",
        twitterImage: `${ORIGIN}/social/course.png`,
      });
    });

    it("escapes titles in attributes rather than letting them open markup", () => {
      const head = site.file("/topics/q-and-a/index.html").split("</head>")[0]!;
      expect(head).not.toContain("<Attention>");
      expect(site.page("/topics/q-and-a/").querySelectorAll("head meta").length).toBeGreaterThan(
        10,
      );
    });
  });

  describe("social cards", () => {
    it("writes /social/course.png, a real PNG of the size the pages declare", () => {
      const declared = meta(site.page("/"));
      const size = pngSize(readFileSync(path.join(site.outDir, "social/course.png")));
      expect(size).toEqual({
        width: Number(declared.imageWidth),
        height: Number(declared.imageHeight),
      });
      expect(size).toEqual({ width: 1200, height: 630 });
    });

    it("writes no card per article by default", () => {
      expect(readdirSync(path.join(site.outDir, "social"))).toEqual(["course.png"]);
    });
  });

  describe("404.html", () => {
    it("says the page was not found, with a search box and a link home, using site-absolute URLs", () => {
      const page = site.page("/404.html");
      expect(text(page.querySelector("title"))).toBe(`Page not found · ${SITE_TITLE}`);
      expect(text(page.querySelector("main h1"))).toBe("Page not found");
      const form = page.querySelector("main form.search-form")!;
      expect(form.getAttribute("action")).toBe("/search/");
      expect(form.getAttribute("method")).toBe("get");
      const input = form.querySelector('input[type="search"]')!;
      expect(input.getAttribute("name")).toBe("q");
      expect(form.querySelector(`label[for="${input.getAttribute("id")}"]`)).not.toBeNull();
      expect(page.querySelector('main a[href="/"]')).not.toBeNull();
      // Served for any missing path, so no URL in it may be relative.
      for (const element of page.querySelectorAll("[href], [src], [action]")) {
        const url =
          element.getAttribute("href") ??
          element.getAttribute("src") ??
          element.getAttribute("action")!;
        expect(url, element.outerHTML).toMatch(/^(\/|#|https?:)/);
      }
    });
  });
});

describe("a course without `url` (site/publish, url removed)", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await keep(buildCourse(variant({ author: "Ada & Co" })));
  });

  it("writes no sitemap.xml, and robots.txt names none", () => {
    expect(site.exists("/sitemap.xml")).toBe(false);
    expect(site.file("/robots.txt")).toBe("User-agent: *\nAllow: /\n");
  });

  it("writes no canonical link, og:url or image meta, whose URLs must be absolute", () => {
    for (const url of ["/", "/topics/first/"]) {
      const m = meta(site.page(url));
      expect(m.canonical).toBeUndefined();
      expect(m.url).toBeUndefined();
      expect(m.image).toBeUndefined();
      expect(m.twitterImage).toBeUndefined();
      expect(m.title).toBe(url === "/" ? SITE_TITLE : "First");
    }
  });

  it("still writes the feed, well-formed, its links site paths", () => {
    const feed = parseXml(site.file("/feed.xml"));
    expect(xmlChildren(feed, "link").map((l) => l.attributes.href)).toEqual(["/", "/feed.xml"]);
    expect(feedEntries(feed).map((e) => e.link)).toEqual(FEED.map((e) => e.path));
  });

  it("still writes the course's social card", () => {
    expect(pngSize(readFileSync(path.join(site.outDir, "social/course.png")))).toEqual({
      width: 1200,
      height: 630,
    });
  });
});

describe("a course under the path prefix /course/ (site/publish, --pathprefix)", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await keep(
      buildCourse(variant({ url: ORIGIN, author: "Ada & Co" }), { pathPrefix: "/course/" }),
    );
  });

  // Regression: with `url` and a prefix, a course without citations failed to build: the
  // layout made the canonical URL of /references/ (not written, its `page.url` false).
  it("builds a course that cites nothing", () => {
    expect(site.ok).toBe(true);
    expect(site.exists("/references/index.html")).toBe(false);
  });

  it("lists every page in the sitemap under the prefix, each naming a file of the built site", () => {
    const listed = sitemapUrls(site);
    expect(listed).toHaveLength(9);
    for (const url of listed) {
      expect(url.startsWith(`${ORIGIN}/course/`)).toBe(true);
      const sitePath = url.slice(`${ORIGIN}/course`.length);
      expect(site.exists(sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath), url).toBe(
        true,
      );
    }
    expect(site.file("/robots.txt")).toBe(
      `User-agent: *\nAllow: /course/\nSitemap: ${ORIGIN}/course/sitemap.xml\n`,
    );
  });

  it("links the feed's entries, the site and the feed itself under the prefix", () => {
    const feed = parseXml(site.file("/feed.xml"));
    expect(xmlChildren(feed, "link").map((l) => l.attributes.href)).toEqual([
      `${ORIGIN}/course/`,
      `${ORIGIN}/course/feed.xml`,
    ]);
    expect(feedEntries(feed).map((e) => e.link)).toEqual(
      FEED.map((e) => `${ORIGIN}/course${e.path}`),
    );
    expect(
      site.page("/").querySelector('link[type="application/atom+xml"]')?.getAttribute("href"),
    ).toBe("/course/feed.xml");
  });

  it("caches the hashed assets under the prefix in _headers", () => {
    const headers = site.file("/_headers");
    expect(headers).toContain(
      "\n/course/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n",
    );
    expect(headers).toContain(`/*\n  Content-Security-Policy: ${README_POLICY}\n`);
    const css = site.page("/").querySelector('link[rel="stylesheet"]')?.getAttribute("href");
    expect(css).toMatch(/^\/course\/assets\//);
  });

  it("makes canonical, og:url and card URLs absolute under the prefix", () => {
    const m = meta(site.page("/topics/first/"));
    expect(m.canonical).toBe(`${ORIGIN}/course/topics/first/`);
    expect(m.url).toBe(`${ORIGIN}/course/topics/first/`);
    expect(m.image).toBe(`${ORIGIN}/course/social/course.png`);
    expect(m.twitterImage).toBe(`${ORIGIN}/course/social/course.png`);
    expect(meta(site.page("/")).canonical).toBe(`${ORIGIN}/course/`);
  });

  it("points the 404 page's search and links under the prefix", () => {
    const page = site.page("/404.html");
    expect(page.querySelector("main form.search-form")?.getAttribute("action")).toBe(
      "/course/search/",
    );
    expect(page.querySelector('main a[href="/course/"]')).not.toBeNull();
  });
});

describe("a course under a path prefix without `url` (site/publish, url removed, --pathprefix)", () => {
  // Regression: the feed's links were written without the prefix, which Eleventy adds to HTML only.
  it("links the feed under the prefix", async () => {
    const site = await keep(buildCourse(variant({}), { pathPrefix: "/course/" }));
    const feed = parseXml(site.file("/feed.xml"));
    expect(xmlChildren(feed, "link").map((l) => l.attributes.href)).toEqual([
      "/course/",
      "/course/feed.xml",
    ]);
    expect(feedEntries(feed).map((e) => e.link)).toEqual(FEED.map((e) => `/course${e.path}`));
  });
});

describe('one social card per article ("socialCards": "articles")', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await keep(buildCourse(variant({ url: ORIGIN, socialCards: "articles" })));
  });

  it("writes a PNG of the declared size for every published article, besides the course's", () => {
    const cards = readdirSync(path.join(site.outDir, "social/topics")).sort();
    expect(cards).toEqual(["first.png", "q-and-a.png", "second.png"]);
    const course = readFileSync(path.join(site.outDir, "social/course.png"));
    expect(pngSize(course)).toEqual({ width: 1200, height: 630 });
    for (const card of cards) {
      const png = readFileSync(path.join(site.outDir, "social/topics", card));
      const declared = meta(site.page(`/topics/${card.replace(/\.png$/, "")}/`));
      expect(pngSize(png)).toEqual({
        width: Number(declared.imageWidth),
        height: Number(declared.imageHeight),
      });
      expect(png.equals(course)).toBe(false);
    }
  });

  it("points each article's previews at its own card, and other pages at the course's", () => {
    const first = meta(site.page("/topics/first/"));
    expect(first.image).toBe(`${ORIGIN}/social/topics/first.png`);
    expect(first.twitterImage).toBe(`${ORIGIN}/social/topics/first.png`);
    expect(meta(site.page("/")).image).toBe(`${ORIGIN}/social/course.png`);
    expect(meta(site.page("/about/")).image).toBe(`${ORIGIN}/social/course.png`);
  });
});

describe("feed dates without `date` frontmatter, outside a Git checkout", () => {
  it("dates an entry by its file's modification time", async () => {
    const root = variant(
      { url: ORIGIN },
      {
        "content/topics/undated.md":
          '---\ntitle: "Undated"\ndescription: "No date."\nblock: basics\norder: 5\n---\n\nBody.\n',
      },
    );
    const modified = new Date("2024-02-20T12:00:00.000Z");
    utimesSync(path.join(root, "content/topics/undated.md"), modified, modified);
    const site = await keep(buildCourse(root));
    const entries = feedEntries(parseXml(site.file("/feed.xml")));
    expect(entries.map((e) => [e.title, e.updated])).toEqual([
      [HOSTILE_TITLE, "2024-03-01T09:30:00.000Z"],
      ["Undated", "2024-02-20T12:00:00.000Z"],
      ["Second", "2024-02-10T00:00:00.000Z"],
      ["First", "2024-01-15T00:00:00.000Z"],
    ]);
  });
});
