/**
 * Reads a course once and returns the `Course` that everything else uses,
 * with every problem found, so that one run reports them all. The steps, each
 * its own module: read (options, blocks, bibliography, every Markdown source)
 * → validate (frontmatter, URLs) → index the glossary → render every body →
 * format the citations, now that the works cited anywhere are known → order
 * the course by its blocks and prerequisite graph → check the links between
 * pages. This module only orders them.
 */
import path from "node:path";
import type { Environment } from "nunjucks";
import { fingerprint, loadBibliography } from "../citations/bibliography.js";
import { createFormatter } from "../citations/course-formatter.js";
import type { CitationFormatter } from "../citations/formatter.js";
import { citedKeysOf } from "../citations/locator.js";
import { malformedWorkDiagnostics } from "../citations/malformed-works.js";
import { PageCitationState } from "../citations/page-citations.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { timed } from "../core/phases.js";
import { normalizePathPrefix } from "../core/urls.js";
import { glossaryDefinitions } from "../glossary/course-glossary.js";
import { collectGlossary, TermMatcher } from "../glossary/glossary.js";
import { buildPrerequisiteGraph } from "../graph/prerequisite-graph.js";
import { createTemplateEnvironment } from "../render/body-templates.js";
import { bodyMarkdown } from "../render/create-renderer.js";
import type { RenderedBody } from "../render/render-body.js";
import { renderInlineText } from "../render/render-inline.js";
import { loadBlocks } from "../schema/blocks.js";
import { loadOptions } from "../schema/site-options.js";
import { ContentFiles } from "../source/content-files.js";
import { contentInventory } from "../source/content-inventory.js";
import { readSource, type CachedSource, type ParsedSource } from "../source/read-source.js";
import { bibliographyView } from "./bibliography-view.js";
import { groupIntoBlocks } from "./blocks.js";
import type { Article, Course, Page } from "./course.js";
import { graphEdges, graphNodes } from "./graph-input.js";
import { checkInternalLinks, type LinkingPage } from "./internal-links.js";
import {
  finishArticle,
  finishPage,
  readArticle,
  readPage,
  type ReadContext,
  type ReadSource,
} from "./read-pages.js";
import { finishPageBody, renderPageBody, type BodyRenderContext } from "./render-page.js";
import { SitePathClaims } from "./site-path-claims.js";
import { siteIndex } from "./site-index.js";

export interface LoadOptions {
  /** Project root: holds `content/` and `_data/`. */
  root: string;
  /** Drafts are built in development and left out of production builds. */
  includeDrafts: boolean;
  /** Reuse what an earlier load in this process parsed and rendered (the dev server reloads on every save). */
  cache?: LoadCache;
  /**
   * The path prefix the site is served under, when the run decided it (from
   * the command line or PATH_PREFIX): it overrides `pathPrefix` in site.json,
   * so that every URL the course's views make carries it.
   */
  pathPrefix?: string;
}

/** What one load can hand to the next: parsed sources, rendered bodies, the citation formatter. */
export class LoadCache {
  readonly sources = new Map<string, CachedSource>();
  readonly pages = new Map<string, { key: string; body: RenderedBody }>();
  formatter: { key: string; formatter: CitationFormatter } | undefined;
}

export interface LoadResult {
  course: Course;
  diagnostics: Diagnostic[];
}

export function loadCourse(options: LoadOptions): LoadResult {
  return timed("load", () => load(options));
}

