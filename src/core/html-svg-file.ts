/**
 * What a standalone `.svg` file of the content may not hold, and its reading
 * as XML. A browser opens an `.svg` file (image/svg+xml) with its XML
 * parser, not the HTML one: prefixes bind namespaces (`<x:script
 * xmlns:x="http://www.w3.org/1999/xhtml">` is an HTML script), the internal
 * subset of a DOCTYPE declares entities and attribute defaults (`<!ATTLIST
 * svg onload CDATA "…">` adds an `onload` no tag shows), CDATA sections are
 * text, and `<?xml-stylesheet?>` loads a style sheet. So the file is read
 * here with saxes, a conforming XML parser, and judged on the elements and
 * attributes XML builds; core/html-document-policy.ts also reads it as HTML,
 * for a server that would send it as a page.
 */
import { html as html5 } from "parse5";
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from "saxes";
import { eventHandlerFinding } from "./html-allowlist.js";
import type { PolicyProblem } from "./html-tree-walk.js";
import { browserUrl, cssFinding, urlFinding, type Finding } from "./html-url-policy.js";

const NS = html5.NS;
const SVG_NS: string = NS.SVG;
const XLINK = "http://www.w3.org/1999/xlink";
const XML = "http://www.w3.org/XML/1998/namespace";

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

/** Namespaces whose elements act: HTML and MathML (links, script), XInclude and XSLT (load files). */
const REFUSED_NAMESPACES: Record<string, string> = {
  [NS.HTML]: "it is HTML",
  [NS.MATHML]: "it is MathML",
  "http://www.w3.org/2001/XInclude": "it would include another file",
  "http://www.w3.org/1999/XSL/Transform": "it would transform the file",
};

/** Why an element of `namespace` (its local name lower-cased) is refused, if it is. */
export function svgFileElementFinding(
  tag: string,
  namespace: string | undefined,
  local: string,
): Finding | undefined {
  const why =
    (namespace !== undefined && REFUSED_NAMESPACES[namespace]) ||
    (namespace === SVG_NS ? SVG_FILE_REFUSED[local] : undefined);
  return why
    ? { rule: "unsafe-html", message: `Element <${tag}> is not allowed in an SVG file: ${why}` }
    : undefined;
}

/** An `xmlns` or `xmlns:x` attribute binding a namespace that acts, or a default one that is not SVG's. */
export function namespaceFinding(attr: string, value: string): Finding | undefined {
  if (attr !== "xmlns" && !attr.startsWith("xmlns:")) return undefined;
  const refused =
    Object.hasOwn(REFUSED_NAMESPACES, value) || (attr === "xmlns" && value !== SVG_NS);
  return refused
    ? {
        rule: "unsafe-html",
        message: `Namespace ${JSON.stringify(value)} is not allowed in an SVG file`,
      }
    : undefined;
}

/** Why attribute `attr` (lower-cased, with its prefix) of an SVG element of the file is refused. */
export function svgFileAttribute(
  tag: string,
  local: string,
  attr: string,
  value: string,
): Finding | undefined {
  const handler = eventHandlerFinding(attr.slice(attr.indexOf(":") + 1));
  if (handler) return handler;
  if (attr === "xml:base") {
    return {
      rule: "unsafe-html",
      message: `Attribute "xml:base" is not allowed in an SVG file: it would change where its links point`,
    };
  }
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
  return cssFinding(tag, attr, value, "local", {});
}

/** An attribute of an element of another namespace (Inkscape's, RDF): inert, but for these. */
export function foreignAttribute(tag: string, attr: string, value: string): Finding | undefined {
  const handler = eventHandlerFinding(attr.slice(attr.indexOf(":") + 1));
  if (handler) return handler;
  if (attr === "xml:base") return svgFileAttribute(tag, "", attr, value);
  return attr === "style" ? cssFinding(tag, attr, value, "local", {}) : undefined;
}

/** The CSS of a `<style>` element of the file: only its own elements (`url(#id)`) may be referred to. */
export function svgStyleFinding(tag: string, css: string): Finding | undefined {
  return cssFinding(tag, undefined, css, "local", {});
}

/**
 * DTD declarations, which XML applies and HTML ignores: any `<!DOCTYPE` with
 * an internal subset (`[`, found past quoted ids, which may hold `>`), and
 * `<!ENTITY`, `<!ATTLIST`, `<!ELEMENT`, `<!NOTATION` anywhere.
 */
