/**
 * Reads a course once: options, blocks, bibliography, every Markdown source;
 * checks them; renders bodies. Returns the `Course` that everything else
 * uses, with every problem found, so that one run reports them all.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import nunjucks from "nunjucks";
import { fingerprint, loadBibliography, type Bibliography } from "../citations/bibliography.js";
import { resolveStyle } from "../citations/csl-style.js";
import { CitationFormatter } from "../citations/formatter.js";
import { parseCiteArgument } from "../citations/locator.js";
import { PageCitationState } from "../citations/page-citations.js";
import type { Diagnostic } from "../diagnostics.js";
import { buildPrerequisiteGraph, type EdgeInput, type GraphNode } from "../graph/prerequisite-graph.js";
import { collectGlossary, TermMatcher, type GlossaryTerm, type TermDefinition } from "../glossary/glossary.js";
import { createMarkdown } from "../markdown/create-markdown.js";
import type { GlossaryLinking } from "../markdown/glossary-links.js";
import { LAYOUT_IDS } from "../markdown/headings.js";
import { createEnv } from "../markdown/render-context.js";
import { timed } from "../perf/phases.js";
import { DEFAULT_CITATION_STYLE, loadOptions, type SiteOptions } from "../options.js";
import { renderBody, SHORTCODE_NAMES, type RenderedBody, type RenderServices } from "../render/render-body.js";
import { scanBody, type ScanResult } from "../shortcodes/scan-body.js";
import { didYouMean } from "../suggest.js";
import { blockUrl, graphNodeId, isGeneratedUrl, isValidSlug, SITE_PATHS, topicUrl } from "../urls.js";
import { glossaryLetterIds } from "../glossary/glossary.js";
import { loadBlocks, titleFromSlug, type DeclaredBlock } from "./blocks.js";
import { readingMinutes, type Article, type Block, type Course, type Page, type PrerequisiteRef } from "./course.js";
import { findSources, type SourceKind } from "./find-sources.js";
import { parseSourceFile, type SourceFile } from "./frontmatter.js";
import { articleFrontmatter, checkFrontmatter, pageFrontmatter, type ArticleFrontmatter } from "./frontmatter-schema.js";
import { permalinkUrl } from "./permalink.js";
import { ContentFiles } from "./content-files.js";
import { checkInternalLinks, idsIn, type LinkingPage, type SiteIndex } from "../validation/internal-links.js";
import { parsePrerequisite } from "./prerequisites.js";

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
  readonly sources = new Map<string, { raw: string; file: SourceFile; problems: Diagnostic[]; scan: ScanResult }>();
  readonly pages = new Map<string, { key: string; page: RenderedPage }>();
  formatter: { key: string; formatter: CitationFormatter } | undefined;
}

export interface LoadResult {
  course: Course;
  diagnostics: Diagnostic[];
}


interface ParsedSource {
  origin: SourceKind;
  file: SourceFile;
  scan: ScanResult;
}

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

function load({ root, includeDrafts, keepPagesWithErrors = false, cache }: LoadOptions): LoadResult {
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
  const formatter = createFormatter(root, options, bibliography, published, diagnostics, locateOption, cache);

  // 3. The glossary, so that articles can link the terms they use.
  const glossary = collectGlossary(glossaryDefinitions(published));
  diagnostics.push(...glossary.diagnostics);
  const definitions = renderDefinitions(glossary.terms, renderServices(options), diagnostics);
  const matcher = options.glossaryLinks && glossary.terms.length > 0 ? new TermMatcher(glossary.terms) : undefined;

  // 4. Check frontmatter and render every page.
  const context: ReadContext = {
    diagnostics,
    render: renderServices(options),
    options,
    includeDrafts,
    keepPagesWithErrors,
    declaredBlocks: declaredBlocks.map((b) => b.slug),
    newCitations: () => (formatter ? new PageCitationState(formatter, bibliography.works) : undefined),
    glossaryLinking: (slug) => (matcher ? { matcher, definitions, slug, used: new Set() } : undefined),
    files: new ContentFiles(path.join(root, "content")),
    fingerprint: fingerprint(
      JSON.stringify([options, includeDrafts, bibliography.fingerprint, formatter?.style.name, formatter?.citedKeys, glossary.terms, matcher !== undefined]),
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

  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const blocks = groupIntoBlocks(articles, declaredBlocks, options);
  const drafts = new Set<string>();
  for (const { origin, file } of sources) {
    if (origin.kind === "article" && file.data.draft === true && !bySlug.has(origin.slug)) drafts.add(origin.slug);
  }
  const graph = buildPrerequisiteGraph(graphNodes(blocks), graphEdges(articles, drafts, diagnostics));
  diagnostics.push(...graph.diagnostics);
  for (const block of blocks) block.articles.sort((a, b) => graph.position(a.slug) - graph.position(b.slug));
  const ordered = graph.order.map((node) => bySlug.get(node.slug)!);
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
      glossary: glossary.terms.map((t) => ({ ...t, definitionHtml: definitions.get(t.id) ?? "", url: bySlug.get(t.slug)?.url, articleTitle: bySlug.get(t.slug)?.title })),
      bibliography: bibliographyView([...ordered, ...pages], bibliography, formatter),
    },
    diagnostics,
  };
}

/** Reads and parses a source, or takes it from the cache when the file is unchanged. */
function readSource(absolutePath: string, relativePath: string, cache: LoadCache | undefined) {
  const raw = readFileSync(absolutePath, "utf8");
  const cached = cache?.sources.get(absolutePath);
  if (cached?.raw === raw && cached.file.path === relativePath) return cached;
  const { file, diagnostics: problems } = parseSourceFile(relativePath, raw);
  const entry = { raw, file, problems, scan: scanBody(file.body, SHORTCODE_NAMES) };
  cache?.sources.set(absolutePath, entry);
  return entry;
}

