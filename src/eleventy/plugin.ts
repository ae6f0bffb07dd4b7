/**
 * The one file that touches Eleventy. It loads the course once per build,
 * hands templates ready-made views, and registers the generated pages.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { fileURLToPath } from "node:url";
import { buildAssets } from "../publish/build-assets.js";
import type { Course } from "../course/course.js";
import { LoadCache, loadCourse } from "../course/load-course.js";
import { timedAsync } from "../core/phases.js";
import { absoluteUrl } from "../publish/site-urls.js";
import { cardPath, writeSocialCards } from "../publish/social-cards.js";
import { buildSearchIndex } from "../publish/search-index.js";
import { searchDocuments } from "../publish/search-documents.js";
import { formatReport, hasErrors, sortDiagnostics, type Diagnostic } from "../core/diagnostics.js";
import { SITE_PATHS } from "../core/urls.js";
import { siteData, type SiteData } from "../views/site-data.js";

/** The few Eleventy config methods we use (its own types need allowJs). */
export interface EleventyConfig {
  addTemplate(virtualPath: string, content: string, data?: object): void;
  addGlobalData(name: string, data: unknown): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  addWatchTarget(target: string): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  setNunjucksEnvironmentOptions(options: object): void;
  setServerOptions?(options: object): void;
  on(event: string, handler: (...args: never[]) => unknown): void;
  setInputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  setTemplateFormats(formats: string[]): void;
  setQuietMode(quiet: boolean): void;
  addPlugin(plugin: (config: never, options?: object) => void, options?: object): void;
  ignores: { add(pattern: string): void };
  directories: { output: string };
}

export interface SyllabusOptions {
  /** Project root: holds `content/` and `_data/`. */
  root: string;
  /** Include drafts (development) or leave them out (production). */
  includeDrafts?: boolean;
  /** A course already loaded and checked (by the build command), reused instead of loading again. */
  course?: Course;
  /** Called with the problems of each load, for the dev server to report them. */
  onDiagnostics?: (diagnostics: Diagnostic[]) => void;
  /** Show the course's errors at the top of every page, and keep pages that have them (the dev server). */
  showProblemsInPages?: boolean;
}

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Layout folder of Syllabus itself, shared by every course. */
export const INCLUDES_DIR = path.join(PACKAGE_ROOT, "_includes");
const FAVICON = path.join(PACKAGE_ROOT, "src/assets/favicon.svg");

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

export function syllabus(config: EleventyConfig, options: SyllabusOptions): void {
  const root = path.resolve(options.root);
  // Relative to the working directory, as Eleventy expects: passthrough globs
  // below are then written relative to the input folder.
  const input =
    path.relative(process.cwd(), path.join(root, "content")).split(path.sep).join("/") || ".";
  let course = options.course;
  let preloaded = course !== undefined;

  const load = () => {
    if (preloaded) {
      preloaded = false;
      return;
    }
    const result = loadCourse({
      root,
      includeDrafts: options.includeDrafts ?? false,
      keepPagesWithErrors: options.showProblemsInPages ?? false,
      cache,
    });
    course = result.course;
    problems = options.showProblemsInPages
      ? sortDiagnostics(result.diagnostics.filter((d) => d.severity === "error"))
      : [];
    options.onDiagnostics?.(result.diagnostics);
    if (!options.onDiagnostics && result.diagnostics.length > 0)
      process.stderr.write(formatReport(result.diagnostics));
    if (hasErrors(result.diagnostics) && !options.onDiagnostics) {
      throw new Error("The course has errors (listed above).");
    }
  };
  let problems: Diagnostic[] = [];
  // Each rebuild of the dev server reuses what the previous one parsed and rendered.
  const cache = new LoadCache();
  const current = (): Course => {
    if (!course) load();
    return course!;
  };

  // Social cards are drawn, and in the dev server the search index built,
  // after the first build only, so that an edit reloads quickly. (The
  // production build indexes search itself, alongside Eleventy.)
  let published = false;
  config.on(
    "eleventy.after",
    async ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
      if (published && runMode !== "build") return;
      published = true;
      const outDir = path.resolve(directories.output);
      const c = current();
      const articles = c.articles.map((a) => ({
        slug: a.slug,
        title: a.title,
        blockTitle: c.graph.node(a.slug)?.blockTitle ?? "",
      }));
      await timedAsync("social", () =>
        Promise.resolve(
          writeSocialCards(outDir, { options: c.options, articles }, (file, data) => {
            mkdirSync(path.dirname(file), { recursive: true });
            writeFileSync(file, data);
          }),
        ),
      );
      if (runMode !== "build") {
        const result = await buildSearchIndex(outDir, searchDocuments(c));
        for (const error of result.errors) process.stderr.write(`search index: ${error}\n`);
      }
    },
  );

  config.on("eleventy.before", async () => {
    load();
    assets = await timedAsync("assets", () => buildAssets(path.resolve(config.directories.output)));
  });
  let assets: Awaited<ReturnType<typeof buildAssets>> | undefined;

  // Every URL in the HTML we write is site-absolute (`/topics/x/`); this puts the path prefix in front.
  config.addPlugin(HtmlBasePlugin);
  // Frozen: Eleventy deep-copies plain data into every template and every
  // paginated page, which at thousands of articles costs gigabytes; it shares
  // frozen objects instead.
  config.addGlobalData("syllabus", () =>
    Object.freeze({ ...siteData(current(), assets), problems }),
  );
  // Absolute URLs for canonical links and social previews (undefined without `url` in site.json).
  config.addFilter("absoluteUrl", (sitePath: string) => absoluteUrl(current().options, sitePath));
  config.addFilter("socialCard", (slug: string | undefined) => cardPath(current().options, slug));
  config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
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

  // Markdown is ours to render (see content/load-course.ts); Eleventy copies
  // everything else beside it (images, downloads) and lays pages out.
  config.ignores.add("**/*.md");
  // Every other file beside the content (images, data, downloads) is published as it is.
  config.addPassthroughCopy(`${input}/**/*.!(md|njk)`);
  config.addPassthroughCopy({ [path.relative(process.cwd(), FAVICON)]: "favicon.svg" });
  config.addWatchTarget(input);

  // The build command prints its own summary.
  if (options.course) config.setQuietMode(true);
  config.setInputDirectory(input);
  config.setIncludesDirectory(path.relative(path.resolve(input), INCLUDES_DIR));
  // `_data/` is ours to read and check (src/options.ts, blocks, bibliography); Eleventy would stop at
  // a malformed file with a stack trace. Point it at a folder that holds no data, and watch ours.
  config.setDataDirectory(
    path.relative(path.resolve(input), path.join(root, "_data", "eleventy-data-unused")),
  );
  config.addWatchTarget(path.relative(process.cwd(), path.join(root, "_data")));
  config.setTemplateFormats(["njk"]);
}
