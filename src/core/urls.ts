/**
 * URL rules of a course, kept in one place: where an article lives, and which
 * link targets are safe to emit.
 */

const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/i;

/** `/topics/<slug>/`: the one definition of an article's URL. */
export function topicUrl(slug: string): string {
  return `/topics/${slug}/`;
}

/** `/blocks/<slug>/`; articles without a block form the block "articles". */
export function blockUrl(block: { slug: string }): string {
  return `/blocks/${block.slug || "articles"}/`;
}

/** The slug of `/topics/<slug>/` (trailing slash optional), or undefined for any other path. */
export function slugFromTopicPath(path: string): string | undefined {
  const match = /^\/topics\/([^/?#]+)\/?$/.exec(path);
  return match?.[1];
}

export function isValidSlug(slug: string): boolean {
  return SLUG.test(slug);
}

/**
 * The scheme of a URL (lower-cased, without the colon), or undefined for a
 * relative URL. Control characters and whitespace that browsers ignore are
 * removed first, so `java\tscript:` is still seen as `javascript`.
 */
export function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f]+/g, "");
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return match?.[1]?.toLowerCase();
}

const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);

/** Whether a link target may appear in an `href`: relative, http(s) or mailto. */
export function isSafeLink(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === undefined || SAFE_SCHEMES.has(scheme);
}

/** Whether an image source is safe: a link that is, or an inline raster image. */
export function isSafeImageSource(url: string): boolean {
  return isSafeLink(url) || /^data:image\/(png|gif|jpe?g|webp|avif);/i.test(url.trim());
}

/** A path on our own site: starts with one slash (not `//host`) and has no scheme. */
export function isSiteRelativePath(url: string): boolean {
  return url.startsWith("/") && !url.startsWith("//") && urlScheme(url) === undefined;
}

/** Whether an http(s) URL is well-formed enough to emit (used for bibliography links). */
export function isHttpUrl(url: string): boolean {
  const scheme = urlScheme(url);
  if (scheme !== "http" && scheme !== "https") return false;
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/** `course`, `/course`, `/course/` → `/course/`; empty or `/` → `/`. */
export function normalizePathPrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/** A site path (`/topics/x/`) under the path prefix (`/course/topics/x/`). */
export function withPathPrefix(path: string, prefix: string): string {
  return prefix === "/" || !path.startsWith("/") ? path : `${prefix}${path.slice(1)}`;
}

/** The pages and files Syllabus writes besides articles, blocks and content pages: one list, used everywhere. */
export const SITE_PATHS = {
  home: "/",
  topics: "/topics/",
  graph: "/graph/",
  graphJson: "/graph.json",
  search: "/search/",
  glossary: "/glossary/",
  references: "/references/",
  feed: "/feed.xml",
  sitemap: "/sitemap.xml",
  robots: "/robots.txt",
  notFound: "/404.html",
  headers: "/_headers",
  favicon: "/favicon.svg",
} as const;

/**
 * Folders Syllabus writes into; content may not publish there: block pages,
 * the bundled scripts and styles (publish/build-assets.ts), the search index
 * (publish/search-index.ts) and the social cards (publish/social-cards.ts).
 */
export const GENERATED_FOLDERS = ["/blocks/", "/assets/", "/pagefind/", "/social/"];

/**
 * What Syllabus generates that writing `sitePath` would collide with, if anything: the path
 * itself (`/robots.txt`), the generated folder it lies in (`/pagefind/x.js`), the page whose file
 * it is (`/graph/index.html` is the file of `/graph/`), a generated file it would need as a
 * folder (`/robots.txt/a.png`), or a generated page or folder it would write a file over
 * (`/graph`). Case is ignored, as macOS and Windows file systems ignore it: `/Pagefind/x.txt`
 * lands in `/pagefind/`.
 */
export function generatedUrlAt(sitePath: string): string | undefined {
  const at = sitePath.toLowerCase();
  const generated: readonly string[] = Object.values(SITE_PATHS);
  const page = at.endsWith("/index.html") ? at.slice(0, -"index.html".length) : "";
  return (
    generated.find((url) => url === at || url === page) ??
    GENERATED_FOLDERS.find((folder) => at.startsWith(folder)) ??
    generated.find((url) => !url.endsWith("/") && at.startsWith(`${url}/`)) ??
    [...generated, ...GENERATED_FOLDERS].find((url) => url !== "/" && at === url.slice(0, -1))
  );
}

/** Whether a content page's URL would collide with something Syllabus writes. */
export function isGeneratedUrl(url: string): boolean {
  return generatedUrlAt(url) !== undefined;
}

/** Id of an article's node on the graph page (`/graph/#node-<slug>`). */
export function graphNodeId(slug: string): string {
  return `node-${slug}`;
}
