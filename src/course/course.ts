/** The course as one value: read once, then used by validation, the graph, and every template. */
import type { GlossaryTerm } from "../glossary/glossary.js";
import type { PrerequisiteGraph } from "../graph/prerequisite-graph.js";
import type { TocEntry } from "../markdown/render-context.js";
import type { SiteOptions } from "../schema/site-options.js";
import type { PublishedFile } from "../source/content-inventory.js";
import type { Difficulty, GlossaryEntry } from "../schema/frontmatter.js";

export interface Block {
  slug: string;
  title: string;
  description: string;
  /** Whether `_data/blocks.json` lists it (otherwise its title is made from its slug). */
  declared: boolean;
  /** Its articles, in learning order. */
  articles: Article[];
}

/** A prerequisite as written, with where it was written. */
export interface PrerequisiteRef {
  /** Target slug, when the item's shape was valid. */
  slug: string;
  line: number;
  column: number;
}

export interface Article {
  slug: string;
  url: string;
  /** Source file, from the project root. */
  sourcePath: string;
  title: string;
  description: string;
  difficulty: Difficulty | undefined;
  blockSlug: string;
  order: number | undefined;
  category: string | undefined;
  glossary: GlossaryEntry[];
  draft: boolean;
  date: Date | undefined;
  tags: string[];
  prerequisites: PrerequisiteRef[];
  html: string;
  /** The article's reference list ("" when it cites nothing). */
  referencesHtml: string;
  /** Works it cites, in order of first citation. */
  citedIds: string[];
  toc: TocEntry[];
  wordCount: number;
  readingMinutes: number;
}

/** Any other Markdown page in `content/`. */
export interface Page {
  url: string;
  sourcePath: string;
  title: string;
  description: string;
  draft: boolean;
  html: string;
  citedIds: string[];
  toc: TocEntry[];
}

export interface Course {
  /** Project root: holds `content/` and `_data/`. */
  root: string;
  options: SiteOptions;
  /** In course order; every article is in exactly one. */
  blocks: Block[];
  /** In learning order. */
  articles: Article[];
  pages: Page[];
  bySlug: ReadonlyMap<string, Article>;
  graph: PrerequisiteGraph;
  /** Glossary terms, alphabetically. */
  glossary: (GlossaryTerm & {
    definitionHtml: string;
    url: string | undefined;
    articleTitle: string | undefined;
  })[];
  /** Every work cited anywhere, alphabetically, with the articles citing it. */
  bibliography: BibliographyEntry[];
  /** The files beside the Markdown that passed the checks: exactly what is published besides the pages. */
  contentFiles: readonly PublishedFile[];
  /** The course's own favicon (`_data/favicon.svg`, checked), replacing Syllabus's; undefined without one. */
  favicon: string | undefined;
}

export interface BibliographyEntry {
  id: string;
  entryHtml: string;
  link: { href: string; label: string } | undefined;
  citedBy: { url: string; title: string }[];
}

/** Reading time at ~230 words a minute, at least one minute. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230));
}
