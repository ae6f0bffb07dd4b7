/** Everything templates receive, as one global (`syllabus`), computed once per build. */
import type { AssetManifest } from "../assets/build-assets.js";
import type { Course } from "../content/course.js";
import {
  articlePages,
  bibliographyPageView,
  homeView,
  navView,
  pageViews,
} from "./article-view.js";
import { courseGraphSvg, graphJson, graphList } from "./graph-view.js";
import { timed } from "../perf/phases.js";
import { firstCommitDates, publishedDate } from "../publish/dates.js";
import { CONTENT_SECURITY_POLICY, headersFile } from "../publish/content-security-policy.js";
import { atomFeed, robotsTxt, sitemapXml } from "../publish/feeds.js";
import { blockUrl } from "../urls.js";
import { glossaryView } from "./glossary-view.js";
import { blockPageViews } from "./navigation.js";

export function siteData(course: Course, assets: AssetManifest | undefined) {
  return timed("views", () => computeSiteData(course, assets));
}

function computeSiteData(course: Course, assets: AssetManifest | undefined) {
  const articles = articlePages(course);
  return {
    site: course.options,
    csp: CONTENT_SECURITY_POLICY,
    ui: course.options.ui,
    assets,
    home: homeView(course),
    articles: articles.pages,
    /** An article page's view, computed while that page renders. */
    articleView: articles.view,
    pages: pageViews(course),
    blocks: blockPageViews(course),
    bibliography: bibliographyPageView(course),
    graph: { svg: courseGraphSvg(course), list: graphList(course), json: graphJson(course) },
    glossary: glossaryView(course),
    nav: navView(course),
    publish: publishView(course),
  };
}

/** Files for hosts, feed readers and crawlers. */
function publishView(course: Course) {
  const gitDates = firstCommitDates(course.root);
  const urls = [
    "/",
    "/topics/",
    "/graph/",
    ...course.articles.map((a) => a.url),
    ...course.pages.map((p) => p.url),
    ...course.blocks.map((b) => blockUrl(b)),
    ...(course.glossary.length > 0 ? ["/glossary/"] : []),
    ...(course.bibliography.length > 0 ? ["/references/"] : []),
  ];
  return {
    sitemap: sitemapXml(course, urls),
    robots: robotsTxt(course),
    headers: headersFile(course.options.pathPrefix),
    feed: atomFeed(
      course,
      course.articles.map((a) => ({
        url: a.url,
        title: a.title,
        description: a.description,
        date: publishedDate(course.root, a.sourcePath, a.date, gitDates),
      })),
    ),
  };
}

export type SiteData = ReturnType<typeof computeSiteData>;

/** Data a generated page's template sees: the global, plus its pagination item if any. */
export interface PageData {
  syllabus: SiteData;
  article?: SiteData["articles"][number];
  page_?: SiteData["pages"][number];
  block?: SiteData["blocks"][number];
}

interface GeneratedPage {
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
  { name: "home", layout: "layouts/home.njk", permalink: "/" },
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
    permalink: "/topics/",
    title: (d) => d.syllabus.ui.allTopics,
  },
  {
    name: "graph",
    layout: "layouts/graph.njk",
    permalink: "/graph/",
    title: (d) => d.syllabus.ui.graphTitle,
  },
  { name: "graph-json", content: "{{ syllabus.graph.json | safe }}", permalink: "/graph.json" },
  {
    name: "sitemap",
    content: "{{ syllabus.publish.sitemap | safe }}",
    permalink: (d) => (d.syllabus.site.url ? "/sitemap.xml" : false),
  },
  { name: "robots", content: "{{ syllabus.publish.robots | safe }}", permalink: "/robots.txt" },
  { name: "feed", content: "{{ syllabus.publish.feed | safe }}", permalink: "/feed.xml" },
  { name: "headers", content: "{{ syllabus.publish.headers | safe }}", permalink: "/_headers" },
  {
    name: "not-found",
    layout: "layouts/not-found.njk",
    permalink: "/404.html",
    title: (d) => d.syllabus.ui.notFound,
  },
  {
    name: "search",
    layout: "layouts/search.njk",
    permalink: "/search/",
    title: (d) => d.syllabus.ui.search,
  },
  {
    name: "glossary",
    layout: "layouts/glossary.njk",
    permalink: (d) => (d.syllabus.glossary.terms.length > 0 ? "/glossary/" : false),
    title: (d) => d.syllabus.ui.glossary,
  },
  {
    name: "references",
    layout: "layouts/references.njk",
    permalink: (d) => (d.syllabus.bibliography.length > 0 ? "/references/" : false),
    title: (d) => d.syllabus.ui.bibliography,
  },
];
