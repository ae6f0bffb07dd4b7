/**
 * What a browser would run or load from a built page, found by parsing it as
 * a browser does (parse5, scripting enabled): any script but Syllabus's own
 * bundles, event-handler attributes, `javascript:`-like URLs, `srcdoc`,
 * `<base>`, a meta refresh. Independent of src/ on purpose: it judges the
 * output, not the check that produced it.
 */
import { defaultTreeAdapter, Parser, type DefaultTreeAdapterMap, type Token } from "parse5";

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

/** A `<select>` of `<option>`s (in `<optgroup>`s, or not) holding only text. */
function isPlainSelect(select: Element): boolean {
  const isText = (node: Node) => !("tagName" in node);
  const isOption = (node: Node) =>
    "tagName" in node && node.tagName === "option" && node.childNodes.every(isText);
  const isGroup = (node: Node) =>
    "tagName" in node &&
    node.tagName === "optgroup" &&
    node.childNodes.every((c) => isText(c) || isOption(c));
  return select.childNodes.every((c) => isText(c) || isOption(c) || isGroup(c));
}

function problemsOf(element: Element): string[] {
  const problems: string[] = [];
  const attribute = (name: string) => element.attrs.find((a) => a.name === name)?.value;
  if (element.tagName === "script") {
    const src = attribute("src");
    if (src === undefined || !OWN_SCRIPT.test(src)) problems.push(`<script src=${src ?? "none"}>`);
  }
  if (element.tagName === "base") problems.push("<base>");
  // parse5 drops most tags inside these; browsers since 2025 keep them. The site's own
  // search filters are a <select> of plain options: anything more cannot be judged.
  if (["selectedcontent", "datalist"].includes(element.tagName))
    problems.push(`<${element.tagName}>`);
  if (element.tagName === "select" && !isPlainSelect(element))
    problems.push("<select> holding more than options");
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

/**
 * parse5's parser, noting each start tag its tree builder makes no element
 * of: where parse5 drops a tag, a browser may keep it (F1: `<select><meta>`),
 * so the tree judged is not the browser's. An element made from a tag shares
 * the tag's attribute array, which tells the two apart.
 */
class WatchedParser extends Parser<DefaultTreeAdapterMap> {
  readonly dropped: string[] = [];
  current: Token.Attribute[] | null = null;
  created = false;

  override onStartTag(token: Token.TagToken): void {
    this.current = token.attrs;
    this.created = false;
    super.onStartTag(token);
    // A second <html> or <body> gives its attributes to the first, where the walk sees them; <head> is ignored.
    if (!this.created && !["html", "head", "body"].includes(token.tagName))
      this.dropped.push(`dropped <${token.tagName}>`);
    this.current = null;
  }
}

function parseWatched(html: string): {
  document: DefaultTreeAdapterMap["document"];
  dropped: string[];
} {
  let parser: WatchedParser | undefined = undefined;
  const treeAdapter: typeof defaultTreeAdapter = {
    ...defaultTreeAdapter,
    createElement(tagName, namespaceURI, attrs) {
      if (parser && attrs === parser.current) parser.created = true;
      return defaultTreeAdapter.createElement(tagName, namespaceURI, attrs);
    },
  };
  parser = new WatchedParser({ scriptingEnabled: true, treeAdapter });
  parser.tokenizer.write(html, true);
  return { document: parser.document, dropped: parser.dropped };
}

/** Descriptions of everything unsafe in an HTML (or SVG) file; empty when it is safe. */
export function unsafeMarkup(html: string): string[] {
  const { document, dropped } = parseWatched(html);
  const problems: string[] = [...dropped];
  // Iterative: a hostile page may nest deeper than a recursion can go.
  const stack: Node[] = [document];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if ("tagName" in node) problems.push(...problemsOf(node));
    if ("content" in node) stack.push(node.content);
    if ("childNodes" in node)
      for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as Node);
  }
  return problems;
}