interface ReadContext {
  diagnostics: Diagnostic[];
  render: RenderServices;
  options: SiteOptions;
  includeDrafts: boolean;
  keepPagesWithErrors: boolean;
  declaredBlocks: string[];
  newCitations: () => PageCitationState | undefined;
  glossaryLinking: (slug: string | undefined) => GlossaryLinking | undefined;
  files: ContentFiles;
  /** What every page's rendering depends on besides its own text. */
  fingerprint: string;
  cache: LoadCache | undefined;
  /** Every rendered page's links and ids, for the internal-link check. */
  linking: (LinkingPage & { ids: Set<string> })[];
}

/** The citation formatter for the works cited in `sources` (the pages this build publishes). */
function createFormatter(
  root: string,
  options: SiteOptions,
  bibliography: Bibliography,
  sources: ParsedSource[],
  diagnostics: Diagnostic[],
  locateOption: (key: string) => { file: string; line: number; column: number },
  cache: LoadCache | undefined,
): CitationFormatter | undefined {
  if (!bibliography.present) return undefined;
  let style = resolveStyle(root, options.citationStyle);
  if ("error" in style) {
    const hint = didYouMean(options.citationStyle, style.available);
    diagnostics.push({
      ...locateOption("citationStyle"),
      severity: "error",
      rule: "citation-style-unknown",
      message: `${style.error}: use one of ${style.available.join(", ")}, or put <name>.csl in _data/`,
      ...(hint ? { hint } : {}),
    });
    // Go on with the default style, so that every citation is still checked.
    style = resolveStyle(root, DEFAULT_CITATION_STYLE);
    if ("error" in style) return undefined;
  }
  const cited = new Set<string>();
  for (const { scan } of sources) {
    for (const segment of scan.segments) {
      if (segment.kind !== "tag" || segment.name !== "cite") continue;
      for (const arg of segment.args) {
        const parsed = parseCiteArgument(arg.value);
        if ("item" in parsed && bibliography.works.has(parsed.item.key)) cited.add(parsed.item.key);
      }
    }
  }
  const locale = options.lang === "en" ? "en-US" : options.lang;
  const key = JSON.stringify([bibliography.fingerprint, style.name, locale, [...cited].sort()]);
  if (cache?.formatter?.key === key) return cache.formatter.formatter;
  const formatter = new CitationFormatter(bibliography, style, locale, [...cited]);
  const problem = formatter.problem();
  if (problem !== undefined) {
    diagnostics.push({ ...locateOption("citationStyle"), severity: "error", rule: "citation-style-broken", message: `Citation style "${options.citationStyle}" cannot be used: ${problem}` });
    // Go on with the default style, so that every citation is still checked.
    const fallback = resolveStyle(root, DEFAULT_CITATION_STYLE);
    return "error" in fallback ? undefined : new CitationFormatter(bibliography, fallback, locale, [...cited]);
  }
  if (cache) cache.formatter = { key, formatter };
  return formatter;
}

