/**
 * The allowlist of HTML from content: the HTML elements and attributes it may
 * use, the SVG of drawings and the MathML that KaTeX writes, and the decision
 * for one element or one attribute of the tree parse5 builds. What is not on
 * the list is refused: a new way to run script or load a file is closed until
 * someone adds it on purpose.
 */
import { html as html5 } from "parse5";
import type { DefaultTreeAdapterTypes as Tree } from "parse5";
import {
  cssFinding,
  htmlUrlKind,
  srcsetUrls,
  urlFinding,
  type Finding,
  type PolicyOptions,
} from "./html-url-policy.js";

const NS = html5.NS;

/** HTML elements content may use, and the attributes each takes besides the global ones. */
const HTML_ELEMENTS: Record<string, readonly string[]> = {
  a: ["href", "target", "rel", "hreflang", "name"],
  abbr: [],
  address: [],
  article: [],
  aside: [],
  audio: ["src", "controls", "loop", "muted", "preload"],
  b: [],
  bdi: [],
  bdo: [],
  blockquote: ["cite"],
  br: [],
  button: ["type", "name", "value", "disabled", "formaction", "formmethod"],
  caption: [],
  cite: [],
  code: [],
  col: ["span", "width"],
  colgroup: ["span", "width"],
  data: ["value"],
  dd: [],
  del: ["cite", "datetime"],
  details: ["open", "name"],
  dfn: [],
  div: [],
  dl: [],
  dt: [],
  em: [],
  fieldset: ["disabled", "name"],
  figcaption: [],
  figure: [],
  footer: [],
  form: ["action", "method", "name", "autocomplete"],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  header: [],
  hgroup: [],
  hr: [],
  i: [],
  iframe: [
    "src",
    "name",
    "width",
    "height",
    "allow",
    "allowfullscreen",
    "loading",
    "referrerpolicy",
    "sandbox",
  ],
  img: ["src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"],
  input: [
    "type",
    "name",
    "value",
    "checked",
    "disabled",
    "readonly",
    "placeholder",
    "min",
    "max",
    "step",
    "size",
    "maxlength",
    "autocomplete",
    "formaction",
  ],
  ins: ["cite", "datetime"],
  kbd: [],
  label: ["for"],
  legend: [],
  li: ["value"],
  main: [],
  mark: [],
  meter: ["value", "min", "max", "low", "high", "optimum"],
  nav: [],
  ol: ["start", "reversed", "type"],
  optgroup: ["label", "disabled"],
  option: ["value", "label", "selected", "disabled"],
  output: ["for", "name"],
  p: [],
  picture: [],
  pre: [],
  progress: ["value", "max"],
  q: ["cite"],
  rp: [],
  rt: [],
  ruby: [],
  s: [],
  samp: [],
  section: [],
  small: [],
  source: ["src", "srcset", "sizes", "type", "media", "width", "height"],
  span: [],
  strong: [],
  sub: [],
  summary: [],
  sup: [],
  table: [],
  tbody: [],
  td: ["colspan", "rowspan", "headers"],
  textarea: ["name", "rows", "cols", "placeholder", "readonly", "disabled", "maxlength"],
  tfoot: [],
  th: ["colspan", "rowspan", "headers", "scope", "abbr"],
  thead: [],
  time: ["datetime"],
  tr: [],
  track: ["src", "kind", "srclang", "label", "default"],
  u: [],
  ul: [],
  var: [],
  video: [
    "src",
    "poster",
    "controls",
    "width",
    "height",
    "loop",
    "muted",
    "autoplay",
    "playsinline",
    "preload",
  ],
  wbr: [],
};

/** The attributes every HTML element may take. */
export const HTML_GLOBAL = new Set([
  "id",
  "class",
  "title",
  "lang",
  "dir",
  "hidden",
  "role",
  "style",
  "tabindex",
  "translate",
]);

/**
 * SVG elements content may use: shapes, text, paint servers and their
 * structure. Not `script`, `foreignObject`, `image`, `a`, filters, nor the
 * animation elements (`animate`, `set`, …), which can set any attribute.
 */
const SVG_ELEMENTS = new Set(
  [
    "svg",
    "g",
    "defs",
    "symbol",
    "use",
    "title",
    "desc",
    "path",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "rect",
    "text",
    "tspan",
    "textPath",
    "linearGradient",
    "radialGradient",
    "stop",
    "clipPath",
    "mask",
    "pattern",
    "marker",
  ].map((n) => n.toLowerCase()),
);

