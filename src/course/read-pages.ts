/**
 * Reads one parsed source as an article or a page: frontmatter checked, URL
 * resolved. The body is rendered later, once the course is indexed; `head` is
 * what the frontmatter gives (undefined when this build does not publish the
 * page: invalid frontmatter unless kept, `permalink: false` or outside the
 * site). Returns undefined for a draft this build leaves out.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import { escapeHtml } from "../core/html.js";
import { didYouMean } from "../core/suggest.js";
import type { UiStrings } from "../core/ui-strings.js";
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

export interface ReadContext {
  diagnostics: Diagnostic[];
  includeDrafts: boolean;
  declaredBlocks: string[];
}

/** The page as its body sees it: for image paths, templates, citations. */
export interface PageIdentity {
  url: string;
  slug: string | undefined;
  title: string | undefined;
}

/** What rendering gives a page. */
export interface PageBody {
  html: string;
  referencesHtml: string;
  citedIds: string[];
  toc: Article["toc"];
  wordCount: number;
}

export type ArticleHead = Omit<Article, keyof PageBody | "readingMinutes">;
export type PageHead = Omit<Page, "html" | "citedIds" | "toc">;

export type ReadSource =
  | { kind: "article"; file: SourceFile; identity: PageIdentity; head: ArticleHead | undefined }
  | { kind: "page"; file: SourceFile; identity: PageIdentity; head: PageHead | undefined };

export function readArticle(
  slug: string,
  file: SourceFile,
  context: ReadContext,
): ReadSource | undefined {
  const { diagnostics, includeDrafts } = context;
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
  const data = checked.data ?? readableFrontmatter(file, slug);
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
  const identity = { url: url ?? topicUrl(slug), slug, title: data?.title };
  if (!data || url === undefined) return { kind: "article", file, identity, head: undefined };
  const head: ArticleHead = {
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
  };
  return { kind: "article", file, identity, head };
}

/** The article, with its rendered body; the reference list is a section of its table of contents. */
export function finishArticle(head: ArticleHead, body: PageBody, ui: UiStrings): Article {
  const toc = body.referencesHtml
    ? [...body.toc, { level: 2 as const, id: "references", html: escapeHtml(ui.references) }]
    : body.toc;
  return { ...head, ...body, toc, readingMinutes: readingMinutes(body.wordCount) };
}

export function readPage(
  file: SourceFile,
  defaultUrl: string,
  context: ReadContext,
): ReadSource | undefined {
  const { diagnostics, includeDrafts } = context;
  const checked = file.frontmatterOk
    ? checkFrontmatter(pageFrontmatter, file)
    : { data: undefined, diagnostics: [] };
  diagnostics.push(...checked.diagnostics);
  const data = checked.data ?? readableFrontmatter(file, defaultUrl);
  if (data?.draft === true && !includeDrafts) return undefined;
  const url = resolveUrl(data?.permalink, defaultUrl, file, diagnostics);
  const identity = { url: url ?? defaultUrl, slug: undefined, title: data?.title };
  if (!data || url === undefined) return { kind: "page", file, identity, head: undefined };
  const head: PageHead = {
    url,
    sourcePath: file.path,
    title: data.title,
    description: data.description ?? "",
    draft: data.draft === true,
  };
  return { kind: "page", file, identity, head };
}

/** The page, with its rendered body and its reference list after it. */
export function finishPage(head: PageHead, body: PageBody): Page {
  return { ...head, html: body.html + body.referencesHtml, citedIds: body.citedIds, toc: body.toc };
}

/**
 * What can be used of invalid frontmatter: strings where strings belong, the
 * rest left out (prerequisites are read item by item: frontmatter-values.ts).
 * The page stays in the course, so that its own prerequisites are checked and
 * other pages' links to it are not reported as broken; the dev server shows it.
 */
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