function readArticle(slug: string, file: SourceFile, scan: ScanResult, context: ReadContext): Article | undefined {
  const { diagnostics, options, includeDrafts } = context;
  if (!isValidSlug(slug)) {
    diagnostics.push({
      file: file.path,
      line: 1,
      column: 1,
      severity: "error",
      rule: "article-slug",
      message: `Article slug "${slug}" is not a valid URL segment: use letters, digits and dashes`,
    });
  }
  const checked = file.frontmatterOk ? checkFrontmatter(articleFrontmatter, file) : { data: undefined, diagnostics: [] };
  diagnostics.push(...checked.diagnostics);
  const data = checked.data ?? (context.keepPagesWithErrors ? readableFrontmatter(file, slug) : undefined);
  const draft = data?.draft === true;
  if (draft && !includeDrafts) return undefined;

  const url = resolveUrl(data?.permalink, topicUrl(slug), file, diagnostics);
  const prerequisites = readPrerequisites(data, file, diagnostics);
  if (data?.block !== undefined && !isValidSlug(data.block)) {
    diagnostics.push({
      file: file.path,
      ...file.locateValue(["block"]),
      severity: "error",
      rule: "block-slug",
      message: `Block "${data.block}" is not a slug: use lowercase letters, digits and dashes, as in _data/blocks.json`,
    });
  } else if (data?.block !== undefined && !context.declaredBlocks.includes(data.block)) {
    const hint = didYouMean(data.block, context.declaredBlocks);
    diagnostics.push({
      file: file.path,
      ...file.locateValue(["block"]),
      severity: "warning",
      rule: "block-unknown",
      message: `Block "${data.block}" is not listed in _data/blocks.json; its title is made from its slug`,
      ...(hint ? { hint } : {}),
    });
  }
  const { body, referencesHtml, citedIds } = renderPage(file, scan, { url: url ?? topicUrl(slug), slug, title: data?.title }, context);
  if (!data || url === undefined) return undefined;
  const toc = referencesHtml ? [...body.toc, { level: 2 as const, id: "references", html: options.ui.references }] : body.toc;
  return {
    slug,
    url,
    sourcePath: file.path,
    title: data.title,
    description: data.description,
    difficulty: data.difficulty,
    blockSlug: data.block ?? "",
    order: data.order,
    category: data.category,
    glossary: data.glossary ?? [],
    draft,
    date: readDate(data.date, file, diagnostics),
    tags: typeof data.tags === "string" ? [data.tags] : (data.tags ?? []),
    prerequisites,
    html: body.html,
    referencesHtml,
    citedIds,
    toc,
    wordCount: body.wordCount,
    readingMinutes: readingMinutes(body.wordCount),
  };
}

function readPage(file: SourceFile, defaultUrl: string, scan: ScanResult, context: ReadContext): Page | undefined {
  const { diagnostics, includeDrafts } = context;
  const checked = file.frontmatterOk ? checkFrontmatter(pageFrontmatter, file) : { data: undefined, diagnostics: [] };
  diagnostics.push(...checked.diagnostics);
  const data = checked.data ?? (context.keepPagesWithErrors ? readableFrontmatter(file, defaultUrl) : undefined);
  if (data?.draft === true && !includeDrafts) return undefined;
  const url = resolveUrl(data?.permalink, defaultUrl, file, diagnostics);
  const { body, referencesHtml, citedIds } = renderPage(file, scan, { url: url ?? defaultUrl, slug: undefined, title: data?.title }, context);
  if (!data || url === undefined) return undefined;
  return {
    url,
    sourcePath: file.path,
    title: data.title,
    description: data.description ?? "",
    draft: data.draft === true,
    html: body.html + referencesHtml,
    citedIds,
    toc: body.toc,
  };
}

/** What can be used of invalid frontmatter: strings where strings belong, the rest left out. */
function readableFrontmatter(file: SourceFile, fallbackTitle: string): ArticleFrontmatter {
  const raw = file.data;
  const text = (key: string) => (typeof raw[key] === "string" && raw[key].trim() ? raw[key] : undefined);
  return { title: text("title") ?? fallbackTitle, description: text("description") ?? "", block: text("block") };
}

/** Renders a page's body with its citations and glossary links, and records its links for checking. */
interface RenderedPage {
  body: RenderedBody;
  referencesHtml: string;
  citedIds: string[];
}

/**
 * A page is rendered again only when its text, or something every page
 * depends on (options, bibliography, glossary), changed since the cached render.
 */
function renderPage(
  file: SourceFile,
  scan: ScanResult,
  page: { url: string; slug: string | undefined; title: string | undefined },
  context: ReadContext,
): RenderedPage {
  const key = `${context.fingerprint}\u0000${page.url}\u0000${page.title ?? ""}\u0000${file.text}`;
  const cached = context.cache?.pages.get(file.path);
  const rendered = cached?.key === key ? cached.page : renderPageUncached(file, scan, page, context);
  context.cache?.pages.set(file.path, { key, page: rendered });
  context.diagnostics.push(...rendered.body.diagnostics);
  context.linking.push({ url: page.url, links: rendered.body.links, ids: idsIn(rendered.body.html + rendered.referencesHtml) });
  return rendered;
}

