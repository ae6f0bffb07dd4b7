/** The header's dark-mode button: shown only with JavaScript, remembered in localStorage. */
import { THEME_STORAGE_KEY } from "./theme-storage.js";

function effectiveTheme(): "light" | "dark" {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === "light" || chosen === "dark") return chosen;
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function enhanceThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>(".theme-toggle");
  if (!button) return;
  const sync = () => button.setAttribute("aria-pressed", String(effectiveTheme() === "dark"));
  button.hidden = false;
  sync();
  button.addEventListener("click", () => {
    const next = effectiveTheme() === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Not remembered, but still applied.
    }
    sync();
  });
}
