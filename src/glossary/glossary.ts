/**
 * The course glossary: terms defined in articles' frontmatter
 * (`glossary: [{term, definition}]`), each defined once across the course.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import { slugify } from "../markdown/headings.js";

export interface GlossaryTerm {
  term: string;
  /** Id on the glossary page: `/glossary/#<id>`. */
  id: string;
  definition: string;
  /** The defining article. */
  slug: string;
  file: string;
  line: number;
  column: number;
}

export interface TermDefinition {
  term: string;
  definition: string;
  slug: string;
  file: string;
  line: number;
  column: number;
}

/** Terms in alphabetical order; a term defined twice (ignoring case) is an error naming both files. */
export function collectGlossary(definitions: readonly TermDefinition[]): {
  terms: GlossaryTerm[];
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const byKey = new Map<string, GlossaryTerm>();
  const ids = new Set<string>();
  for (const d of definitions) {
    const key = d.term.trim().toLocaleLowerCase();
    const first = byKey.get(key);
    if (first) {
      diagnostics.push({
        file: d.file,
        line: d.line,
        column: d.column,
        severity: "error",
        rule: "glossary-duplicate-term",
        message: `Glossary term "${d.term}" is already defined in ${first.file}:${first.line}:${first.column}`,
      });
      continue;
    }
    let id = `term-${slugify(d.term)}`;
    for (let n = 2; ids.has(id); n++) id = `term-${slugify(d.term)}-${n}`;
    ids.add(id);
    byKey.set(key, { ...d, term: d.term.trim(), id });
  }
  const terms = [...byKey.values()].sort((a, b) =>
    a.term.localeCompare(b.term, undefined, { sensitivity: "base" }),
  );
  return { terms, diagnostics };
}

/** Finds the first use of each term in running text, longest terms first, whole words only. */
export class TermMatcher {
  private readonly pattern: RegExp | undefined;
  private readonly byKey: Map<string, GlossaryTerm>;

  constructor(terms: readonly GlossaryTerm[]) {
    this.byKey = new Map(terms.map((t) => [t.term.toLocaleLowerCase(), t]));
    const alternatives = [...terms]
      .map((t) => t.term)
      .sort((a, b) => b.length - a.length)
      .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"));
    this.pattern = alternatives.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "giu")
      : undefined;
  }

  /** The first match in `text` of a term not in `used` (nor defined by `exclude`), with its position. */
  find(
    text: string,
    used: ReadonlySet<string>,
    exclude: string | undefined,
  ): { term: GlossaryTerm; index: number; length: number } | undefined {
    if (!this.pattern) return undefined;
    this.pattern.lastIndex = 0;
    for (const match of text.matchAll(this.pattern)) {
      const term = this.byKey.get(match[0].replace(/\s+/g, " ").toLocaleLowerCase());
      if (term && !used.has(term.id) && term.slug !== exclude)
        return { term, index: match.index, length: match[0].length };
    }
    return undefined;
  }
}

/**
 * The letter a term is filed under: its first letter without accents (Écart
 * under E, as the alphabetical order has it), or "#" for anything else.
 */
export function glossaryLetter(term: string, lang: string): { letter: string; id: string } {
  const first = term
    .trim()
    .charAt(0)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
  let upper: string;
  try {
    upper = first.toLocaleUpperCase(lang);
  } catch {
    upper = first.toUpperCase();
  }
  if (!/\p{L}/u.test(upper)) return { letter: "#", id: "letter-other" };
  return { letter: upper, id: `letter-${encodeURIComponent(upper.toLowerCase())}` };
}

/** Ids of the glossary page's letter headings. */
export function glossaryLetterIds(terms: readonly GlossaryTerm[], lang: string): string[] {
  return [...new Set(terms.map((t) => glossaryLetter(t.term, lang).id))];
}
