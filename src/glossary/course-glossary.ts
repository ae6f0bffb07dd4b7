/** The course's glossary entries: found in the articles' frontmatter, their definitions rendered. */
import type { ParsedSource } from "../source/read-source.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { createEnv } from "../markdown/render-context.js";
import type { RenderServices } from "../render/render-body.js";
import type { GlossaryTerm, TermDefinition } from "./glossary.js";

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

/** Definitions as inline HTML (Markdown and math allowed), problems located at the entry. */
export function renderDefinitions(
  terms: GlossaryTerm[],
  render: RenderServices,
  diagnostics: Diagnostic[],
): Map<string, string> {
  return new Map(
    terms.map((t) => {
      const at = { file: t.file, line: t.line, column: t.column };
      const env = createEnv({ file: t.file, diagnostics, toc: [], locate: () => at });
      return [t.id, render.md.renderInline(t.definition, env)];
    }),
  );
}
