/**
 * Applies the reader's saved colour scheme before the first paint (loaded
 * synchronously in <head>), so a dark-mode reader never sees a white flash.
 */
import { THEME_STORAGE_KEY } from "./theme-storage.js";

try {
  const saved = localStorage.getItem(THEME_STORAGE_KEY);
  if (saved === "light" || saved === "dark") document.documentElement.dataset.theme = saved;
} catch {
  // Storage may be unavailable (privacy modes); the system scheme applies.
}
