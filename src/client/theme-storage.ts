/** Where the reader's chosen colour scheme is remembered: written by theme-toggle.ts, applied by theme.ts. */
export const THEME_STORAGE_KEY = "syllabus-theme";
