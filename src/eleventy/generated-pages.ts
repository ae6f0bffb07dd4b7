/**
 * The pages Syllabus generates from a course, one table: each page's layout
 * in `_includes/layouts/`, its URL from the one list of site paths, its
 * title and description. Registered with Eleventy by `plugin.ts`.
 */
import { SITE_PATHS } from "../core/urls.js";
import type { SiteData } from "../views/site-data.js";
import type { EleventyConfig } from "./eleventy-config.js";

/** Data a generated page's template sees: the global, plus its pagination item if any. */
export interface PageData {
  syllabus: SiteData;
  article?: SiteData["articles"][number];
  page_?: SiteData["pages"][number];
  block?: SiteData["blocks"][number];
}

export interface GeneratedPage {
  name: string;
  layout?: string;
  content?: string;
  /** One page per item of this list of the global data. */
  paginate?: { data: "articles" | "pages" | "blocks"; alias: "article" | "page_" | "block" };
  permalink: string | ((data: PageData) => string | false);
  /** For `<title>`; the site's title follows it. */
  title?: (data: PageData) => string | undefined;
  /** For `<meta name="description">`; the site's description otherwise. */
  description?: (data: PageData) => string | undefined;
}

/** The pages Syllabus generates from a course, with their layouts in `_includes/layouts/`. */
export const GENERATED_PAGES: GeneratedPage[] = [
  { name: "home", layout: "layouts/home.njk", permalink: SITE_PATHS.home },
  {
    name: "article",
    layout: "layouts/article.njk",
    paginate: { data: "articles", alias: "article" },
    permalink: (d) => d.article!.url,
    title: (d) => d.article?.title,
    description: (d) => d.article?.description,
  },
  {
    name: "page",
    layout: "layouts/page.njk",
    paginate: { data: "pages", alias: "page_" },
    permalink: (d) => d.page_!.url,
    title: (d) => d.page_?.title,
    description: (d) => d.page_?.description || undefined,
  },
  {
    name: "block",
    layout: "layouts/block.njk",
    paginate: { data: "blocks", alias: "block" },
    permalink: (d) => d.block!.url,
    title: (d) => d.block?.title,
    description: (d) => d.block?.description || undefined,
  },
  {
    name: "topics",
    layout: "layouts/topics.njk",
    permalink: SITE_PATHS.topics,
    title: (d) => d.syllabus.ui.allTopics,
  },
  {
    name: "graph",
    layout: "layouts/graph.njk",
    permalink: SITE_PATHS.graph,
    title: (d) => d.syllabus.ui.graphTitle,
  },
  {
    name: "graph-json",
    content: "{{ syllabus.graph.json | safe }}",
    permalink: SITE_PATHS.graphJson,
  },
  {
    name: "sitemap",
    content: "{{ syllabus.publish.sitemap | safe }}",
    permalink: (d) => (d.syllabus.site.url ? SITE_PATHS.sitemap : false),
  },
  { name: "robots", content: "{{ syllabus.publish.robots | safe }}", permalink: SITE_PATHS.robots },
  { name: "feed", content: "{{ syllabus.publish.feed | safe }}", permalink: SITE_PATHS.feed },
  {
    name: "headers",
    content: "{{ syllabus.publish.headers | safe }}",
    permalink: SITE_PATHS.headers,
  },
  {
    name: "not-found",
    layout: "layouts/not-found.njk",
    permalink: SITE_PATHS.notFound,
    title: (d) => d.syllabus.ui.notFound,
  },
  {
    name: "search",
    layout: "layouts/search.njk",
    permalink: SITE_PATHS.search,
    title: (d) => d.syllabus.ui.search,
  },
  {
    name: "glossary",
    layout: "layouts/glossary.njk",
    permalink: (d) => (d.syllabus.glossary.terms.length > 0 ? SITE_PATHS.glossary : false),
    title: (d) => d.syllabus.ui.glossary,
  },
  {
    name: "references",
    layout: "layouts/references.njk",
    permalink: (d) => (d.syllabus.bibliography.length > 0 ? SITE_PATHS.references : false),
    title: (d) => d.syllabus.ui.bibliography,
  },
];

/** Registers every generated page as a virtual template. */
export function registerGeneratedPages(config: EleventyConfig): void {
  for (const page of GENERATED_PAGES) {
    config.addTemplate(`syllabus/${page.name}.njk`, page.content ?? "", {
      ...(page.layout ? { layout: page.layout } : {}),
      ...(page.paginate
        ? {
            pagination: {
              data: `syllabus.${page.paginate.data}`,
              size: 1,
              alias: page.paginate.alias,
            },
          }
        : {}),
      // We use no Eleventy collections; pages in none need not be kept in memory for them.
      eleventyExcludeFromCollections: true,
      permalink: page.permalink,
      eleventyComputed: {
        ...(page.title ? { pageTitle: page.title } : {}),
        ...(page.description ? { pageDescription: page.description } : {}),
      },
    });
  }
}
