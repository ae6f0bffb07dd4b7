/**
 * The Syllabus plugin: the one place that configures Eleventy. It hands
 * templates ready-made views of the course its session gives, registers the
 * generated pages, and publishes assets, the checked files beside the
 * content, the favicon and social cards (and, in the dev server, the search
 * index) after each build. Nothing in content/ is an Eleventy template or
 * data file: Eleventy only lays out the pages we generate.
 */
import path from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { fileURLToPath } from "node:url";
import { SITE_PATHS } from "../core/urls.js";
import { buildAssets } from "../publish/build-assets.js";
import { ContentFileCopier } from "../publish/copy-content-files.js";
import { timedAsync } from "../core/phases.js";
import { absoluteUrl } from "../publish/site-urls.js";
import { cardPath, writeSocialCards } from "../publish/social-cards.js";
import { buildSearchIndex } from "../publish/search-index.js";
import { searchDocuments } from "../publish/search-documents.js";
import { writeSiteFile } from "../publish/write-file.js";
import { siteData } from "../views/site-data.js";
import type { CourseSession } from "./course-session.js";
import type { EleventyConfig } from "./eleventy-config.js";
import { registerGeneratedPages } from "./generated-pages.js";

export type { EleventyConfig } from "./eleventy-config.js";

export interface SyllabusOptions {
  /** Project root: holds `content/` and `_data/`. */
  root: string;
  /** Where the course comes from, with the run's policy (build or dev server). */
  session: CourseSession;
  /** Called when a build has written everything (the dev server's tests and benchmark wait for it). */
  onBuilt?: () => void;
}

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Layout folder of Syllabus itself, shared by every course. */
export const INCLUDES_DIR = path.join(PACKAGE_ROOT, "_includes");
const FAVICON = path.join(PACKAGE_ROOT, "src/assets/favicon.svg");

export function syllabus(config: EleventyConfig, options: SyllabusOptions): void {
  const root = path.resolve(options.root);
  const { session } = options;
  // Relative to the working directory, as Eleventy expects its folders and ignores.
  const input =
    path.relative(process.cwd(), path.join(root, "content")).split(path.sep).join("/") || ".";
  const current = () => session.course;

  // Social cards are drawn, and in the dev server the search index built,
  // after the first build only, so that an edit reloads quickly. (The
  // production build indexes search itself, alongside Eleventy.)
  let published = false;
  const files = new ContentFileCopier();
  config.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    const outDir = path.resolve(directories.output);
    // Every build, so that the dev server publishes a new or changed file and drops one that fails its check.
    const c = current();
    files.publish(outDir, [
      ...c.contentFiles,
      { sitePath: SITE_PATHS.favicon, absolutePath: c.favicon ?? FAVICON },
    ]);
    if (!published || !session.rebuilds) await publish(outDir);
    published = true;
    options.onBuilt?.();
  });
  const publish = async (outDir: string) => {
    const c = current();
    const articles = c.articles.map((a) => ({
      slug: a.slug,
      title: a.title,
      blockTitle: c.graph.node(a.slug)?.blockTitle ?? "",
    }));
    await timedAsync("social", () =>
      Promise.resolve(writeSocialCards(outDir, { options: c.options, articles }, writeSiteFile)),
    );
    if (session.rebuilds) {
      const result = await buildSearchIndex(outDir, searchDocuments(c));
      for (const error of result.errors) process.stderr.write(`search index: ${error}\n`);
    }
  };

  config.on("eleventy.before", async () => {
    session.beforeBuild();
    assets = await timedAsync("assets", () => buildAssets(path.resolve(config.directories.output)));
  });
  let assets: Awaited<ReturnType<typeof buildAssets>> | undefined;

  // Every URL in the HTML we write is site-absolute (`/topics/x/`); this puts the path prefix in front.
  config.addPlugin(HtmlBasePlugin);
  // Frozen: Eleventy deep-copies plain data into every template and every
  // paginated page, which at thousands of articles costs gigabytes; it shares
  // frozen objects instead.
  config.addGlobalData("syllabus", () =>
    Object.freeze(siteData(current(), assets, session.problems)),
  );
  // Absolute URLs for canonical links and social previews (undefined without `url` in site.json).
  config.addFilter("absoluteUrl", (sitePath: string) => absoluteUrl(current().options, sitePath));
  config.addFilter("socialCard", (slug: string | undefined) => cardPath(current().options, slug));
  config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  registerGeneratedPages(config);

  // Content is data: Markdown is ours to render (see course/load-course.ts),
  // the files beside it are checked and copied above, and nothing in content/
  // is an Eleventy template, in any format: only our generated (virtual)
  // pages are, and Eleventy's ignores do not apply to those.
  config.ignores.add(`${input}/**`);
  // Nor does Eleventy read data files beside templates (`*.11tydata.js` would run as code).
  config.setDataFileSuffixes([]);
  config.addWatchTarget(input);

  // The build command prints its own summary.
  if (!session.rebuilds) config.setQuietMode(true);
  config.setInputDirectory(input);
  config.setIncludesDirectory(path.relative(path.resolve(input), INCLUDES_DIR));
  // `_data/` is ours to read and check (src/schema/: options, blocks; the bibliography); Eleventy would stop at
  // a malformed file with a stack trace. Point it at a folder that holds no data, and watch ours.
  config.setDataDirectory(
    path.relative(path.resolve(input), path.join(root, "_data", "eleventy-data-unused")),
  );
  config.addWatchTarget(path.relative(process.cwd(), path.join(root, "_data")));
  // With bodyTemplates, bodies include from the course's own _includes/.
  config.addWatchTarget(path.relative(process.cwd(), path.join(root, "_includes")));
  config.setTemplateFormats(["njk"]);
}
