/**
 * Citation styles: the built-in CSL styles by name (apa, vancouver,
 * harvard1), or a `.csl` file in `_data/`. We read the few facts we need from
 * the style itself: whether it numbers works, and how it brackets a citation.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { cslStyles } from "./citation-js.js";

export interface CitationStyle {
  name: string;
  /** numeric: [1, 3]; author-date: (Elhage et al., 2022); note styles format like author-date here. */
  kind: "numeric" | "author-date";
  layout: { prefix: string; suffix: string; delimiter: string; superscript: boolean };
  /** Whether consecutive numbers collapse into ranges (1–3). */
  collapseRanges: boolean;
}

export const BUILT_IN_STYLES = ["apa", "vancouver", "harvard1"];

/** The style named in the site options; a `.csl` file in `_data/` is registered under its file name. */
export function resolveStyle(root: string, name: string): CitationStyle | { error: string; available: string[] } {
  const file = path.join(root, "_data", `${name.replace(/\.csl$/, "")}.csl`);
  const styleName = name.replace(/\.csl$/, "");
  if (existsSync(file)) cslStyles.add(styleName, readFileSync(file, "utf8"));
  if (!cslStyles.has(styleName)) {
    return { error: `Unknown citation style "${name}"`, available: BUILT_IN_STYLES };
  }
  return describeStyle(styleName, cslStyles.get(styleName));
}

export function describeStyle(name: string, xml: string): CitationStyle {
  const format = /citation-format="([^"]+)"/.exec(xml)?.[1];
  const citation = /<citation\b([^>]*)>([\s\S]*?)<\/citation>/.exec(xml);
  const layoutAttributes = /<layout\b([^>]*)>/.exec(citation?.[2] ?? "")?.[1] ?? "";
  const attribute = (source: string, attr: string) => decodeXml(new RegExp(`\\b${attr}="([^"]*)"`).exec(source)?.[1] ?? "");
  return {
    name,
    kind: format === "numeric" ? "numeric" : "author-date",
    layout: {
      prefix: attribute(layoutAttributes, "prefix"),
      suffix: attribute(layoutAttributes, "suffix"),
      delimiter: attribute(layoutAttributes, "delimiter") || ", ",
      superscript: attribute(layoutAttributes, "vertical-align") === "sup",
    },
    collapseRanges: /collapse="citation-number"/.test(citation?.[1] ?? ""),
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
