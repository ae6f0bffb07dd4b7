/**
 * Citation styles: the built-in CSL styles by name (apa, vancouver,
 * harvard1), or a `.csl` file in `_data/`, read strictly (csl-xml.ts) before
 * citation-js sees it. We read the few facts we need from the style itself:
 * whether it numbers works, and how it brackets a citation.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../core/diagnostics.js";
import { decodeUtf8 } from "../source/utf8.js";
import { fingerprint } from "./bibliography.js";
import { cslStyles } from "./citation-js.js";
import { descendants, readCslXml, type CslElement } from "./csl-xml.js";

export interface CitationStyle {
  name: string;
  /** numeric: [1, 3]; author-date: (Elhage et al., 2022); note styles format like author-date here. */
  kind: "numeric" | "author-date";
  layout: { prefix: string; suffix: string; delimiter: string; superscript: boolean };
  /** A course's own style: its file and elements, where the problems citeproc finds in it are shown. */
  definition?: { file: string; root: CslElement };
}

export const BUILT_IN_STYLES = ["apa", "vancouver", "harvard1"];

/** Why the named style cannot be used: it does not exist, or its file is not a usable CSL style. */
export type StyleProblem =
  { error: string; available: string[] } | { error: string; diagnostics: Diagnostic[] };

/**
 * The style named in the site options: `_data/<name>.csl` when the course has
 * it, else a built-in style. citation-js keeps one registry per process, so a
 * course's own file is registered under a name of its content: it never
 * replaces a built-in style, nor leaks into another course built later.
 */
export function resolveStyle(root: string, name: string): CitationStyle | StyleProblem {
  const styleName = name.replace(/\.csl$/, "");
  const file = `_data/${styleName}.csl`;
  const absolute = path.join(root, file);
  if (existsSync(absolute)) {
    const decoded = decodeUtf8(readFileSync(absolute), file, "save the style as UTF-8");
    const { root: element, diagnostics } = readCslXml(decoded.text, file);
    const problems = [...decoded.diagnostics, ...diagnostics];
    if (!element || problems.length > 0) {
      return { error: `Citation style ${file} cannot be used`, diagnostics: problems };
    }
    const registered = `course:${styleName}:${fingerprint(decoded.text)}`;
    if (!cslStyles.has(registered)) cslStyles.add(registered, decoded.text);
    return { ...describeStyle(registered, element), definition: { file, root: element } };
  }
  if (!BUILT_IN_STYLES.includes(styleName) || !cslStyles.has(styleName)) {
    return { error: `Unknown citation style "${name}"`, available: BUILT_IN_STYLES };
  }
  return describeStyle(styleName, cslStyles.get(styleName));
}

/** What Syllabus needs to know of a style, from its XML (built-in) or its checked elements. */
export function describeStyle(name: string, style: string | CslElement): CitationStyle {
  const root = typeof style === "string" ? readCslXml(style, name).root : style;
  const all = root ? [...descendants(root)] : [];
  const format = all.find((e) => e.name === "category" && e.attributes["citation-format"]);
  const citation = root?.children.find((e) => e.name === "citation");
  const layout = citation?.children.find((e) => e.name === "layout")?.attributes ?? {};
  return {
    name,
    kind: format?.attributes["citation-format"] === "numeric" ? "numeric" : "author-date",
    layout: {
      prefix: layout.prefix ?? "",
      suffix: layout.suffix ?? "",
      delimiter: layout.delimiter || ", ",
      superscript: layout["vertical-align"] === "sup",
    },
  };
}

/**
 * Where in a course's own style to show a problem citeproc found while
 * formatting `part` of it: the element its message names (`Undefined node
 * name "foo"`), else the part (`<citation>`, `<bibliography>`), else the root.
 */
export function locateInStyle(
  definition: NonNullable<CitationStyle["definition"]>,
  message: string,
  part: "citation" | "bibliography" | undefined,
): { file: string; line: number; column: number } {
  const { file, root } = definition;
  const named = /node name "([^"]+)"/.exec(message)?.[1];
  const macro = /macro "([^"]+)"/.exec(message)?.[1];
  const element =
    [...descendants(root)].find(
      (e) =>
        (named !== undefined && e.name === named) ||
        (macro !== undefined && e.name === "macro" && e.attributes.name === macro),
    ) ??
    root.children.find((e) => e.name === part) ??
    root;
  return { file, line: element.line, column: element.column };
}
