/** Everything templates receive, as one global (`syllabus`), computed once per build. */
import type { AssetManifest } from "../publish/build-assets.js";
import type { Course } from "../course/course.js";
import {
  articlePages,
  bibliographyPageView,
  homeView,
  navView,
  pageViews,
} from "./article-view.js";
import { courseGraphSvg, graphJson, graphList } from "./graph-view.js";
import { timed } from "../core/phases.js";
import { firstCommitDates, publishedDate } from "../publish/dates.js";
import { CONTENT_SECURITY_POLICY, headersFile } from "../publish/content-security-policy.js";
import { atomFeed, robotsTxt, sitemapXml } from "../publish/feeds.js";
import { blockUrl, SITE_PATHS } from "../core/urls.js";
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
    SITE_PATHS.home,
    SITE_PATHS.topics,
    SITE_PATHS.graph,
    ...course.articles.map((a) => a.url),
    ...course.pages.map((p) => p.url),
    ...course.blocks.map((b) => blockUrl(b)),
    ...(course.glossary.length > 0 ? [SITE_PATHS.glossary] : []),
    ...(course.bibliography.length > 0 ? [SITE_PATHS.references] : []),
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
