/**
 * The checks of standalone `.html` and `.svg` files of the content. A browser
 * opens either as a document of the site, where its script would run, so each
 * must pass the policy of bodies (core/html-policy.ts), adjusted to what a
 * whole document holds.
 */
import { defaultTreeAdapter, html as html5, parseFragment } from "parse5";
import { parseDocumentWatched, reportDropped, type DroppedTag } from "./html-parse.js";
import { HTML_GLOBAL } from "./html-allowlist.js";
import {
  declarationProblems,
  foreignAttribute,
  namespaceFinding,
  svgFileAttribute,
  svgFileElementFinding,
  svgStyleFinding,
  svgXmlProblems,
} from "./html-svg-file.js";
import {
  attributeName,
  isElement,
  located,
  MAX_DEPTH,
  TOO_DEEP,
  walk,
  type Element,
  type Node,
  type PolicyProblem,
  type Report,
} from "./html-tree-walk.js";
import { cssFinding, type PolicyOptions } from "./html-url-policy.js";

const NS = html5.NS;

// ---------------------------------------------------------------------------
// HTML pages

/** Elements a standalone page adds to those of a body, with their own attributes. */
const DOCUMENT_ELEMENTS: Record<string, readonly string[]> = {
  html: ["lang", "dir"],
  head: [],
  body: [],
  title: [],
};

/** `<meta charset>` and `<meta name="viewport|description" content>`: nothing that acts (http-equiv). */
function isHarmlessMeta(element: Element): boolean {
  const names = element.attrs
    .map((a) => a.name)
    .sort()
    .join(" ");
  if (names === "charset") return true;
  const name = element.attrs.find((a) => a.name === "name")?.value ?? "";
  return names === "content name" && /^(viewport|description)$/i.test(name);
}

/** The document's own elements: allowed here though a body may not hold them. */
function documentElement(element: Element): "allowed" | undefined {
  if (element.namespaceURI !== NS.HTML) return undefined;
  if (Object.hasOwn(DOCUMENT_ELEMENTS, element.tagName)) return "allowed";
  return element.tagName === "meta" && isHarmlessMeta(element) ? "allowed" : undefined;
}

/** Whether `attribute` is allowed on a document element (a `<meta>`'s were judged with it). */
function isDocumentAttribute(element: Element, attribute: string): boolean {
  return (
    element.namespaceURI === NS.HTML &&
    (element.tagName === "meta" ||
      (DOCUMENT_ELEMENTS[element.tagName]?.includes(attribute) ?? false) ||
      (Object.hasOwn(DOCUMENT_ELEMENTS, element.tagName) && HTML_GLOBAL.has(attribute)))
  );
}

/**
 * The problems of a standalone `.html` page of the content: the allowlist of
 * bodies, plus the document's own elements (`<html>`, `<head>`, `<body>`,
 * `<title>`, `<meta charset>`, `<meta name="viewport">`).
 */
export function htmlDocumentProblems(html: string, options: PolicyOptions = {}): PolicyProblem[] {
  let dropped: readonly DroppedTag[] = [];
  return located(
    (locations) => {
      const parsed = parseDocumentWatched(html, locations);
      dropped = parsed.dropped;
      return parsed.result.childNodes;
    },
    (nodes, report) => {
      reportDropped(dropped, report, true);
      walk(nodes, report, options, documentElement, (element, attribute, value) => {
        if (!isDocumentAttribute(element, attribute)) return undefined;
        // `<body style="background:url(https://…)">` loads a file like any element's style.
        if (attribute !== "style") return "allowed";
        return cssFinding(element.tagName, attribute, value, "image", options) ?? "allowed";
      });
    },
    html,
  );
}

// ---------------------------------------------------------------------------
// SVG files

/**
 * The problems of a standalone `.svg` file of the content: no script, no
 * event handler, no HTML inside it, no animation of links, no reference to
 * another site (`href`, `src`, `@import`, `url(http…)`), no DTD declarations
 * or style-sheet instructions. Unlike inline SVG, held to the allowlist, a
 * file is refused only what can act, so that a drawing saved by its editor
 * passes: elements of other namespaces (Inkscape's, RDF metadata) are inert
 * and allowed, and so are filters.
 *
 * The file is read twice. As XML (core/html-svg-file.ts), which is how a
 * browser opens it: what is checked is what the browser builds. And as
 * parse5 reads it inside an `<svg>`, as HTML would, should a server send it
 * as a page or someone paste it into one: a file must be safe either way.
 * A problem both readings find is reported once.
 */
export function svgDocumentProblems(svg: string): PolicyProblem[] {
  const declarations = declarationProblems(svg);
  const problems = [
    ...declarations,
    ...svgXmlProblems(svg, declarations.length === 0),
    ...located(
      (locations) =>
        parseFragment(defaultTreeAdapter.createElement("svg", NS.SVG, []), svg, {
          scriptingEnabled: true,
          sourceCodeLocationInfo: locations,
        }).childNodes,
      (nodes, report) => walkSvgFile(nodes, report, new Map()),
      svg,
    ),
  ];
  const seen = new Set<string>();
  return problems
    .sort((a, b) => a.offset - b.offset)
    .filter((p) => {
      const key = `${p.offset}\u0000${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Walks an SVG file's tree as parse5 built it, following the namespace prefixes its `xmlns:` attributes bind. */
function walkSvgFile(
  nodes: readonly Node[],
  report: Report,
  outermost: ReadonlyMap<string, string>,
): void {
  // Iterative, with the prefixes in scope of each node: a file may nest deeper than a recursion can.
  const stack: [Node, ReadonlyMap<string, string>, number][] = [...nodes]
    .reverse()
    .map((node) => [node, outermost, 1]);
  let deep = false;
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, inScope, depth] = entry;
    if (!isElement(node)) continue;
    if (depth > MAX_DEPTH && !deep) {
      deep = true;
      report(node, TOO_DEEP);
    }
    const binds = node.attrs.some((a) => attributeName(a).startsWith("xmlns:"));
    const own = binds ? new Map(inScope) : undefined;
    for (const a of node.attrs) {
      const attr = attributeName(a);
      if (attr.startsWith("xmlns:")) own?.set(attr.slice(6), a.value);
      const finding = namespaceFinding(attr, a.value);
      if (finding) report(node, finding, attr);
    }
    const prefixes = own ?? inScope;
    // `x:script` is SVG's script when x is bound to SVG's namespace; in another namespace it is inert.
    const colon = node.tagName.indexOf(":");
    const namespace =
      colon > 0 ? prefixes.get(node.tagName.slice(0, colon)) : (node.namespaceURI as string);
    const local = node.tagName.slice(colon + 1).toLowerCase();
    const refused = svgFileElementFinding(node.tagName, namespace, local);
    if (refused) report(node, refused);
    for (const a of node.attrs) {
      const attr = attributeName(a);
      if (attr === "xmlns" || attr.startsWith("xmlns:")) continue;
      const finding =
        namespace === NS.SVG || namespace === NS.HTML
          ? svgFileAttribute(node.tagName, local, attr, a.value)
          : foreignAttribute(node.tagName, attr, a.value);
      if (finding) report(node, finding, attr);
    }
    if (local === "style") {
      const css = node.childNodes.map((c) => ("value" in c ? c.value : "")).join("");
      const found = svgStyleFinding(node.tagName, css);
      if (found) report(node, found);
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) {
      const child = node.childNodes[i];
      if (child) stack.push([child, prefixes, depth + 1]);
    }
  }
}
