/**
 * What templates display, computed in TypeScript: the article page, the home
 * page and other pages receive ready data and only print it.
 */
import type { Block, Course, Page } from "../course/course.js";
import type { TocEntry } from "../markdown/render-context.js";
import { extraLink } from "../citations/render-citations.js";
import { blockUrl, graphNodeId, SITE_PATHS } from "../core/urls.js";
import { articleLink, type ArticleLink } from "./article-link.js";
import { neighbourhoodSvg } from "./graph-view.js";
import { sidebarView, type Breadcrumb, type SidebarBlock } from "./navigation.js";

export interface ArticleView extends ArticleLink {
  slug: string;
  sourcePath: string;
  block: { slug: string; title: string; url: string };
  category: string | undefined;
  prerequisites: ArticleLink[];
  /** Every transitive prerequisite in learning order (at most READING_PLAN_LIMIT shown). */
  readingPlan: { articles: ArticleLink[]; count: number; hidden: number; totalMinutes: number };
  /** What directly requires the article (at most LEADS_LIMIT shown). */
  leadsTo: { articles: ArticleLink[]; hidden: number };
  neighbourhood: { svg: string; hidden: number; graphUrl: string };
  sidebar: SidebarBlock[];
  breadcrumbs: Breadcrumb[];
  toc: TocEntry[];
  html: string;
  referencesHtml: string;
  editUrl: string | undefined;
  previous: ArticleLink | undefined;
  next: ArticleLink | undefined;
}

export interface BlockView {
  slug: string;
  url: string;
  title: string;
  description: string;
  articles: ArticleLink[];
}

export interface HomeView {
  title: string;
  description: string;
  startHere: ArticleLink | undefined;
  blocks: BlockView[];
  articleCount: number;
  totalMinutes: number;
}

export interface PageView {
  url: string;
  title: string;
  description: string;
  html: string;
  toc: TocEntry[];
  editUrl: string | undefined;
}

/** `https://github.com/o/r` + `main` + path → the host's edit page for that file. */
export function editUrl(
  repository: string | undefined,
  branch: string,
  sourcePath: string,
): string | undefined {
  if (!repository) return undefined;
  const base = repository.replace(/\/+$/, "");
  return /gitlab/.test(base)
    ? `${base}/-/edit/${branch}/${sourcePath}`
    : `${base}/edit/${branch}/${sourcePath}`;
}

/** The reading plan lists at most this many articles, so that a page does not grow with the course. */
export const READING_PLAN_LIMIT = 30;
/** "Where this leads" lists at most this many articles (the graph shows them all). */
export const LEADS_LIMIT = 8;

/** An article as its page is paginated: enough for its URL; the rest comes from `view`. */
export interface ArticlePage {
  slug: string;
  url: string;
  title: string;
  description: string;
}

/**
 * Article pages, with each page's view computed when its page renders rather
 * than all at once: nothing of a view outlives its page, which matters at
 * thousands of articles.
 */
export function articlePages(course: Course): {
  pages: ArticlePage[];
  view: (slug: string) => ArticleView;
} {
  const { ui, repository, branch } = course.options;
  const { graph } = course;
  const blockOf = new Map<string, Block>();
  for (const block of course.blocks)
    for (const article of block.articles) blockOf.set(article.slug, block);
  const order = course.articles;
  const link = (slug: string) => articleLink(course.bySlug.get(slug)!, ui);
  const neighbour = (i: number) => (order[i] ? articleLink(order[i], ui) : undefined);

  const view = (slug: string): ArticleView => {
    const article = course.bySlug.get(slug)!;
    const index = graph.position(slug);
    const block = blockOf.get(slug)!;
    const ancestors = graph.ancestors(slug);
    const dependents = graph.dependents(slug);
    return {
      ...articleLink(article, ui),
      slug,
      sourcePath: article.sourcePath,
      block: { slug: block.slug, title: block.title, url: blockUrl(block) },
      category: article.category,
      prerequisites: graph.prerequisites(slug).map(link),
      readingPlan: {
        articles: ancestors.slice(0, READING_PLAN_LIMIT).map(link),
        count: ancestors.length,
        hidden: Math.max(0, ancestors.length - READING_PLAN_LIMIT),
        totalMinutes: graph.ancestorMinutes(slug),
      },
      leadsTo: {
        articles: dependents.slice(0, LEADS_LIMIT).map(link),
        hidden: Math.max(0, dependents.length - LEADS_LIMIT),
      },
      neighbourhood: {
        ...neighbourhoodSvg(course, article),
        graphUrl: `${SITE_PATHS.graph}#${graphNodeId(slug)}`,
      },
      sidebar: sidebarView(course, block, slug),
      breadcrumbs: [
        { url: SITE_PATHS.home, title: ui.home },
        { url: blockUrl(block), title: block.title },
      ],
      toc: article.toc,
      html: article.html,
      referencesHtml: article.referencesHtml,
      editUrl: editUrl(repository, branch, article.sourcePath),
      previous: neighbour(index - 1),
      next: neighbour(index + 1),
    };
  };
  const pages = order.map((a) => ({
    slug: a.slug,
    url: a.url,
    title: a.title,
    description: a.description,
  }));
  return { pages, view };
}

export function homeView(course: Course): HomeView {
  const { ui, title, description } = course.options;
  const first = course.articles[0];
  return {
    title,
    description,
    startHere: first ? articleLink(first, ui) : undefined,
    blocks: course.blocks.map((block) => ({
      slug: block.slug,
      url: blockUrl(block),
      title: block.title,
      description: block.description,
      articles: block.articles.map((a) => articleLink(a, ui)),
    })),
    articleCount: course.articles.length,
    totalMinutes: course.articles.reduce((sum, a) => sum + a.readingMinutes, 0),
  };
}

export function pageViews(course: Course): PageView[] {
  const { repository, branch } = course.options;
  return course.pages.map((page: Page) => ({
    url: page.url,
    title: page.title,
    description: page.description,
    html: page.html,
    toc: page.toc,
    editUrl: editUrl(repository, branch, page.sourcePath),
  }));
}

export interface NavItem {
  url: string;
  title: string;
}

/** The header's links: the course's own pages, then the generated course-wide pages that exist. */
export function navView(course: Course): NavItem[] {
  const { ui } = course.options;
  const items: NavItem[] = [];
  if (course.articles.length > 0)
    items.push(
      { url: SITE_PATHS.topics, title: ui.allTopics },
      { url: SITE_PATHS.graph, title: ui.graph },
    );
  items.push(
    ...course.pages
      .filter((p) => p.url !== SITE_PATHS.home)
      .map((p) => ({ url: p.url, title: p.title })),
  );
  if (course.glossary.length > 0) items.push({ url: SITE_PATHS.glossary, title: ui.glossary });
  if (course.bibliography.length > 0)
    items.push({ url: SITE_PATHS.references, title: ui.bibliography });
  return items;
}

export interface BibliographyPageEntry {
  id: string;
  entryHtml: string;
  extraLinkHtml: string;
  citedBy: { url: string; title: string }[];
}

export function bibliographyPageView(course: Course): BibliographyPageEntry[] {
  return course.bibliography.map((work) => ({
    id: work.id,
    entryHtml: work.entryHtml,
    extraLinkHtml: extraLink(work.entryHtml, work.link, "reference-link"),
    citedBy: work.citedBy,
  }));
}
