/**
 * The course sidebar, breadcrumbs and block pages. The sidebar must not make
 * pages grow with the course: other blocks are one line each, and a long
 * current block shows a window of neighbours around the current article.
 */
import type { Block, Course } from "../course/course.js";
import { blockUrl, SITE_PATHS } from "../core/urls.js";
import { articleLink, type ArticleLink } from "./article-link.js";

/** A block is listed in full in the sidebar up to this many articles… */
export const SIDEBAR_FULL_LIMIT = 40;
/** …beyond which the sidebar shows this many neighbours on each side of the current article. */
export const SIDEBAR_WINDOW = 5;

export interface SidebarItem {
  slug: string;
  url: string;
  title: string;
  current: boolean;
}

export interface SidebarBlock {
  title: string;
  url: string;
  count: number;
  current: boolean;
  /** The current block's articles (or a window of them); empty for other blocks. */
  articles: SidebarItem[];
  /** Articles of the current block left out before and after the window. */
  hiddenBefore: number;
  hiddenAfter: number;
}

const positions = new WeakMap<Block, Map<string, number>>();

/** An article's index in its block, from a map built once per block (not a scan per page). */
function positionInBlock(block: Block, slug: string): number {
  let map = positions.get(block);
  if (!map) {
    map = new Map(block.articles.map((a, i) => [a.slug, i]));
    positions.set(block, map);
  }
  return map.get(slug) ?? 0;
}

export function sidebarView(
  course: Course,
  currentBlock: Block | undefined,
  currentSlug: string | undefined,
): SidebarBlock[] {
  return course.blocks.map((block) => {
    const base = {
      title: block.title,
      url: blockUrl(block),
      count: block.articles.length,
      current: block === currentBlock,
    };
    if (block !== currentBlock) return { ...base, articles: [], hiddenBefore: 0, hiddenAfter: 0 };
    let start = 0;
    let end = block.articles.length;
    if (block.articles.length > SIDEBAR_FULL_LIMIT) {
      const at = Math.max(0, currentSlug === undefined ? 0 : positionInBlock(block, currentSlug));
      start = Math.max(
        0,
        Math.min(at - SIDEBAR_WINDOW, block.articles.length - 2 * SIDEBAR_WINDOW - 1),
      );
      end = Math.min(block.articles.length, start + 2 * SIDEBAR_WINDOW + 1);
    }
    return {
      ...base,
      articles: block.articles.slice(start, end).map((a) => ({
        slug: a.slug,
        url: a.url,
        title: a.title,
        current: a.slug === currentSlug,
      })),
      hiddenBefore: start,
      hiddenAfter: block.articles.length - end,
    };
  });
}

export interface Breadcrumb {
  url: string;
  title: string;
}

export interface BlockPageView {
  slug: string;
  url: string;
  title: string;
  description: string;
  articles: ArticleLink[];
  totalMinutes: number;
  sidebar: SidebarBlock[];
  breadcrumbs: Breadcrumb[];
}

export function blockPageViews(course: Course): BlockPageView[] {
  const { ui } = course.options;
  return course.blocks.map((block) => ({
    slug: block.slug,
    url: blockUrl(block),
    title: block.title,
    description: block.description,
    articles: block.articles.map((a) => articleLink(a, ui)),
    totalMinutes: block.articles.reduce((sum, a) => sum + a.readingMinutes, 0),
    sidebar: sidebarView(course, block, undefined),
    breadcrumbs: [{ url: SITE_PATHS.home, title: ui.home }],
  }));
}