function load({ root, includeDrafts, cache, pathPrefix }: LoadOptions): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const { options, diagnostics: optionProblems, locate: locateOption } = loadOptions(root);
  if (pathPrefix !== undefined) options.pathPrefix = normalizePathPrefix(pathPrefix);
  const { blocks: declaredBlocks, diagnostics: blockProblems } = loadBlocks(root);
  const { bibliography, diagnostics: bibliographyProblems } = loadBibliography(root);
  diagnostics.push(...optionProblems, ...blockProblems, ...bibliographyProblems);

  // Read every source.
  // Every entry of content/: the Markdown sources, the checked files beside them, and what may not be there.
  const found = contentInventory(root, {
    extensions: options.publishedFileExtensions,
    embeds: options.embeds,
  });
  diagnostics.push(...found.diagnostics);
  const sources: ParsedSource[] = found.sources.map((source) => {
    const { file, problems } = readSource(source.absolutePath, source.path, cache);
    diagnostics.push(...problems);
    return { origin: source.origin, file };
  });

  // Validate each: frontmatter, URL. Drafts are left out of production builds.
  const read: ReadContext = {
    diagnostics,
    includeDrafts,
    declaredBlocks: declaredBlocks.map((b) => b.slug),
  };
  const included = sources.flatMap(({ origin, file }) => {
    const source =
      origin.kind === "article"
        ? readArticle(origin.slug, file, read)
        : readPage(file, origin.url, read);
    return source ? [source] : [];
  });
  const claims = new SitePathClaims(diagnostics);

  // Index the glossary, so that articles can link the terms they use.
  const published = sources.filter((s) => includeDrafts || s.file.data.draft !== true);
  const glossary = collectGlossary(glossaryDefinitions(published));
  diagnostics.push(...glossary.diagnostics);
  const markdown = bodyMarkdown();
  const definitions = new Map(
    glossary.terms.map((t) => [
      t.id,
      renderInlineText(
        markdown,
        t.definition,
        { file: t.file, line: t.line, column: t.column },
        options.ui,
        diagnostics,
        { embeds: options.embeds },
      ),
    ]),
  );
  const matcher =
    options.glossaryLinks && glossary.terms.length > 0
      ? new TermMatcher(glossary.terms)
      : undefined;

  // Render every body, its citations left as markers.
  const files = new ContentFiles(found.files);
  const rendering: BodyRenderContext = {
    markdown,
    options,
    templates: options.bodyTemplates ? templateEnvironment(root) : undefined,
    citations: bibliography.present,
    // Terms are linked in articles (a page has no slug).
    glossaryLinking: (slug) =>
      matcher && slug !== undefined ? { matcher, definitions, slug, used: new Set() } : undefined,
    files,
    fingerprint: fingerprint(
      JSON.stringify([options, bibliography.present, glossary.terms, matcher !== undefined]),
    ),
    cache,
  };
  const bodies = included.map((source) => renderPageBody(source.file, source.identity, rendering));

  // Format the citations: once for the works cited on the pages this build publishes, then page by page.
  const citeArguments = bodies.flatMap((body) =>
    body.citations.flatMap((call) => call.args.map((arg) => arg.value)),
  );
  // Malformed bibliography entries: errors when cited here, else warnings.
  diagnostics.push(...malformedWorkDiagnostics(bibliography, citedKeysOf(citeArguments)));
  const formatter = createFormatter(
    root,
    options,
    bibliography,
    citeArguments,
    diagnostics,
    locateOption,
    cache,
  );
  const linking: (LinkingPage & { ids: Set<string> })[] = [];
  const articles: Article[] = [];
  const pages: Page[] = [];
  included.forEach((source: ReadSource, i) => {
    const citations = formatter ? new PageCitationState(formatter, bibliography) : undefined;
    const body = finishPageBody(
      source.identity,
      bodies[i]!,
      citations,
      options,
      diagnostics,
      linking,
    );
    if (
      !source.head ||
      !claims.page(source.head.url, source.file.path, {
        file: source.file.path,
        ...source.file.locate(["permalink"]),
      })
    )
      return;
    if (source.kind === "article") articles.push(finishArticle(source.head, body, options.ui));
    else pages.push(finishPage(source.head, body));
  });
  const contentFiles = found.files.filter((file) => claims.file(file.sitePath, file.path));

  // Blocks and the prerequisite graph, which sets the course order.
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

  // Links between pages, checked once every page's URL and ids are known.
  const cited = new Set([...ordered, ...pages].flatMap((p) => p.citedIds));
  const index = siteIndex({ linking, files }, blocks, ordered, glossary.terms, cited, options);
  diagnostics.push(...checkInternalLinks(linking, index, options.brokenLinks));
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
      contentFiles,
      favicon: found.favicon,
    },
    diagnostics,
  };
}

/** The Nunjucks environment of `bodyTemplates`, one per project: includes come from its `_includes/`. */
const templateEnvironments = new Map<string, Environment>();
function templateEnvironment(root: string): Environment {
  let environment = templateEnvironments.get(root);
  if (!environment) {
    environment = createTemplateEnvironment(path.join(root, "_includes"));
    templateEnvironments.set(root, environment);
  }
  return environment;
}
