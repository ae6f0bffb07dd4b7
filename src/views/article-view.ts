/**
 * What templates display, computed in TypeScript: the article page, the home
 * page and other pages receive ready data and only print it.
 */
import type { Article, Block, Course, Page } from "../content/course.js";
import type { Difficulty } from "../content/frontmatter-schema.js";
import type { TocEntry } from "../markdown/render-context.js";
import { extraLink } from "../citations/render-citations.js";
import { neighbourhoodSvg } from "./graph-view.js";
import type { UiStrings } from "../ui-strings.js";

export interface DifficultyView {
  key: Difficulty;
  label: string;
  /** 1-3, for the level indicator. */
  level: number;
}

export interface ArticleLink {
  url: string;
  title: string;
  description: string;
  difficulty: DifficultyView | undefined;
  readingMinutes: number;
  draft: boolean;
}

export interface ArticleView extends ArticleLink {
  slug: string;
  sourcePath: string;
  block: { slug: string; title: string };
  category: string | undefined;
  prerequisites: ArticleLink[];
  /** Every transitive prerequisite in learning order (at most READING_PLAN_LIMIT shown). */
  readingPlan: { articles: ArticleLink[]; count: number; hidden: number; totalMinutes: number };
  leadsTo: ArticleLink[];
  neighbourhood: { svg: string; hidden: number; graphUrl: string };
  toc: TocEntry[];
  html: string;
  referencesHtml: string;
  editUrl: string | undefined;
  previous: ArticleLink | undefined;
  next: ArticleLink | undefined;
}

export interface BlockView {
  slug: string;
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

const LEVELS: Record<Difficulty, number> = { introductory: 1, intermediate: 2, advanced: 3 };

export function difficultyView(difficulty: Difficulty | undefined, ui: UiStrings): DifficultyView | undefined {
  return difficulty ? { key: difficulty, label: ui[difficulty], level: LEVELS[difficulty] } : undefined;
}

export function articleLink(article: Article, ui: UiStrings): ArticleLink {
  return {
    url: article.url,
    title: article.title,
    description: article.description,
    difficulty: difficultyView(article.difficulty, ui),
    readingMinutes: article.readingMinutes,
    draft: article.draft,
  };
}

/** `https://github.com/o/r` + `main` + path → the host's edit page for that file. */
export function editUrl(repository: string | undefined, branch: string, sourcePath: string): string | undefined {
  if (!repository) return undefined;
  const base = repository.replace(/\/+$/, "");
  return /gitlab/.test(base) ? `${base}/-/edit/${branch}/${sourcePath}` : `${base}/edit/${branch}/${sourcePath}`;
}

/** The reading plan lists at most this many articles, so that a page does not grow with the course. */
export const READING_PLAN_LIMIT = 40;

export function articleViews(course: Course): ArticleView[] {
  const { ui, repository, branch } = course.options;
  const { graph } = course;
  const blockOf = new Map<string, Block>();
  for (const block of course.blocks) for (const article of block.articles) blockOf.set(article.slug, block);
  const order = course.articles;
  const link = (slug: string) => articleLink(course.bySlug.get(slug)!, ui);
  return order.map((article, index) => {
    const block = blockOf.get(article.slug)!;
    const neighbour = (i: number) => (order[i] ? articleLink(order[i], ui) : undefined);
    const ancestors = graph.ancestors(article.slug);
    const near = neighbourhoodSvg(course, article);
    return {
      ...articleLink(article, ui),
      slug: article.slug,
      sourcePath: article.sourcePath,
      block: { slug: block.slug, title: block.title },
      category: article.category,
      prerequisites: graph.prerequisites(article.slug).map(link),
      readingPlan: {
        articles: ancestors.slice(0, READING_PLAN_LIMIT).map(link),
        count: ancestors.length,
        hidden: Math.max(0, ancestors.length - READING_PLAN_LIMIT),
        totalMinutes: graph.ancestorMinutes(article.slug),
      },
      leadsTo: graph.dependents(article.slug).map(link),
      neighbourhood: { ...near, graphUrl: `/graph/#node-${article.slug}` },
      toc: article.toc,
      html: article.html,
      referencesHtml: article.referencesHtml,
      editUrl: editUrl(repository, branch, article.sourcePath),
      previous: neighbour(index - 1),
      next: neighbour(index + 1),
    };
  });
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
  const items = course.pages.filter((p) => p.url !== "/").map((p) => ({ url: p.url, title: p.title }));
  if (course.articles.length > 0) items.push({ url: "/graph/", title: course.options.ui.graph });
  if (course.bibliography.length > 0) items.push({ url: "/references/", title: course.options.ui.references });
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
