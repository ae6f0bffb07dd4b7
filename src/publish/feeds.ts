/** sitemap.xml, robots.txt and the Atom feed of articles (escaped for XML, absolute URLs). */
import { createHash } from "node:crypto";
import type { Course } from "../course/course.js";
import { withPathPrefix } from "../core/urls.js";
import { absoluteUrl, sitePath } from "./site-urls.js";
import { escapeXml } from "./xml-text.js";

export function sitemapXml(course: Course, urls: readonly string[]): string {
  const entries = urls
    .map((url) => absoluteUrl(course.options, url))
    .filter((url): url is string => url !== undefined)
    .map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
}

/**
 * Crawlers may read the whole site: the path it is served under (the path
 * prefix, after the path of `url`), with the maintainers' own lines (`robots`
 * in site.json, each checked to be one line), and where its sitemap is. `url` and the
 * prefix are checked clean paths (schema/site-address.ts), so no line here
 * can be split in two.
 */
export function robotsTxt(course: Course): string {
  const sitemap = absoluteUrl(course.options, "/sitemap.xml");
  const allowed = sitePath(course.options, "/");
  const own = course.options.robots.map((line) => line.replace(LINE_BREAKING, ""));
  const lines = ["User-agent: *", `Allow: ${field(allowed)}`, ...own];
  if (sitemap) lines.push(`Sitemap: ${field(sitemap)}`);
  return `${lines.join("\n")}\n`;
}

// eslint-disable-next-line no-control-regex
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** A value of one robots.txt line: nothing in it may end the line or start another. */
function field(value: string): string {
  return value.replace(LINE_BREAKING, "").replace(/\s/g, "");
}

export interface FeedEntry {
  url: string;
  title: string;
  description: string;
  date: Date;
}

/**
 * Atom 1.0, newest first, at most `limit` entries. Without the site's `url`
 * its links are paths under the path prefix (Eleventy's HTML base plugin does
 * not rewrite XML, so the prefix is put in here), which feed readers resolve
 * against the feed's own address (RFC 4287 §2, xml:base).
 *
 * Ids (`atom:id`) are what readers tell entries apart by: RFC 4287 §4.2.6
 * wants them absolute IRIs that never change. With `url`, an entry's id is
 * its URL. Without it there is no domain to build a `tag:` URI from (RFC
 * 4151 needs one) and a path is not absolute, so the id is a name-based
 * `urn:uuid:` (RFC 9562 version 5) of the course's title and the entry's
 * path: stable from build to build, distinct between courses. Leaving the
 * feed out instead would break the feed link every page advertises.
 */
export function atomFeed(course: Course, entries: readonly FeedEntry[], limit = 50): string {
  const { options } = course;
  const link = (path: string) =>
    absoluteUrl(options, path) ?? withPathPrefix(path, options.pathPrefix);
  const id = (path: string) =>
    absoluteUrl(options, path) ?? nameBasedUuid(`${options.title}\n${sitePath(options, path)}`);
  const home = link("/");
  const self = link("/feed.xml");
  const newest = [...entries].sort((a, b) => b.date.getTime() - a.date.getTime()).slice(0, limit);
  const updated = (newest[0]?.date ?? new Date(0)).toISOString();
  const items = newest.map((entry) => {
    const url = link(entry.url);
    return [
      "  <entry>",
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <link href="${escapeXml(url)}"/>`,
      `    <id>${escapeXml(id(entry.url))}</id>`,
      `    <updated>${entry.date.toISOString()}</updated>`,
      `    <summary>${escapeXml(entry.description)}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${options.lang ? ` xml:lang="${escapeXml(options.lang)}"` : ""}>`,
    `  <title>${escapeXml(options.title)}</title>`,
    options.description ? `  <subtitle>${escapeXml(options.description)}</subtitle>` : "",
    `  <link href="${escapeXml(home)}"/>`,
    `  <link rel="self" href="${escapeXml(self)}"/>`,
    `  <id>${escapeXml(id("/"))}</id>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(options.author ?? options.title)}</name></author>`,
    ...items,
    "</feed>",
    "",
  ]
    .filter((line) => line !== "")
    .join("\n");
}

/** The URL namespace of RFC 9562 (Appendix A), under which names are hashed. */
const URL_NAMESPACE = Buffer.from("6ba7b8119dad11d180b400c04fd430c8", "hex");

/** `urn:uuid:…`, version 5 (SHA-1, name-based): the same name always gives the same id. */
export function nameBasedUuid(name: string): string {
  const hash = createHash("sha1").update(URL_NAMESPACE).update(name, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