function renderPageUncached(
  file: SourceFile,
  scan: ScanResult,
  page: { url: string; slug: string | undefined; title: string | undefined },
  context: ReadContext,
): RenderedPage {
  const citations = context.newCitations();
  const glossary = context.glossaryLinking(page.slug);
  const body = renderBody(file, context.render, {
    scan,
    ...(citations ? { citations } : {}),
    ...(glossary ? { glossary } : {}),
    page: { url: page.url, files: context.files },
    nunjucksContext: { site: context.options, page },
  });
  const { ui } = context.options;
  const referencesHtml = citations?.referencesHtml({ heading: ui.references, backToCitation: ui.backToCitation }) ?? "";
  return { body, referencesHtml, citedIds: citations?.citedIds ?? [] };
}

/** The page's URL: its permalink when it has one, else the default; undefined when it may not be published. */
function resolveUrl(
  permalink: string | false | undefined,
  fallback: string,
  file: SourceFile,
  diagnostics: Diagnostic[],
): string | undefined {
  if (permalink === undefined) return fallback;
  if (permalink === false) return undefined;
  const result = permalinkUrl(permalink);
  if ("url" in result) return result.url;
  diagnostics.push({
    file: file.path,
    ...file.locateValue(["permalink"]),
    severity: "error",
    rule: "permalink-outside-site",
    message: result.error,
  });
  return undefined;
}

function readPrerequisites(
  data: ArticleFrontmatter | undefined,
  file: SourceFile,
  diagnostics: Diagnostic[],
): PrerequisiteRef[] {
  const refs: PrerequisiteRef[] = [];
  (data?.prerequisites ?? []).forEach((item, index) => {
    const keyPath = typeof item === "string" ? ["prerequisites", index] : ["prerequisites", index, "url"];
    const at = file.locateValue(keyPath);
    const parsed = parsePrerequisite(item);
    if ("slug" in parsed) refs.push({ slug: parsed.slug, ...at });
    else {
      diagnostics.push({
        file: file.path,
        ...at,
        severity: "error",
        rule: "prerequisite-shape",
        message: parsed.error,
        ...(parsed.hint ? { hint: parsed.hint } : {}),
      });
    }
  });
  return refs;
}

/** Every URL the site will have, with the ids on each page where they are known. */
function siteIndex(
  context: ReadContext,
  blocks: Block[],
  articles: Article[],
  terms: GlossaryTerm[],
  citedWorkIds: Iterable<string>,
  options: SiteOptions,
): SiteIndex {
  const pages = new Map<string, ReadonlySet<string> | "any">();
  const articleUrls = new Set(articles.map((a) => a.url));
  for (const page of context.linking) {
    // Ids the layouts add: every page has main; articles have their sections too.
    const layoutIds = articleUrls.has(page.url) ? LAYOUT_IDS : ["main"];
    pages.set(page.url, new Set([...page.ids, ...layoutIds]));
  }
  for (const url of [SITE_PATHS.home, SITE_PATHS.topics, SITE_PATHS.search, SITE_PATHS.graphJson, SITE_PATHS.feed, SITE_PATHS.notFound, SITE_PATHS.robots]) {
    pages.set(url, "any");
  }
  if (options.url) pages.set(SITE_PATHS.sitemap, "any");
  for (const block of blocks) pages.set(blockUrl(block), "any");
  pages.set(SITE_PATHS.graph, new Set(articles.flatMap((a) => [graphNodeId(a.slug), `list-${a.slug}`])));
  if (terms.length > 0) pages.set(SITE_PATHS.glossary, new Set([...terms.map((t) => t.id), ...glossaryLetterIds(terms, options.lang)]));
  const cited = [...citedWorkIds];
  if (cited.length > 0) pages.set(SITE_PATHS.references, new Set(cited));
  return { pages, isFile: (p) => context.files.fileFor(p) !== undefined, siteOrigin: options.url };
}

