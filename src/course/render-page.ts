/**
 * Renders one page of the course (article or page): its body with citations
 * and glossary links, its reference list; reuses the cached render when
 * nothing it depends on changed, and records its links for the link check.
 */
import type { PageCitationState } from "../citations/page-citations.js";
import type { ContentFiles } from "../source/content-files.js";
import type { SourceFile } from "../source/frontmatter.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { GlossaryLinking } from "../glossary/link-terms.js";
import type { SiteOptions } from "../schema/site-options.js";
import type { ScanResult } from "../shortcodes/scan-body.js";
import { idsIn, type LinkingPage } from "./internal-links.js";
import { renderBody, type RenderedBody, type RenderServices } from "../render/render-body.js";

export interface RenderedPage {
  body: RenderedBody;
  referencesHtml: string;
  citedIds: string[];
}

/** Where earlier renders are kept, by source path (the load cache). */
export interface PageCache {
  readonly pages: Map<string, { key: string; page: RenderedPage }>;
}

/** What rendering a page needs from the load, and where it records what it found. */
export interface PageRenderContext {
  diagnostics: Diagnostic[];
  render: RenderServices;
  options: SiteOptions;
  newCitations: () => PageCitationState | undefined;
  glossaryLinking: (slug: string | undefined) => GlossaryLinking | undefined;
  files: ContentFiles;
  /** What every page's rendering depends on besides its own text. */
  fingerprint: string;
  cache: PageCache | undefined;
  /** Every rendered page's links and ids, for the internal-link check. */
  linking: (LinkingPage & { ids: Set<string> })[];
}

/** The page as its body's shortcodes and templates see it. */
export interface PageIdentity {
  url: string;
  slug: string | undefined;
  title: string | undefined;
}

/**
 * Renders a page's body with its citations and glossary links, and records its links for checking.
 * A page is rendered again only when its text, or something every page
 * depends on (options, bibliography, glossary), changed since the cached render.
 */
export function renderPage(
  file: SourceFile,
  scan: ScanResult,
  page: PageIdentity,
  context: PageRenderContext,
): RenderedPage {
  const key = `${context.fingerprint}\u0000${page.url}\u0000${page.title ?? ""}\u0000${file.text}`;
  const cached = context.cache?.pages.get(file.path);
  const rendered =
    cached?.key === key ? cached.page : renderPageUncached(file, scan, page, context);
  context.cache?.pages.set(file.path, { key, page: rendered });
  context.diagnostics.push(...rendered.body.diagnostics);
  context.linking.push({
    url: page.url,
    links: rendered.body.links,
    ids: idsIn(rendered.body.html + rendered.referencesHtml),
  });
  return rendered;
}

function renderPageUncached(
  file: SourceFile,
  scan: ScanResult,
  page: PageIdentity,
  context: PageRenderContext,
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
  const referencesHtml =
    citations?.referencesHtml({ heading: ui.references, backToCitation: ui.backToCitation }) ?? "";
  return { body, referencesHtml, citedIds: citations?.citedIds ?? [] };
}
