/**
 * Course blocks (modules) in course order: those declared in `_data/blocks.json`
 * (read by `schema/blocks.ts`), with the articles grouped into them.
 */
import type { DeclaredBlock } from "../schema/blocks.js";
import type { SiteOptions } from "../schema/site-options.js";
import type { Article, Block } from "./course.js";

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
