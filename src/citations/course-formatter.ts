/**
 * The one citation formatter of a build: the course's style (or the default
 * one when it cannot be used), prepared for the works the published pages cite.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import { DEFAULT_CITATION_STYLE, type SiteOptions } from "../schema/site-options.js";
import { didYouMean } from "../core/suggest.js";
import type { Bibliography } from "./bibliography.js";
import { resolveStyle } from "./csl-style.js";
import { CitationFormatter } from "./formatter.js";
import { parseCiteArgument } from "./locator.js";

/** Where the last formatter is kept (the load cache), so that a reload citing the same works in the same style reuses it. */
export interface FormatterCache {
  formatter: { key: string; formatter: CitationFormatter } | undefined;
}

/**
 * The citation formatter for the works cited on the pages this build
 * publishes, given every `{% cite %}` argument they hold, in course order.
 */
export function createFormatter(
  root: string,
  options: SiteOptions,
  bibliography: Bibliography,
  citeArguments: Iterable<string>,
  diagnostics: Diagnostic[],
  locateOption: (key: string) => { file: string; line: number; column: number },
  cache: FormatterCache | undefined,
): CitationFormatter | undefined {
  if (!bibliography.present) return undefined;
  let style = resolveStyle(root, options.citationStyle);
  if ("error" in style) {
    const hint = didYouMean(options.citationStyle, style.available);
    diagnostics.push({
      ...locateOption("citationStyle"),
      severity: "error",
      rule: "citation-style-unknown",
      message: `${style.error}: use one of ${style.available.join(", ")}, or put <name>.csl in _data/`,
      ...(hint ? { hint } : {}),
    });
    // Go on with the default style, so that every citation is still checked.
    style = resolveStyle(root, DEFAULT_CITATION_STYLE);
    if ("error" in style) return undefined;
  }
  const cited = citedKeys(citeArguments, bibliography);
  const locale = options.lang === "en" ? "en-US" : options.lang;
  const key = JSON.stringify([bibliography.fingerprint, style.name, locale, [...cited].sort()]);
  if (cache?.formatter?.key === key) return cache.formatter.formatter;
  const formatter = new CitationFormatter(bibliography, style, locale, [...cited]);
  const problem = formatter.problem();
  if (problem !== undefined) {
    diagnostics.push({
      ...locateOption("citationStyle"),
      severity: "error",
      rule: "citation-style-broken",
      message: `Citation style "${options.citationStyle}" cannot be used: ${problem}`,
    });
    // Go on with the default style, so that every citation is still checked.
    const fallback = resolveStyle(root, DEFAULT_CITATION_STYLE);
    return "error" in fallback
      ? undefined
      : new CitationFormatter(bibliography, fallback, locale, [...cited]);
  }
  if (cache) cache.formatter = { key, formatter };
  return formatter;
}

/** Keys of the bibliography's works that the arguments name, in order of first use. */
function citedKeys(citeArguments: Iterable<string>, bibliography: Bibliography): Set<string> {
  const cited = new Set<string>();
  for (const argument of citeArguments) {
    const parsed = parseCiteArgument(argument);
    if ("item" in parsed && bibliography.works.has(parsed.item.key)) cited.add(parsed.item.key);
  }
  return cited;
}