const SVG_ATTRIBUTES = new Set(
  [
    "id",
    "class",
    "style",
    "role",
    "lang",
    "tabindex",
    "xmlns",
    "xmlns:xlink",
    "version",
    "viewBox",
    "preserveAspectRatio",
    "width",
    "height",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "fx",
    "fy",
    "d",
    "points",
    "pathLength",
    "transform",
    "fill",
    "fill-opacity",
    "fill-rule",
    "stroke",
    "stroke-width",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-miterlimit",
    "stroke-dasharray",
    "stroke-dashoffset",
    "stroke-opacity",
    "opacity",
    "color",
    "display",
    "visibility",
    "overflow",
    "clip-path",
    "clip-rule",
    "clipPathUnits",
    "mask",
    "maskUnits",
    "maskContentUnits",
    "marker-start",
    "marker-mid",
    "marker-end",
    "markerWidth",
    "markerHeight",
    "markerUnits",
    "refX",
    "refY",
    "orient",
    "vector-effect",
    "shape-rendering",
    "focusable",
    "font-family",
    "font-size",
    "font-style",
    "font-weight",
    "text-anchor",
    "dominant-baseline",
    "alignment-baseline",
    "baseline-shift",
    "letter-spacing",
    "text-decoration",
    "textLength",
    "lengthAdjust",
    "dx",
    "dy",
    "rotate",
    "startOffset",
    "offset",
    "stop-color",
    "stop-opacity",
    "gradientUnits",
    "gradientTransform",
    "spreadMethod",
    "patternUnits",
    "patternContentUnits",
    "patternTransform",
    // Local references only (`#id`): checked by `attributeFinding`.
    "href",
    "xlink:href",
  ].map((n) => n.toLowerCase()),
);

/** MathML as KaTeX writes it (MathML Core, plus the attributes of its presentation markup). */
const MATHML_ELEMENTS = new Set([
  "math",
  "semantics",
  "annotation",
  "mrow",
  "mi",
  "mn",
  "mo",
  "ms",
  "mtext",
  "mspace",
  "mfrac",
  "msqrt",
  "mroot",
  "msub",
  "msup",
  "msubsup",
  "munder",
  "mover",
  "munderover",
  "mmultiscripts",
  "mprescripts",
  "none",
  "mpadded",
  "mphantom",
  "mstyle",
  "menclose",
  "merror",
  "mfenced",
  "mtable",
  "mtr",
  "mlabeledtr",
  "mtd",
]);

const MATHML_ATTRIBUTES = new Set([
  "id",
  "class",
  "style",
  "xmlns",
  "display",
  "displaystyle",
  "scriptlevel",
  "mathvariant",
  "mathcolor",
  "mathbackground",
  "mathsize",
  "dir",
  "encoding",
  "lspace",
  "rspace",
  "stretchy",
  "fence",
  "separator",
  "separators",
  "accent",
  "accentunder",
  "largeop",
  "movablelimits",
  "symmetric",
  "minsize",
  "maxsize",
  "form",
  "open",
  "close",
  "width",
  "height",
  "depth",
  "voffset",
  "linethickness",
  "notation",
  "columnalign",
  "rowalign",
  "columnspacing",
  "rowspacing",
  "columnlines",
  "rowlines",
  "frame",
  "framespacing",
  "columnspan",
  "rowspan",
  "equalrows",
  "equalcolumns",
  "side",
  "align",
  "bevelled",
]);

const ANIMATES = "SVG animation can set any attribute, a link's target among them";

/** Why some elements are refused, beyond "not on the list". */
const SELECT_REASON = "browsers disagree about what it may hold, so it cannot be checked";

const ELEMENT_REASONS: Record<string, string> = {
  script: "it would run script",
  noscript: "the site runs with script on, so its content would never show",
  base: "it would change where every link of the page points",
  meta: "it belongs to the page's layout (http-equiv can redirect the page)",
  link: "it would load a resource the page did not ask for",
  style: "it would restyle the whole page",
  object: "it embeds active content",
  embed: "it embeds active content",
  applet: "it embeds active content",
  frame: "it embeds active content",
  frameset: "it embeds active content",
  template: "its content is never shown",
  xmp: "it is obsolete: use <pre>",
  noembed: "it is obsolete",
  noframes: "it is obsolete",
  plaintext: "it is obsolete, and would swallow the rest of the page",
  foreignobject: "it puts HTML inside SVG",
  animate: ANIMATES,
  set: ANIMATES,
  animatemotion: ANIMATES,
  animatetransform: ANIMATES,
  "annotation-xml": "it can hold HTML inside MathML",
  // Browsers since 2025 (customizable select) keep tags inside it that older parsers, ours included, drop.
  select: SELECT_REASON,
  selectedcontent: SELECT_REASON,
  datalist: SELECT_REASON,
};

