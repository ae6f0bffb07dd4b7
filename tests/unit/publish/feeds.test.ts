import { describe, expect, it } from "vitest";
import type { Course } from "../../../src/course/course.js";
import { atomFeed, nameBasedUuid, robotsTxt, sitemapXml } from "../../../src/publish/feeds.js";
import { cardSvg, renderCard } from "../../../src/publish/social-cards.js";
import { escapeXml } from "../../../src/publish/xml-text.js";
import { resolveOptions, type SiteOptions } from "../../../src/schema/site-options.js";

function courseWith(options: Partial<SiteOptions>): Course {
  return { options: { ...resolveOptions({}), ...options } } as unknown as Course;
}

const ENTRY = {
  url: "/topics/a/",
  title: "A",
  description: "d",
  date: new Date("2026-01-02T00:00:00Z"),
};

/** The ids of a feed (the feed's, then its entries'). */
const ids = (xml: string) => [...xml.matchAll(/<id>([^<]*)<\/id>/g)].map((m) => m[1]);

describe("robotsTxt", () => {
  it("allows the path the site is served under, and names its sitemap there", () => {
    const course = courseWith({ url: "https://example.org", pathPrefix: "/course/" });
    expect(robotsTxt(course)).toBe(
      "User-agent: *\nAllow: /course/\nSitemap: https://example.org/course/sitemap.xml\n",
    );
  });

  it("includes the path of `url`", () => {
    const course = courseWith({ url: "https://example.org/docs", pathPrefix: "/course/" });
    expect(robotsTxt(course)).toBe(
      "User-agent: *\nAllow: /docs/course/\nSitemap: https://example.org/docs/course/sitemap.xml\n",
    );
  });

  it("cannot be given another line, even by options that were not checked", () => {
    const course = courseWith({ url: "https://example.org", pathPrefix: "/a\nDisallow: /\n" });
    expect(robotsTxt(course).split("\n")).toHaveLength(4);
    const lines = courseWith({ robots: ["Disallow: /a\nDisallow: /"] });
    expect(robotsTxt(lines)).toBe("User-agent: *\nAllow: /\nDisallow: /aDisallow: /\n");
  });

  it("adds the maintainers' own lines from site.json", () => {
    const course = courseWith({ robots: ["Disallow: /drafts/", "Crawl-delay: 5"] });
    expect(robotsTxt(course)).toBe("User-agent: *\nAllow: /\nDisallow: /drafts/\nCrawl-delay: 5\n");
  });
});

describe("atomFeed", () => {
  it("identifies the feed and its entries by their URLs when the site has a url", () => {
    const xml = atomFeed(courseWith({ url: "https://example.org" }), [ENTRY]);
    expect(ids(xml)).toEqual(["https://example.org/", "https://example.org/topics/a/"]);
  });

  it("identifies them by stable name-based UUIDs when it has none (a path is no IRI)", () => {
    const course = courseWith({ title: "Linear algebra" });
    const first = ids(atomFeed(course, [ENTRY]));
    expect(first).toEqual([
      nameBasedUuid("Linear algebra\n/"),
      nameBasedUuid("Linear algebra\n/topics/a/"),
    ]);
    for (const id of first)
      expect(id).toMatch(
        /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    expect(ids(atomFeed(course, [ENTRY]))).toEqual(first);
    expect(ids(atomFeed(courseWith({ title: "Other" }), [ENTRY]))).not.toEqual(first);
  });

  it("stays well-formed XML when a title holds characters XML forbids", () => {
    const xml = atomFeed(courseWith({ title: "C\u0000" }), [
      { ...ENTRY, title: "<b>A</b>\u0001\u0000 & \ud800", description: "\u001b[31m" },
    ]);
    expect(xml).toContain("<title>&lt;b&gt;A&lt;/b&gt; &amp; </title>");
    expect(xml).toContain("<summary>[31m</summary>");
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});

describe("nameBasedUuid", () => {
  it("is RFC 9562 version 5 in the URL namespace", () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_URL, "https://example.org/")
    expect(nameBasedUuid("https://example.org/")).toBe(
      "urn:uuid:527dda32-a0de-5105-a042-cb475b5f7d11",
    );
  });
});

describe("sitemapXml", () => {
  it("escapes URLs for XML", () => {
    const xml = sitemapXml(courseWith({ url: "https://example.org" }), ["/a&b/"]);
    expect(xml).toContain("<loc>https://example.org/a&amp;b/</loc>");
  });
});

describe("escapeXml", () => {
  it("escapes markup and drops what XML 1.0 cannot hold", () => {
    expect(escapeXml(`a\u0000b<&>"'\ufffe\ud800😀\t\n`)).toBe("ab&lt;&amp;&gt;&quot;&#39;😀\t\n");
  });
});

describe("social cards", () => {
  it("draws a title with control characters and markup without failing", () => {
    const svg = cardSvg({ title: "A\u0000 <script>", eyebrow: "\u0007B", footer: "C & D" });
    expect(svg).not.toContain("\u0000");
    expect(svg).toContain("A &lt;script&gt;");
    expect(renderCard({ title: "A\u0000B", footer: "\u0001" }).subarray(1, 4).toString()).toBe(
      "PNG",
    );
  });
});
