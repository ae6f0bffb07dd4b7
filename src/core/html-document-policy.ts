/**
 * The checks of standalone `.html` and `.svg` files of the content. A browser
 * opens either as a document of the site, where its script would run, so each
 * must pass the policy of bodies (core/html-policy.ts), adjusted to what a
 * whole document holds.
 */
import { defaultTreeAdapter, html as html5, parse, parseFragment } from "parse5";
import { eventHandlerFinding, HTML_GLOBAL } from "./html-allowlist.js";
import {
  attributeName,
  isElement,
  located,
  walk,
  type Element,
  type Node,
  type PolicyProblem,
  type Report,
} from "./html-tree-walk.js";
import { browserUrl, urlFinding, type Finding, type PolicyOptions } from "./html-url-policy.js";

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
  return located(
    (locations) =>
      parse(html, { scriptingEnabled: true, sourceCodeLocationInfo: locations }).childNodes,
    (nodes, report) => {
      walk(
        nodes,
        (node, finding, attribute) => {
          if (attribute !== undefined && isElement(node) && isDocumentAttribute(node, attribute))
            return;
          report(node, finding, attribute);
        },
        options,
        documentElement,
      );
    },
    html,
  );
}

// ---------------------------------------------------------------------------
// SVG files

/** SVG elements that run script, hold HTML or act on other elements' attributes. */
const SVG_FILE_REFUSED: Record<string, string> = {
  script: "it would run script",
  foreignobject: "it puts HTML inside SVG",
  handler: "it would run script",
  listener: "it would run script",
  iframe: "it embeds another page",
  embed: "it embeds active content",
  object: "it embeds active content",
};
const ANIMATION = new Set(["animate", "set", "animatemotion", "animatetransform", "animatecolor"]);

/**
 * The problems of a standalone `.svg` file of the content: no script, no
 * event handler, no HTML inside it, no animation of links, no reference to
 * another site (`href`, `src`, `@import`, `url(http…)`), no entity
 * declarations or style-sheet instructions. Unlike inline SVG, held to the
 * allowlist, a file is refused only what can act, so that a drawing saved by
 * its editor passes: elements of other namespaces (Inkscape's, RDF metadata)
 * are inert and allowed, and so are filters. The file is read by parse5
 * inside an `<svg>`, as inline SVG is; what XML reads differently (the
 * internal subset, processing instructions, prefixes) is looked at on its own.
 */
export function svgDocumentProblems(svg: string): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const subset = /<!DOCTYPE[^>[]*\[|<!ENTITY/i.exec(svg);
  if (subset) {
    problems.push({
      offset: subset.index,
      needle: subset[0].slice(0, 9),
      rule: "unsafe-html",
      message: "Entity declarations are not allowed in an SVG file: they can insert markup",
    });
  }
  const stylesheet = /<\?xml-stylesheet/i.exec(svg);
  if (stylesheet) {
    problems.push({
      offset: stylesheet.index,
      needle: "<?xml-stylesheet",
      rule: "unsafe-html",
      message:
        "<?xml-stylesheet?> is not allowed in an SVG file: it would load a style sheet or transform",
    });
  }
  problems.push(
    ...located(
      (locations) =>
        parseFragment(defaultTreeAdapter.createElement("svg", NS.SVG, []), svg, {
          scriptingEnabled: true,
          sourceCodeLocationInfo: locations,
        }).childNodes,
      (nodes, report) => walkSvgFile(nodes, report, new Map()),
      svg,
    ),
  );
  return problems.sort((a, b) => a.offset - b.offset);
}

/** Walks an SVG file's tree, following the namespace prefixes its `xmlns:` attributes bind, as XML would. */
function walkSvgFile(
  nodes: readonly Node[],
  report: Report,
  inScope: ReadonlyMap<string, string>,
): void {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    const prefixes = new Map(inScope);
    for (const a of node.attrs) {
      const attr = attributeName(a);
      if (attr !== "xmlns" && !attr.startsWith("xmlns:")) continue;
      if (attr.startsWith("xmlns:")) prefixes.set(attr.slice(6), a.value);
      const namespace: string = a.value;
      if (
        namespace === (NS.HTML as string) ||
        namespace === (NS.MATHML as string) ||
        (attr === "xmlns" && namespace !== (NS.SVG as string))
      ) {
        report(
          node,
          {
            rule: "unsafe-html",
            message: `Namespace ${JSON.stringify(a.value)} is not allowed in an SVG file`,
          },
          attr,
        );
      }
    }
    // `x:script` is SVG's script when x is bound to SVG's namespace; in another namespace it is inert.
    const colon = node.tagName.indexOf(":");
    const namespace =
      colon > 0 ? prefixes.get(node.tagName.slice(0, colon)) : (node.namespaceURI as string);
    const local = node.tagName.slice(colon + 1).toLowerCase();
    if (namespace === NS.SVG || namespace === NS.HTML) {
      const why = namespace === NS.HTML ? "it is HTML" : SVG_FILE_REFUSED[local];
      if (why) {
        report(node, {
          rule: "unsafe-html",
          message: `Element <${node.tagName}> is not allowed in an SVG file: ${why}`,
        });
      }
      for (const a of node.attrs) {
        const attr = attributeName(a);
        const finding = svgFileAttribute(node.tagName, local, attr, a.value);
        if (finding) report(node, finding, attr);
      }
      if (local === "style") {
        const css = node.childNodes.map((c) => ("value" in c ? c.value : "")).join("");
        const found = externalCss(css);
        if (found) report(node, refersToAnotherFile("<style>", found));
      }
    }
    walkSvgFile(node.childNodes, report, prefixes);
  }
}

/** `@import` or a `url()` that is not `#id`, as written. */
function externalCss(css: string): string | undefined {
  return /@import|url\(\s*['"]?\s*(?!#)[^'")\s]/i.exec(css)?.[0].trim();
}

function refersToAnotherFile(what: string, found: string): Finding {
  return {
    rule: "external-resource",
    message: `${what} refers to another file (${found}): only the SVG's own elements (#id) can be referred to`,
  };
}

function svgFileAttribute(
  tag: string,
  local: string,
  attr: string,
  value: string,
): Finding | undefined {
  const handler = eventHandlerFinding(attr);
  if (handler) return handler;
  if (ANIMATION.has(local) && attr === "attributename" && /href$/i.test(value)) {
    return {
      rule: "unsafe-html",
      message: `<${tag} attributeName=${JSON.stringify(value)}> is not allowed: animating a link's target can run script`,
    };
  }
  if (attr === "href" || attr === "xlink:href" || attr === "src") {
    if (browserUrl(value).startsWith("#")) return undefined;
    // An `<a>`'s target is followed on a click, not fetched.
    const kind = local === "a" ? "link" : local === "image" ? "image" : "media";
    return urlFinding(tag, attr, value, kind, {});
  }
  const found = externalCss(value);
  return found ? refersToAnotherFile(`Attribute "${attr}"`, found) : undefined;
}
