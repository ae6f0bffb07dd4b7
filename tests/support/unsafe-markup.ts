/**
 * What a browser would run or load from a built page, found by parsing it as
 * a browser does (parse5, scripting enabled): any script but Syllabus's own
 * bundles, event-handler attributes, `javascript:`-like URLs, `srcdoc`,
 * `<base>`, a meta refresh. Independent of src/ on purpose: it judges the
 * output, not the check that produced it.
 */
import { parse, type DefaultTreeAdapterMap } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "poster",
  "background",
  "cite",
  "data",
  "xlink:href",
  "srcset",
]);

/** Scripts may only be the site's own bundles. */
const OWN_SCRIPT = /^(\/[^/]+)*\/assets\/[\w-]+\.js$/;

function unsafeUrl(element: Element, name: string, value: string): boolean {
  const urls =
    name === "srcset" ? value.split(",").map((s) => s.trim().split(/\s+/)[0] ?? "") : [value];
  return urls.some((url) => {
    // Browsers strip ASCII whitespace and control characters before reading the scheme.
    const stripped = [...url].filter((c) => c.charCodeAt(0) > 0x20).join("");
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(stripped)?.[1];
    const lower = scheme?.toLowerCase();
    if (lower === "javascript" || lower === "vbscript") return true;
    return lower === "data" && !(element.tagName === "img" && /^data:image\//i.test(url.trim()));
  });
}

function problemsOf(element: Element): string[] {
  const problems: string[] = [];
  const attribute = (name: string) => element.attrs.find((a) => a.name === name)?.value;
  if (element.tagName === "script") {
    const src = attribute("src");
    if (src === undefined || !OWN_SCRIPT.test(src)) problems.push(`<script src=${src ?? "none"}>`);
  }
  if (element.tagName === "base") problems.push("<base>");
  if (element.tagName === "meta" && attribute("http-equiv")?.toLowerCase() === "refresh")
    problems.push("<meta http-equiv=refresh>");
  for (const { name, value } of element.attrs) {
    if (/^on/i.test(name)) problems.push(`<${element.tagName} ${name}>`);
    if (name === "srcdoc") problems.push(`<${element.tagName} srcdoc>`);
    if (URL_ATTRIBUTES.has(name) && unsafeUrl(element, name, value))
      problems.push(`<${element.tagName} ${name}="${value}">`);
  }
  return problems;
}

/** Descriptions of everything unsafe in an HTML (or SVG) file; empty when it is safe. */
export function unsafeMarkup(html: string): string[] {
  const problems: string[] = [];
  const walk = (node: Node) => {
    if ("tagName" in node) problems.push(...problemsOf(node));
    if ("childNodes" in node) node.childNodes.forEach(walk);
    if ("content" in node) walk(node.content);
  };
  walk(parse(html, { scriptingEnabled: true }));
  return problems;
}
