/** The course's glossary entries, as found in the articles' frontmatter. */
import type { ParsedSource } from "../source/read-source.js";
import type { TermDefinition } from "./glossary.js";

/** Every well-formed glossary entry in the sources' frontmatter, with its location. */
export function glossaryDefinitions(
  sources: Pick<ParsedSource, "origin" | "file">[],
): TermDefinition[] {
  const found: TermDefinition[] = [];
  for (const { origin, file } of sources) {
    if (origin.kind !== "article" || !Array.isArray(file.data.glossary)) continue;
    (file.data.glossary as unknown[]).forEach((entry, i) => {
      const { term, definition } = (entry ?? {}) as { term?: unknown; definition?: unknown };
      if (typeof term !== "string" || typeof definition !== "string" || !term.trim()) return;
      found.push({
        term,
        definition,
        slug: origin.slug,
        file: file.path,
        ...file.locateValue(["glossary", i, "term"]),
      });
    });
  }
  return found;
}
