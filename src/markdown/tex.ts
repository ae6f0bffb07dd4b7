/**
 * TeX to HTML+MathML with KaTeX, at build time. Formulas repeat across a
 * course (the same $W_{OV}$ in many articles), so results are memoised.
 */
import katex from "katex";
import { timed } from "../core/phases.js";

export type TexResult = { ok: true; html: string } | { ok: false; message: string };

// Enough for the formulas a course repeats; unique ones would only fill memory.
const MAX_CACHED = 2_000;
const cache = new Map<string, TexResult>();

export function renderTex(tex: string, displayMode: boolean): TexResult {
  return timed("katex", () => renderTexUntimed(tex, displayMode));
}

function renderTexUntimed(tex: string, displayMode: boolean): TexResult {
  const key = (displayMode ? "D" : "I") + tex;
  const cached = cache.get(key);
  if (cached) return cached;
  let result: TexResult;
  try {
    const html = katex.renderToString(tex, {
      displayMode,
      output: "htmlAndMathml",
      throwOnError: true,
      strict: "ignore",
      trust: false,
    });
    result = { ok: true, html };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result = { ok: false, message: message.replace(/^KaTeX parse error: /, "") };
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, result);
  return result;
}
