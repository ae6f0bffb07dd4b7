/** Everything templates receive, as one global (`syllabus`), computed once per build. */
import type { Diagnostic } from "../core/diagnostics.js";
import type { AssetManifest } from "../publish/build-assets.js";
import type { Course } from "../course/course.js";
import {
  articlePages,
  bibliographyPageView,
  homeView,
  navView,
  pageViews,
} from "./article-view.js";
import { courseGraphSvg, graphJson, graphLegend, graphList } from "./graph-view.js";
import { timed } from "../core/phases.js";
import { firstCommitDates, publishedDate } from "../publish/dates.js";
import { contentSecurityPolicy, headersFile } from "../publish/content-security-policy.js";
import { atomFeed, robotsTxt, sitemapXml } from "../publish/feeds.js";
import { CARD_HEIGHT, CARD_WIDTH } from "../publish/social-cards.js";
import { blockUrl, SITE_PATHS } from "../core/urls.js";
import { difficultyViews } from "./article-link.js";
import { glossaryView } from "./glossary-view.js";
import { blockPageViews } from "./navigation.js";
import { problemsView } from "./problems-view.js";

/**
 * `problems` are the errors the dev server lists at the top of every page
 * (none in a production build, which writes nothing when there are errors).
 */
export function siteData(
  course: Course,
  assets: AssetManifest | undefined,
  problems: readonly Diagnostic[],
) {
  return timed("views", () => computeSiteData(course, assets, problems));
}

function computeSiteData(
  course: Course,
  assets: AssetManifest | undefined,
  problems: readonly Diagnostic[],
) {
  const articles = articlePages(course);
  return {
    site: course.options,
    /** The pages and files Syllabus writes (`/search/`, `/feed.xml`, …): templates link to these, never to literals. */
    paths: SITE_PATHS,
    csp: contentSecurityPolicy(course.options.embeds),
    ui: course.options.ui,
    assets,
    home: homeView(course),
    topics: { difficulties: difficultyViews(course.options.ui) },
    articles: articles.pages,
    /** An article page's view, computed while that page renders. */
    articleView: articles.view,
    pages: pageViews(course),
    blocks: blockPageViews(course),
    bibliography: bibliographyPageView(course),
    graph: {
      svg: courseGraphSvg(course),
      legend: graphLegend(course),
      list: graphList(course),
      json: graphJson(course),
    },
    glossary: glossaryView(course),
    nav: navView(course),
    publish: publishView(course),
    /** The size of social preview images, for `og:image:width` and `og:image:height`. */
    socialCard: { width: CARD_WIDTH, height: CARD_HEIGHT },
    problems: problemsView(problems, course.options.ui),
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
    headers: headersFile(course.options.pathPrefix, contentSecurityPolicy(course.options.embeds)),
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
