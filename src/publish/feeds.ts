/** sitemap.xml, robots.txt and the Atom feed of articles (escaped for XML, absolute URLs). */
import type { Course } from "../course/course.js";
import { escapeHtml } from "../core/html.js";
import { withPathPrefix } from "../core/urls.js";
import { absoluteUrl } from "./site-urls.js";

export function sitemapXml(course: Course, urls: readonly string[]): string {
  const entries = urls
    .map((url) => absoluteUrl(course.options, url))
    .filter((url): url is string => url !== undefined)
    .map((url) => `  <url><loc>${escapeHtml(url)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
}

export function robotsTxt(course: Course): string {
  const sitemap = absoluteUrl(course.options, "/sitemap.xml");
  return `User-agent: *\nAllow: /\n${sitemap ? `Sitemap: ${sitemap}\n` : ""}`;
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
 * not rewrite XML, so the prefix is put in here).
 */
export function atomFeed(course: Course, entries: readonly FeedEntry[], limit = 50): string {
  const { options } = course;
  const link = (path: string) =>
    absoluteUrl(options, path) ?? withPathPrefix(path, options.pathPrefix);
  const home = link("/");
  const self = link("/feed.xml");
  const newest = [...entries].sort((a, b) => b.date.getTime() - a.date.getTime()).slice(0, limit);
  const updated = (newest[0]?.date ?? new Date(0)).toISOString();
  const items = newest.map((entry) => {
    const url = link(entry.url);
    return [
      "  <entry>",
      `    <title>${escapeHtml(entry.title)}</title>`,
      `    <link href="${escapeHtml(url)}"/>`,
      `    <id>${escapeHtml(url)}</id>`,
      `    <updated>${entry.date.toISOString()}</updated>`,
      `    <summary>${escapeHtml(entry.description)}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${options.lang ? ` xml:lang="${escapeHtml(options.lang)}"` : ""}>`,
    `  <title>${escapeHtml(options.title)}</title>`,
    options.description ? `  <subtitle>${escapeHtml(options.description)}</subtitle>` : "",
    `  <link href="${escapeHtml(home)}"/>`,
    `  <link rel="self" href="${escapeHtml(self)}"/>`,
    `  <id>${escapeHtml(home)}</id>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeHtml(options.author ?? options.title)}</name></author>`,
    ...items,
    "</feed>",
    "",
  ]
    .filter((line) => line !== "")
    .join("\n");
}
