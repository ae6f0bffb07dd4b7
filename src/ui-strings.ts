/**
 * The interface's own words, in one place. A course in another language
 * overrides any of them under `"ui"` in `_data/site.json`.
 */
export const DEFAULT_UI_STRINGS = {
  pauseAndThink: "Pause and think",
  beforeYouRead: "Before you read",
  noPrerequisites: "No prerequisites: you can start here.",
  onThisPage: "On this page",
  sidenote: "Sidenote",
  marginNote: "Margin note",
  minutesRead: "min read",
  startHere: "Start here",
  articles: "articles",
  article: "article",
  home: "Home",
  skipToContent: "Skip to content",
  toggleTheme: "Toggle dark mode",
  previous: "Previous",
  next: "Next",
  editThisPage: "Edit this page",
  references: "References",
  backToCitation: "Back to citation",
  citedIn: "Cited in",
  bibliography: "Bibliography",
  blocks: "blocks",
  difficulty: "Difficulty",
  block: "Block",
  introductory: "Introductory",
  intermediate: "Intermediate",
  advanced: "Advanced",
  draft: "Draft",
} as const;

export type UiStrings = { [K in keyof typeof DEFAULT_UI_STRINGS]: string };
export type UiKey = keyof UiStrings;
