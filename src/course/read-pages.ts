/**
 * Turns one parsed source into an `Article` or a `Page`: frontmatter checked,
 * URL resolved, body rendered. Returns undefined for what this build leaves
 * out (drafts, `permalink: false` or outside the site, invalid frontmatter
 * unless kept).
 */
import { renderPage, type PageRenderContext } from "./render-page.js";
import type { ScanResult } from "../shortcodes/scan-body.js";
import { didYouMean } from "../core/suggest.js";
import { isValidSlug, topicUrl } from "../core/urls.js";
import { readingMinutes, type Article, type Page } from "./course.js";
import type { SourceFile } from "../source/frontmatter.js";
import {
  articleFrontmatter,
  checkFrontmatter,
  pageFrontmatter,
  type ArticleFrontmatter,
} from "../schema/frontmatter.js";
import { readDate, readPrerequisites, resolveUrl } from "./frontmatter-values.js";

export interface ReadContext extends PageRenderContext {
  includeDrafts: boolean;
  keepPagesWithErrors: boolean;
  declaredBlocks: string[];
}

export function readArticle(
  slug: string,
  file: SourceFile,
  scan: ScanResult,
  context: ReadContext,
): Article | undefined {
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
  const checked = file.frontmatterOk
    ? checkFrontmatter(articleFrontmatter, file)
    : { data: undefined, diagnostics: [] };
  diagnostics.push(...checked.diagnostics);
  const data =
    checked.data ?? (context.keepPagesWithErrors ? readableFrontmatter(file, slug) : undefined);
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
  const { body, referencesHtml, citedIds } = renderPage(
    file,
    scan,
    { url: url ?? topicUrl(slug), slug, title: data?.title },
    context,
  );
  if (!data || url === undefined) return undefined;
  const toc = referencesHtml
    ? [...body.toc, { level: 2 as const, id: "references", html: options.ui.references }]
    : body.toc;
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

export function readPage(
  file: SourceFile,
  defaultUrl: string,
  scan: ScanResult,
  context: ReadContext,
): Page | undefined {
  const { diagnostics, includeDrafts } = context;
  const checked = file.frontmatterOk
    ? checkFrontmatter(pageFrontmatter, file)
    : { data: undefined, diagnostics: [] };
  diagnostics.push(...checked.diagnostics);
  const data =
    checked.data ??
    (context.keepPagesWithErrors ? readableFrontmatter(file, defaultUrl) : undefined);
  if (data?.draft === true && !includeDrafts) return undefined;
  const url = resolveUrl(data?.permalink, defaultUrl, file, diagnostics);
  const { body, referencesHtml, citedIds } = renderPage(
    file,
    scan,
    { url: url ?? defaultUrl, slug: undefined, title: data?.title },
    context,
  );
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
  const text = (key: string) =>
    typeof raw[key] === "string" && raw[key].trim() ? raw[key] : undefined;
  return {
    title: text("title") ?? fallbackTitle,
    description: text("description") ?? "",
    block: text("block"),
  };
}
