/** The map of every URL the site will have, with the ids on each page, that internal links are checked against. */
import type { ContentFiles } from "../source/content-files.js";
import type { Article, Block } from "./course.js";
import { glossaryLetterIds, type GlossaryTerm } from "../glossary/glossary.js";
import { LAYOUT_IDS } from "../markdown/headings.js";
import type { SiteOptions } from "../schema/site-options.js";
import { blockUrl, graphNodeId, SITE_PATHS } from "../core/urls.js";
import type { LinkingPage, SiteIndex } from "./internal-links.js";

/**
 * Ids the article layout writes on every article page: the reserved ones, but
 * not `references` (that section comes with the article's reference list, and
 * its ids with the body's: a page that cites nothing has none) nor
 * `build-problems-title` (only the dev server shows a page's problems).
 */
const ARTICLE_LAYOUT_IDS = LAYOUT_IDS.filter(
  (id) => id !== "references" && id !== "build-problems-title",
);

/** What the rendered pages left behind: their ids, and the content files beside them. */
export interface RenderedSite {
  linking: readonly (LinkingPage & { ids: Set<string> })[];
  files: ContentFiles;
}

/** Every URL the site will have, with the ids on each page where they are known. */
export function siteIndex(
  context: RenderedSite,
  blocks: Block[],
  articles: Article[],
  terms: GlossaryTerm[],
  citedWorkIds: Iterable<string>,
  options: SiteOptions,
): SiteIndex {
  const pages = new Map<string, ReadonlySet<string> | "any">();
  const articleUrls = new Set(articles.map((a) => a.url));
  for (const page of context.linking) {
    // Ids the layouts add: every page has main; articles have their sections too.
    const layoutIds = articleUrls.has(page.url) ? ARTICLE_LAYOUT_IDS : ["main"];
    pages.set(page.url, new Set([...page.ids, ...layoutIds]));
  }
  for (const url of [
    SITE_PATHS.home,
    SITE_PATHS.topics,
    SITE_PATHS.search,
    SITE_PATHS.graphJson,
    SITE_PATHS.feed,
    SITE_PATHS.notFound,
    SITE_PATHS.robots,
  ]) {
    pages.set(url, "any");
  }
  if (options.url) pages.set(SITE_PATHS.sitemap, "any");
  for (const block of blocks) pages.set(blockUrl(block), "any");
  pages.set(
    SITE_PATHS.graph,
    new Set(articles.flatMap((a) => [graphNodeId(a.slug), `list-${a.slug}`])),
  );
  if (terms.length > 0)
    pages.set(
      SITE_PATHS.glossary,
      new Set([...terms.map((t) => t.id), ...glossaryLetterIds(terms, options.lang)]),
    );
  const cited = [...citedWorkIds];
  if (cited.length > 0) pages.set(SITE_PATHS.references, new Set(cited));
  return {
    pages,
    isFile: (p) => context.files.fileFor(p) !== undefined,
    siteOrigin: options.url,
    pathPrefix: options.pathPrefix,
  };
}
