/** The short form of an article used in every list: cards, prerequisites, the sidebar. */
import type { Article } from "../course/course.js";
import { DIFFICULTIES, type Difficulty } from "../schema/frontmatter.js";
import type { UiStrings } from "../core/ui-strings.js";

export interface DifficultyView {
  key: Difficulty;
  label: string;
  /** 1 for the first of DIFFICULTIES, and so on. */
  level: number;
  /** The level indicator: one dot per difficulty, the first `level` of them filled. */
  dots: boolean[];
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

export function difficultyView(
  difficulty: Difficulty | undefined,
  ui: UiStrings,
): DifficultyView | undefined {
  if (!difficulty) return undefined;
  const level = DIFFICULTIES.indexOf(difficulty) + 1;
  return {
    key: difficulty,
    label: ui[difficulty],
    level,
    dots: DIFFICULTIES.map((_, i) => i < level),
  };
}

/** Every difficulty, easiest first (the filter on /topics/). */
export function difficultyViews(ui: UiStrings): DifficultyView[] {
  return DIFFICULTIES.map((d) => difficultyView(d, ui)!);
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