export function declarationProblems(svg: string): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const refuse = (offset: number, needle: string) =>
    problems.push({
      offset,
      needle,
      rule: "unsafe-html",
      message:
        "DTD declarations are not allowed in an SVG file: they can insert markup and add attributes",
      hint: "delete the DOCTYPE's internal subset ([…]); an SVG file needs no DOCTYPE",
    });
  for (const doctype of svg.matchAll(/<!DOCTYPE/gi)) {
    let i = doctype.index + doctype[0].length;
    while (i < svg.length && svg[i] !== ">" && svg[i] !== "[") {
      const c = svg[i]!;
      i = c === '"' || c === "'" ? svg.indexOf(c, i + 1) + 1 || svg.length : i + 1;
    }
    if (svg[i] !== ">") refuse(doctype.index, doctype[0]);
  }
  for (const declaration of svg.matchAll(/<!(ENTITY|ATTLIST|ELEMENT|NOTATION)/gi)) {
    if (!problems.some((p) => p.offset < declaration.index && svg[p.offset + 2] === "D"))
      refuse(declaration.index, declaration[0]);
  }
  return problems;
}

/**
 * The problems of the file read as XML, as the browser reads it: not
 * well-formed (the browser would show an error, and nothing else here can
 * be trusted to read it as the browser does), `<?xml-stylesheet?>`, and each
 * element and attribute by its namespace, as XML binds them.
 */
export function svgXmlProblems(
  svg: string,
  /** False when the DTD was refused: saxes skips its declarations, so an entity it declared is unknown. */
  reportIllFormed = true,
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  let failed = false;
  let tagStart = 0;
  /** The `<style>` elements open, with their text so far. */
  const styles: { tag: string; offset: number; css: string; end: number }[] = [];
  const open: string[] = [];
  const push = (offset: number, needle: string, finding: Finding, end = offset) =>
    problems.push({
      offset,
      needle,
      rule: finding.rule,
      message: finding.message,
      ...(finding.hint ? { hint: finding.hint } : {}),
      span: { start: offset, end },
    });

  parser.on("error", (error) => {
    if (failed) return;
    failed = true;
    if (!reportIllFormed) return;
    const at = Math.max(0, Math.min(parser.position - 1, svg.length));
    push(at, svg.slice(at, at + 1), {
      rule: "unsafe-html",
      message: `The SVG file is not well-formed XML: ${error.message.replace(/^\d+:\d+: /, "")}`,
      hint: "a browser shows an error instead of such a file; save it again from the drawing program",
    });
  });
  parser.on("processinginstruction", ({ target }) => {
    if (failed || target.toLowerCase() !== "xml-stylesheet") return;
    const at = svg.lastIndexOf("<?", parser.position);
    push(Math.max(at, 0), "<?xml-stylesheet", {
      rule: "unsafe-html",
      message:
        "<?xml-stylesheet?> is not allowed in an SVG file: it would load a style sheet or transform",
    });
  });
  parser.on("opentagstart", (tag) => {
    // saxes has read `<`, the name and the character that ended it.
    tagStart = parser.position - tag.name.length - 2;
  });
  parser.on("opentag", (tag) => {
    if (failed) return;
    const tagEnd = parser.position;
    const element: SaxesTagNS = tag;
    const local = element.local.toLowerCase();
    const isSvg = element.uri === SVG_NS;
    const refused = svgFileElementFinding(element.name, element.uri, local);
    if (refused) push(tagStart, `<${element.name}`, refused, tagEnd);
    for (const attribute of Object.values(element.attributes)) {
      const attr = qualifiedName(attribute);
      const finding =
        namespaceFinding(attr, attribute.value) ??
        (isSvg
          ? svgFileAttribute(element.name, local, attr, attribute.value)
          : foreignAttribute(element.name, attr, attribute.value));
      if (finding) {
        const at = attributeOffset(svg, tagStart, tagEnd, attribute.name);
        push(at, attr, finding, tagEnd);
      }
    }
    open.push(local);
    if (local === "style")
      styles.push({ tag: element.name, offset: tagStart, css: "", end: tagEnd });
  });
  const text = (value: string) => {
    const style = styles.at(-1);
    if (style && open.at(-1) === "style") style.css += value;
  };
  parser.on("text", text);
  parser.on("cdata", text);
  parser.on("closetag", () => {
    if (open.pop() !== "style") return;
    const style = styles.pop();
    const finding = style && !failed ? svgStyleFinding(style.tag, style.css) : undefined;
    if (style && finding) push(style.offset, `<${style.tag}`, finding, style.end);
  });
  parser.write(svg);
  if (!failed) parser.close();
  return problems;
}

/** An attribute's name as the rules spell it: lower-cased, `xlink:href` and `xml:base` whatever prefix binds them. */
function qualifiedName(attribute: SaxesAttributeNS): string {
  const local = attribute.local.toLowerCase();
  if (attribute.uri === XLINK) return `xlink:${local}`;
  if (attribute.uri === XML) return `xml:${local}`;
  return attribute.name.toLowerCase();
}

/** Where attribute `name` (as written) is in the start tag [start, end). */
function attributeOffset(svg: string, start: number, end: number, name: string): number {
  const tag = svg.slice(start, end);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const found = new RegExp(`\\s${escaped}\\s*=`).exec(tag);
  return found ? start + found.index + 1 : start;
}
