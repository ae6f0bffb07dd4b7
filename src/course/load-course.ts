/**
 * Reads a course once: options, blocks, bibliography, every Markdown source;
 * checks them; renders bodies. Returns the `Course` that everything else
 * uses, with every problem found, so that one run reports them all.
 *
 * This module only orders the steps; each step is its own module.
 */
import path from "node:path";
import nunjucks from "nunjucks";
import { fingerprint, loadBibliography } from "../citations/bibliography.js";
import { bibliographyView } from "./bibliography-view.js";
import { createFormatter } from "../citations/course-formatter.js";
import type { CitationFormatter } from "../citations/formatter.js";
import { PageCitationState } from "../citations/page-citations.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { glossaryDefinitions, renderDefinitions } from "../glossary/course-glossary.js";
import { collectGlossary, TermMatcher } from "../glossary/glossary.js";
import { graphEdges, graphNodes } from "./graph-input.js";
import { buildPrerequisiteGraph } from "../graph/prerequisite-graph.js";
import { createMarkdown } from "../markdown/create-markdown.js";
import { loadOptions, type SiteOptions } from "../schema/site-options.js";
import { timed } from "../core/phases.js";
import type { RenderServices } from "../render/render-body.js";
import type { RenderedPage } from "./render-page.js";
import { isGeneratedUrl } from "../core/urls.js";
import { checkInternalLinks } from "./internal-links.js";
import { siteIndex } from "./site-index.js";
import { groupIntoBlocks, loadBlocks } from "./blocks.js";
import { ContentFiles } from "../source/content-files.js";
import type { Article, Course, Page } from "./course.js";
import { findSources } from "../source/find-sources.js";
import type { SourceFile } from "../source/frontmatter.js";
import { readArticle, readPage, type ReadContext } from "./read-pages.js";
import { readSource, type CachedSource, type ParsedSource } from "../source/read-source.js";

export interface LoadOptions {
  /** Project root: holds `content/` and `_data/`. */
  root: string;
  /** Drafts are built in development and left out of production builds. */
  includeDrafts: boolean;
  /**
   * Keep a page whose frontmatter is invalid, with what could be read (the dev
   * server shows it with its problems, instead of a stale or missing page).
   */
  keepPagesWithErrors?: boolean;
  /** Reuse what an earlier load in this process parsed and rendered (the dev server reloads on every save). */
  cache?: LoadCache;
}

/** What one load can hand to the next: parsed sources, rendered pages, the citation formatter. */
export class LoadCache {
  readonly sources = new Map<string, CachedSource>();
  readonly pages = new Map<string, { key: string; page: RenderedPage }>();
  formatter: { key: string; formatter: CitationFormatter } | undefined;
}

export interface LoadResult {
  course: Course;
  diagnostics: Diagnostic[];
}

/**
 * The configured markdown-it and Nunjucks, built once per process and shared
 * by every load (the dev server loads again on each save). Safe to share:
 * they keep no per-page state, which lives in each render's env.
 */
let sharedServices: Omit<RenderServices, "ui"> | undefined;

function renderServices(options: SiteOptions): RenderServices {
  sharedServices ??= {
    md: createMarkdown(),
    nunjucks: new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: false }),
  };
  return { ...sharedServices, ui: options.ui };
}

export function loadCourse(options: LoadOptions): LoadResult {
  return timed("load", () => load(options));
}

