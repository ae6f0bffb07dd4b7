/** The short form of an article used in every list: cards, prerequisites, the sidebar. */
import type { Article } from "../course/course.js";
import type { Difficulty } from "../schema/frontmatter.js";
import type { UiStrings } from "../core/ui-strings.js";

export interface DifficultyView {
  key: Difficulty;
  label: string;
  /** 1-3, for the level indicator. */
  level: number;
}

export interface ArticleLink {
  slug: string;
  url: string;
  title: string;
  description: string;
  difficulty: DifficultyView | undefined;
  readingMinutes: number;
  draft: boolean;
}

const LEVELS: Record<Difficulty, number> = { introductory: 1, intermediate: 2, advanced: 3 };

export function difficultyView(
  difficulty: Difficulty | undefined,
  ui: UiStrings,
): DifficultyView | undefined {
  return difficulty
    ? { key: difficulty, label: ui[difficulty], level: LEVELS[difficulty] }
    : undefined;
}

export function articleLink(article: Article, ui: UiStrings): ArticleLink {
  return {
    slug: article.slug,
    url: article.url,
    title: article.title,
    description: article.description,
    difficulty: difficultyView(article.difficulty, ui),
    readingMinutes: article.readingMinutes,
    draft: article.draft,
  };
}
