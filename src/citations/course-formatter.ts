/**
 * The one citation formatter of a build: the course's style (or the default
 * one when it cannot be used), prepared for the works the published pages cite.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import { DEFAULT_CITATION_STYLE, type SiteOptions } from "../schema/site-options.js";
import { didYouMean } from "../core/suggest.js";
import type { Bibliography } from "./bibliography.js";
import { locateInStyle, resolveStyle } from "./csl-style.js";
import { CitationFormatter } from "./formatter.js";
import { citedKeysOf } from "./locator.js";

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
  if ("diagnostics" in style) {
    // The course's own .csl is not a usable style: its problems are in it.
    diagnostics.push(...style.diagnostics);
  } else if ("error" in style) {
    const hint = didYouMean(options.citationStyle, style.available);
    diagnostics.push({
      ...locateOption("citationStyle"),
      severity: "error",
      rule: "citation-style-unknown",
      message: `${style.error}: use one of ${style.available.join(", ")}, or put <name>.csl in _data/`,
      ...(hint ? { hint } : {}),
    });
  }
  if ("error" in style) {
    // Go on with the default style, so that every citation is still checked.
    style = resolveStyle(root, DEFAULT_CITATION_STYLE);
    if ("error" in style) return undefined;
  }
  const cited = citedKeys(citeArguments, bibliography);
  const locale = options.lang === "en" ? "en-US" : options.lang;
  const key = JSON.stringify([bibliography.fingerprint, style.name, locale, [...cited].sort()]);
  let formatter = cache?.formatter?.key === key ? cache.formatter.formatter : undefined;
  if (!formatter) {
    formatter = new CitationFormatter(bibliography, style, locale, [...cited]);
    const problem = formatter.problem();
    if (problem !== undefined) {
      // citeproc found it unusable: shown in the course's .csl when it is one, else at the option.
      diagnostics.push({
        ...(style.definition
          ? locateInStyle(style.definition, problem.message, problem.part)
          : locateOption("citationStyle")),
        severity: "error",
        rule: "citation-style-broken",
        message: `Citation style "${options.citationStyle}" cannot be used${problem.part ? ` (its <${problem.part}>)` : ""}: ${problem.message}`,
        hint: "citeproc could not run the style: check it against the CSL specification, e.g. with https://validator.citationstyles.org",
      });
      // Go on with the default style, so that every citation is still checked.
      const fallback = resolveStyle(root, DEFAULT_CITATION_STYLE);
      if ("error" in fallback) return undefined;
      formatter = new CitationFormatter(bibliography, fallback, locale, [...cited]);
    } else if (cache) {
      cache.formatter = { key, formatter };
    }
  }
  diagnostics.push(...rejectedEntryDiagnostics(formatter, bibliography));
  return formatter;
}

/** Entries the HTML policy rejected (none expected: citeproc escapes text), as errors at each work. */
function rejectedEntryDiagnostics(
  formatter: CitationFormatter,
  bibliography: Bibliography,
): Diagnostic[] {
  return [...formatter.rejectedEntries()].flatMap(([id, problem]): Diagnostic[] => {
    const work = bibliography.works.get(id);
    if (!work) return [];
    return [
      {
        file: work.file,
        line: work.line,
        column: work.column,
        severity: "error",
        rule: problem.rule,
        message: `The reference entry citeproc made of "${id}" is left out: ${problem.message}`,
        ...(problem.hint ? { hint: problem.hint } : {}),
      },
    ];
  });
}

/** Keys of the bibliography's works that the arguments name, in order of first use. */
function citedKeys(citeArguments: Iterable<string>, bibliography: Bibliography): Set<string> {
  return new Set([...citedKeysOf(citeArguments)].filter((key) => bibliography.works.has(key)));
}
