/** The only importer of citation-js: its BibTeX input and CSL output plugins, registered once. */
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";

export type { CSL as CslItem } from "@citation-js/core";
import type { CSL } from "@citation-js/core";

/** CSL-JSON items from BibTeX text. Throws citation-js's syntax error on malformed input. */
export function parseBibtex(text: string): CSL[] {
  return plugins.input.chain(text, {
    forceType: "@bibtex/text",
    generateGraph: false,
  } as Parameters<typeof plugins.input.chain>[1]);
}

/** A citeproc engine, as citation-js prepares it (citeproc-js API). */
export interface CiteprocEngine {
  updateItems(ids: string[]): void;
  makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
  makeCitationCluster(items: { id: string; locator?: string; label?: string }[]): string;
  opt: { development_extensions: { wrap_url_and_doi: boolean } };
}

interface CslConfig {
  engine(data: CSL[], style: string, locale: string, format: string): CiteprocEngine;
  styles: {
    has(name: string): boolean;
    add(name: string, xml: string): void;
    get(name: string): string;
  };
  locales: { has(name: string): boolean };
}

const csl = plugins.config.get("@csl") as CslConfig;

export const cslStyles = csl.styles;

export function createEngine(items: CSL[], style: string, locale: string): CiteprocEngine {
  const engine = csl.engine(items, style, csl.locales.has(locale) ? locale : "en-US", "html");
  // Let citeproc link the URLs and DOIs it prints.
  engine.opt.development_extensions.wrap_url_and_doi = true;
  return engine;
}
