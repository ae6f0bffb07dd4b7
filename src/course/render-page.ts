/**
 * Renders the pages of the course in two steps. First each body, with its
 * glossary links and its citations left as markers (reusing the cached render
 * when nothing it depends on changed); then, once every page is rendered and
 * the works cited anywhere are known (citation styles disambiguate across the
 * course), each page's citations are formatted in document order, with its
 * reference list, and its links recorded for the link check.
 */
import type { Environment } from "nunjucks";
import type { PageCitationState } from "../citations/page-citations.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { GlossaryLinking } from "../glossary/link-terms.js";
import type { BodyMarkdown } from "../render/create-renderer.js";
import { renderBody, resolveCitations, type RenderedBody } from "../render/render-body.js";
import type { SiteOptions } from "../schema/site-options.js";
import type { ContentFiles } from "../source/content-files.js";
import type { SourceFile } from "../source/frontmatter.js";
import { idsIn, type LinkingPage } from "./internal-links.js";
import type { PageBody, PageIdentity } from "./read-pages.js";

/** Where earlier renders are kept, by source path (the load cache). */
export interface PageCache {
  readonly pages: Map<string, { key: string; body: RenderedBody }>;
}

/** What rendering a body needs from the load. */
export interface BodyRenderContext {
  markdown: BodyMarkdown;
  options: SiteOptions;
  /** The Nunjucks environment bodies run in, when the course turns on `bodyTemplates`. */
  templates: Environment | undefined;
  /** Whether the course has a bibliography. */
  citations: boolean;
  glossaryLinking: (slug: string | undefined) => GlossaryLinking | undefined;
  files: ContentFiles;
  /** What every body's rendering depends on besides its own text. */
  fingerprint: string;
  cache: PageCache | undefined;
}

/** Renders a page's body, or takes it from the cache when nothing it depends on changed. */
export function renderPageBody(
  file: SourceFile,
  page: PageIdentity,
  context: BodyRenderContext,
): RenderedBody {
  const key = `${context.fingerprint}\u0000${page.url}\u0000${page.title ?? ""}\u0000${file.text}`;
  // With bodyTemplates a body depends on the includes it uses, which are not known: it is never reused.
  const cached = context.templates ? undefined : context.cache?.pages.get(file.path);
  if (cached?.key === key) return cached.body;
  const glossary = context.glossaryLinking(page.slug);
  const body = renderBody(file, context.markdown, {
    ui: context.options.ui,
    embeds: context.options.embeds,
    citations: context.citations,
    glossary,
    page: { url: page.url, files: context.files },
    templates: context.templates && {
      environment: context.templates,
      context: { site: context.options, page },
    },
  });
  context.cache?.pages.set(file.path, { key, body });
  return body;
}

/**
 * The page's final HTML: its citations formatted (problems with their keys
 * reported), its reference list, and its links and ids recorded for checking.
 */
export function finishPageBody(
  page: PageIdentity,
  body: RenderedBody,
  citations: PageCitationState | undefined,
  options: SiteOptions,
  diagnostics: Diagnostic[],
  linking: (LinkingPage & { ids: Set<string> })[],
): PageBody {
  diagnostics.push(...body.diagnostics);
  const html = citations
    ? resolveCitations(body, (call) =>
        citations.cite(call, (at, severity, rule, message, hint) =>
          diagnostics.push({
            ...at,
            severity,
            rule,
            message,
            ...(hint === undefined ? {} : { hint }),
          }),
        ),
      )
    : body.html;
  const { ui } = options;
  const referencesHtml =
    citations?.referencesHtml({ heading: ui.references, backToCitation: ui.backToCitation }) ?? "";
  linking.push({ url: page.url, links: body.links, ids: idsIn(html + referencesHtml) });
  return {
    html,
    referencesHtml,
    citedIds: citations?.citedIds ?? [],
    toc: body.toc,
    wordCount: body.wordCount,
  };
}