function load({
  root,
  includeDrafts,
  keepPagesWithErrors = false,
  cache,
}: LoadOptions): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const { options, diagnostics: optionProblems, locate: locateOption } = loadOptions(root);
  const { blocks: declaredBlocks, diagnostics: blockProblems } = loadBlocks(root);
  const { bibliography, diagnostics: bibliographyProblems } = loadBibliography(root);
  diagnostics.push(...optionProblems, ...blockProblems, ...bibliographyProblems);

  // 1. Read and scan every source, so that citations can be prepared for the whole course.
  const sources: ParsedSource[] = findSources(root, path.join(root, "content")).map((source) => {
    const { file, problems, scan } = readSource(source.absolutePath, source.path, cache);
    diagnostics.push(...problems);
    return { origin: source.origin, file, scan };
  });

  // 2. Format the works cited anywhere once.
  const published = includeDrafts ? sources : sources.filter((s) => s.file.data.draft !== true);
  const formatter = createFormatter(
    root,
    options,
    bibliography,
    published,
    diagnostics,
    locateOption,
    cache,
  );

  // 3. The glossary, so that articles can link the terms they use.
  const glossary = collectGlossary(glossaryDefinitions(published));
  diagnostics.push(...glossary.diagnostics);
  const definitions = renderDefinitions(glossary.terms, renderServices(options), diagnostics);
  const matcher =
    options.glossaryLinks && glossary.terms.length > 0
      ? new TermMatcher(glossary.terms)
      : undefined;

  // 4. Check frontmatter and render every page.
  const context: ReadContext = {
    diagnostics,
    render: renderServices(options),
    options,
    includeDrafts,
    keepPagesWithErrors,
    declaredBlocks: declaredBlocks.map((b) => b.slug),
    newCitations: () =>
      formatter ? new PageCitationState(formatter, bibliography.works) : undefined,
    glossaryLinking: (slug) =>
      matcher ? { matcher, definitions, slug, used: new Set() } : undefined,
    files: new ContentFiles(path.join(root, "content")),
    fingerprint: fingerprint(
      JSON.stringify([
        options,
        includeDrafts,
        bibliography.fingerprint,
        formatter?.style.name,
        formatter?.citedKeys,
        glossary.terms,
        matcher !== undefined,
      ]),
    ),
    linking: [],
    cache,
  };
  const urlOwners = new Map<string, string>();
  const claim = (url: string, file: SourceFile) => {
    const owner = isGeneratedUrl(url) ? "a page Syllabus generates" : urlOwners.get(url);
    if (owner === undefined) {
      urlOwners.set(url, file.path);
      return true;
    }
    diagnostics.push({
      file: file.path,
      ...file.locate(["permalink"]),
      severity: "error",
      rule: "duplicate-url",
      message: `URL ${url} is already claimed by ${owner}`,
    });
    return false;
  };

  const articles: Article[] = [];
  const pages: Page[] = [];
  for (const { origin, file, scan } of sources) {
    if (origin.kind === "article") {
      const article = readArticle(origin.slug, file, scan, context);
      if (article && claim(article.url, file)) articles.push(article);
    } else {
      const page = readPage(file, origin.url, scan, context);
      if (page && claim(page.url, file)) pages.push(page);
    }
  }

  // 5. Blocks and the prerequisite graph, which sets the course order.
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const blocks = groupIntoBlocks(articles, declaredBlocks, options);
  const drafts = new Set<string>();
  for (const { origin, file } of sources) {
    if (origin.kind === "article" && file.data.draft === true && !bySlug.has(origin.slug))
      drafts.add(origin.slug);
  }
  const graph = buildPrerequisiteGraph(
    graphNodes(blocks),
    graphEdges(articles, drafts, diagnostics),
  );
  diagnostics.push(...graph.diagnostics);
  for (const block of blocks)
    block.articles.sort((a, b) => graph.position(a.slug) - graph.position(b.slug));
  const ordered = graph.order.map((node) => bySlug.get(node.slug)!);

  // 6. Internal links, checked once every page's URL and ids are known.
  const cited = new Set([...ordered, ...pages].flatMap((p) => p.citedIds));
  const index = siteIndex(context, blocks, ordered, glossary.terms, cited, options);
  diagnostics.push(...checkInternalLinks(context.linking, index, options.brokenLinks));
  return {
    course: {
      root,
      options,
      blocks,
      articles: ordered,
      pages,
      bySlug,
      graph,
      glossary: glossary.terms.map((t) => ({
        ...t,
        definitionHtml: definitions.get(t.id) ?? "",
        url: bySlug.get(t.slug)?.url,
        articleTitle: bySlug.get(t.slug)?.title,
      })),
      bibliography: bibliographyView([...ordered, ...pages], bibliography, formatter),
    },
    diagnostics,
  };
}
