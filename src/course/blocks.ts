/** Course blocks (modules): those declared in `_data/blocks.json`, and the articles grouped into them, in course order. */
import path from "node:path";
import type { Diagnostic } from "../core/diagnostics.js";
import type { SiteOptions } from "../schema/site-options.js";
import { isValidSlug } from "../core/urls.js";
import type { Article, Block } from "./course.js";
import { readJsonFile } from "../source/json-file.js";

export interface DeclaredBlock {
  slug: string;
  title: string;
  description: string;
}

const RELATIVE = "_data/blocks.json";

export function loadBlocks(root: string): { blocks: DeclaredBlock[]; diagnostics: Diagnostic[] } {
  const { file, diagnostics } = readJsonFile(path.join(root, RELATIVE), RELATIVE);
  if (!file) return { blocks: [], diagnostics };
  const error = (keyPath: (string | number)[], message: string) => {
    diagnostics.push({
      file: RELATIVE,
      ...file.locate(keyPath),
      severity: "error",
      rule: "blocks-schema",
      message,
    });
  };
  if (!Array.isArray(file.value)) {
    error([], 'Expected a list of blocks: [{"slug": "…", "title": "…", "description": "…"}]');
    return { blocks: [], diagnostics };
  }
  const blocks: DeclaredBlock[] = [];
  const seen = new Map<string, number>();
  file.value.forEach((item: unknown, index) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      error([index], 'Expected a block: {"slug": "…", "title": "…", "description": "…"}');
      return;
    }
    const { slug, title, description } = item as Record<string, unknown>;
    if (typeof slug !== "string" || !isValidSlug(slug)) {
      error(
        [index, "slug"],
        `Expected "slug" to be a slug (letters, digits and dashes), found ${JSON.stringify(slug)}`,
      );
      return;
    }
    if (typeof title !== "string" || title.trim() === "") {
      error([index, "title"], `Missing or empty "title" for block "${slug}"`);
      return;
    }
    if (description !== undefined && typeof description !== "string") {
      error([index, "description"], `Expected "description" of block "${slug}" to be a string`);
      return;
    }
    const previous = seen.get(slug);
    if (previous !== undefined) {
      error([index, "slug"], `Block "${slug}" is listed twice (first at item ${previous + 1})`);
      return;
    }
    seen.set(slug, index);
    blocks.push({ slug, title, description: description ?? "" });
  });
  return { blocks, diagnostics };
}

/** "basic-interp-techniques" → "Basic interp techniques", for blocks not listed in blocks.json. */
export function titleFromSlug(slug: string): string {
  const words = slug.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Blocks in course order: declared ones first, then undeclared ones in order of first use. */
export function groupIntoBlocks(
  articles: Article[],
  declared: DeclaredBlock[],
  options: SiteOptions,
): Block[] {
  const blocks = new Map<string, Block>(
    declared.map((b) => [b.slug, { ...b, declared: true, articles: [] }]),
  );
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