/** `data-*` and `aria-*`, allowed on HTML and SVG elements alike. */
const DATA_OR_ARIA = /^(data|aria)-[a-z0-9-_.]+$/;

/** An event handler (`onclick`, `onload`, …), refused everywhere: it would run script. */
export function eventHandlerFinding(attribute: string): Finding | undefined {
  if (!/^on/i.test(attribute)) return undefined;
  return {
    rule: "unsafe-html",
    message: `Attribute "${attribute}" is not allowed: event handlers would run script`,
  };
}

/** Why `element` is refused, or undefined when it is on the list of its namespace. */
export function elementFinding(element: Tree.Element): Finding | undefined {
  const name = element.tagName.toLowerCase();
  const allowed =
    element.namespaceURI === NS.HTML
      ? Object.hasOwn(HTML_ELEMENTS, name) || isMathInHtml(element)
      : element.namespaceURI === NS.SVG
        ? SVG_ELEMENTS.has(name)
        : element.namespaceURI === NS.MATHML && MATHML_ELEMENTS.has(name);
  if (allowed) return undefined;
  const why = ELEMENT_REASONS[name];
  return {
    rule: "unsafe-html",
    message: `Element <${element.tagName}> is not allowed${why ? `: ${why}` : " in content"}`,
  };
}

/** Why attribute `attr` (lower-cased, with its prefix) of an allowed `element` is refused, its URL included. */
export function attributeFinding(
  element: Tree.Element,
  attr: string,
  value: string,
  options: PolicyOptions,
): Finding | undefined {
  const name = element.tagName.toLowerCase();
  const notAllowed = (why?: string): Finding => ({
    rule: "unsafe-html",
    message: `Attribute "${attr}" is not allowed on <${name}>${why ? `: ${why}` : ""}`,
  });
  if (element.namespaceURI === NS.HTML && !isMathInHtml(element)) {
    const own = HTML_ELEMENTS[name] ?? [];
    if (!HTML_GLOBAL.has(attr) && !DATA_OR_ARIA.test(attr) && !own.includes(attr)) {
      return notAllowed(
        attr === "srcdoc" ? "it would embed a page that is not checked" : undefined,
      );
    }
    if (attr === "style") return cssFinding(name, attr, value, "image", options);
    const kind = htmlUrlKind(name, attr);
    if (kind === undefined) return undefined;
    const urls = attr === "srcset" ? srcsetUrls(value) : [value];
    for (const url of urls) {
      const finding = urlFinding(name, attr, url, kind, options);
      if (finding) return finding;
    }
    return undefined;
  }
  if (element.namespaceURI === NS.SVG) {
    if (!SVG_ATTRIBUTES.has(attr) && !DATA_OR_ARIA.test(attr)) return notAllowed();
    if (attr === "href" || attr === "xlink:href")
      return urlFinding(name, attr, value, "local", options);
    // Paint and clip references, in presentation attributes and `style`: `url(#id)` only.
    if (DATA_OR_ARIA.test(attr)) return undefined;
    return cssFinding(name, attr, value, "local", options);
  }
  if (element.namespaceURI === NS.MATHML || isMathInHtml(element)) {
    if (attr === "encoding" && name !== "annotation") return notAllowed();
    if (!MATHML_ATTRIBUTES.has(attr)) return notAllowed();
    return attr === "style" ? cssFinding(name, attr, value, "image", options) : undefined;
  }
  return notAllowed();
}

/**
 * A MathML element name read as HTML: inside `<mi>`, `<mo>`, `<mtext>` (text
 * integration points) the parser makes HTML elements, so KaTeX's
 * `<mi><mover>…` holds an HTML `mover`, an inert unknown element.
 */
function isMathInHtml(element: Tree.Element): boolean {
  return (
    element.namespaceURI === NS.HTML &&
    !Object.hasOwn(HTML_ELEMENTS, element.tagName) &&
    MATHML_ELEMENTS.has(element.tagName)
  );
}