/** Every well-formed glossary entry in the sources' frontmatter, with its location. */
function glossaryDefinitions(sources: ParsedSource[]): TermDefinition[] {
  const found: TermDefinition[] = [];
  for (const { origin, file } of sources) {
    if (origin.kind !== "article" || !Array.isArray(file.data.glossary)) continue;
    (file.data.glossary as unknown[]).forEach((entry, i) => {
      const { term, definition } = (entry ?? {}) as { term?: unknown; definition?: unknown };
      if (typeof term !== "string" || typeof definition !== "string" || !term.trim()) return;
      found.push({ term, definition, slug: origin.slug, file: file.path, ...file.locateValue(["glossary", i, "term"]) });
    });
  }
  return found;
}

/** Definitions as inline HTML (Markdown and math allowed), problems located at the entry. */
function renderDefinitions(terms: GlossaryTerm[], render: RenderServices, diagnostics: Diagnostic[]): Map<string, string> {
  return new Map(
    terms.map((t) => {
      const at = { file: t.file, line: t.line, column: t.column };
      const env = createEnv({ file: t.file, diagnostics, toc: [], locate: () => at });
      return [t.id, render.md.renderInline(t.definition, env)];
    }),
  );
}

function graphNodes(blocks: Block[]): GraphNode[] {
  return blocks.flatMap((block, blockIndex) =>
    block.articles.map((a) => ({
      slug: a.slug,
      title: a.title,
      blockIndex,
      blockTitle: block.title,
      order: a.order,
      readingMinutes: a.readingMinutes,
      file: a.sourcePath,
    })),
  );
}

/** Prerequisites as graph edges; those on drafts left out of this build are dropped, with a warning. */
function graphEdges(articles: Article[], drafts: ReadonlySet<string>, diagnostics: Diagnostic[]): EdgeInput[] {
  return articles.flatMap((a) =>
    a.prerequisites.flatMap((ref) => {
      if (!drafts.has(ref.slug)) return [{ from: ref.slug, to: a.slug, file: a.sourcePath, line: ref.line, column: ref.column }];
      diagnostics.push({
        file: a.sourcePath,
        line: ref.line,
        column: ref.column,
        severity: "warning",
        rule: "prerequisite-draft",
        message: `Prerequisite "${ref.slug}" is a draft, left out of this build`,
      });
      return [];
    }),
  );
}

/** Blocks in course order: declared ones first, then undeclared ones in order of first use. */
function groupIntoBlocks(articles: Article[], declared: DeclaredBlock[], options: SiteOptions): Block[] {
  const blocks = new Map<string, Block>(declared.map((b) => [b.slug, { ...b, declared: true, articles: [] }]));
  for (const article of articles) {
    let block = blocks.get(article.blockSlug);
    if (!block) {
      // Articles without a block form one block named after the course.
      const title = article.blockSlug === "" ? options.title : titleFromSlug(article.blockSlug);
      block = { slug: article.blockSlug, title, description: "", declared: false, articles: [] };
      blocks.set(article.blockSlug, block);
    }
    block.articles.push(article);
  }
  return [...blocks.values()].filter((b) => b.articles.length > 0);
}

/** Every work cited anywhere, with the pages citing it, for the course bibliography page. */
function bibliographyView(
  articles: (Article | Page)[],
  bibliography: Bibliography,
  formatter: CitationFormatter | undefined,
): Course["bibliography"] {
  if (!formatter) return [];
  const citing = new Map<string, (Article | Page)[]>();
  for (const article of articles) {
    for (const id of article.citedIds) citing.set(id, [...(citing.get(id) ?? []), article]);
  }
  return [...citing.keys()]
    .sort((a, b) => sortKey(bibliography, a).localeCompare(sortKey(bibliography, b)))
    .map((id) => ({
      id,
      entryHtml: formatter.entry(id),
      link: bibliography.works.get(id)?.link,
      citedBy: citing.get(id)!.map((a) => ({ url: a.url, title: a.title })),
    }));
}

/** Alphabetical by first author's family name, then year, then title. */
function sortKey(bibliography: Bibliography, id: string): string {
  const item = bibliography.works.get(id)?.item;
  const author = item?.author?.[0];
  const year = String(item?.issued?.["date-parts"]?.[0]?.[0] ?? "");
  return `${author?.family ?? author?.literal ?? item?.title ?? id}\u0000${year}\u0000${item?.title ?? ""}`.toLowerCase();
}

function readDate(value: string | Date | undefined, file: SourceFile, diagnostics: Diagnostic[]): Date | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  if (!Number.isNaN(date.getTime())) return date;
  diagnostics.push({
    file: file.path,
    ...file.locateValue(["date"]),
    severity: "warning",
    rule: "frontmatter-date",
    message: `Date ${JSON.stringify(value)} is not a date (write 2026-11-29); the feed dates the article by its first commit instead`,
  });
  return undefined;
}
