/**
 * Citation styles: the built-in CSL styles by name (apa, vancouver,
 * harvard1), or a `.csl` file in `_data/`. We read the few facts we need from
 * the style itself: whether it numbers works, and how it brackets a citation.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fingerprint } from "./bibliography.js";
import { cslStyles } from "./citation-js.js";

export interface CitationStyle {
  name: string;
  /** numeric: [1, 3]; author-date: (Elhage et al., 2022); note styles format like author-date here. */
  kind: "numeric" | "author-date";
  layout: { prefix: string; suffix: string; delimiter: string; superscript: boolean };
}

export const BUILT_IN_STYLES = ["apa", "vancouver", "harvard1"];

/**
 * The style named in the site options: `_data/<name>.csl` when the course has
 * it, else a built-in style. citation-js keeps one registry per process, so a
 * course's own file is registered under a name of its content: it never
 * replaces a built-in style, nor leaks into another course built later.
 */
export function resolveStyle(
  root: string,
  name: string,
): CitationStyle | { error: string; available: string[] } {
  const styleName = name.replace(/\.csl$/, "");
  const file = path.join(root, "_data", `${styleName}.csl`);
  if (existsSync(file)) {
    const xml = readFileSync(file, "utf8");
    const registered = `course:${styleName}:${fingerprint(xml)}`;
    if (!cslStyles.has(registered)) cslStyles.add(registered, xml);
    return describeStyle(registered, xml);
  }
  if (!BUILT_IN_STYLES.includes(styleName) || !cslStyles.has(styleName)) {
    return { error: `Unknown citation style "${name}"`, available: BUILT_IN_STYLES };
  }
  return describeStyle(styleName, cslStyles.get(styleName));
}

export function describeStyle(name: string, xml: string): CitationStyle {
  const format = /citation-format="([^"]+)"/.exec(xml)?.[1];
  const citation = /<citation\b[^>]*>([\s\S]*?)<\/citation>/.exec(xml);
  const layoutAttributes = /<layout\b([^>]*)>/.exec(citation?.[1] ?? "")?.[1] ?? "";
  const attribute = (source: string, attr: string) =>
    decodeXml(new RegExp(`\\b${attr}="([^"]*)"`).exec(source)?.[1] ?? "");
  return {
    name,
    kind: format === "numeric" ? "numeric" : "author-date",
    layout: {
      prefix: attribute(layoutAttributes, "prefix"),
      suffix: attribute(layoutAttributes, "suffix"),
      delimiter: attribute(layoutAttributes, "delimiter") || ", ",
      superscript: attribute(layoutAttributes, "vertical-align") === "sup",
    },
  };
}

function decodeXml(value: string): string {
  return value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}
