/**
 * parse5's parser, watched for the start tags its tree builder drops. parse5
 * follows the HTML standard of its release; browsers move on (since 2025 they
 * keep `<meta>`, `<form>`, `<button>` inside `<select>`, which parse5 drops).
 * Where a tag the tokenizer read makes no element, the tree checked is not
 * the one a browser may build, so a drop is reported, not trusted.
 */
import { defaultTreeAdapter, html as html5, Parser, type Token } from "parse5";
import type { DefaultTreeAdapterMap, DefaultTreeAdapterTypes as Tree } from "parse5";
import type { Report } from "./html-tree-walk.js";
import type { Finding } from "./html-url-policy.js";

/** A start tag the tree builder made no element of; `location` only when parsed with locations. */
export interface DroppedTag {
  name: string;
  attributes: readonly Token.Attribute[];
  location: Token.Location | null;
}

interface Watch {
  /** The attributes of the start tag being processed: an element made from it shares them. */
  current: Token.Attribute[] | null;
  created: boolean;
}

class WatchedParser extends Parser<DefaultTreeAdapterMap> {
  readonly dropped: DroppedTag[] = [];
  watch: Watch = { current: null, created: false };

  override onStartTag(token: Token.TagToken): void {
    this.watch.current = token.attrs;
    this.watch.created = false;
    super.onStartTag(token);
    if (!this.watch.created)
      this.dropped.push({ name: token.tagName, attributes: token.attrs, location: token.location });
    this.watch.current = null;
  }
}

/** The default tree adapter, noting when an element is made from the start tag being processed. */
function watchedAdapter(watch: Watch): typeof defaultTreeAdapter {
  return {
    ...defaultTreeAdapter,
    createElement(tagName, namespaceURI, attrs) {
      if (attrs === watch.current) watch.created = true;
      return defaultTreeAdapter.createElement(tagName, namespaceURI, attrs);
    },
  };
}

export interface Parsed<T> {
  result: T;
  dropped: readonly DroppedTag[];
}

/** Parses `html` as the content of a `<context>` element (scripting enabled, as in a browser). */
export function parseFragmentWatched(
  context: string,
  html: string,
  locations: boolean,
): Parsed<Tree.DocumentFragment> {
  const watch: Watch = { current: null, created: false };
  const parser = WatchedParser.getFragmentParser(
    defaultTreeAdapter.createElement(context, html5.NS.HTML, []),
    {
      scriptingEnabled: true,
      sourceCodeLocationInfo: locations,
      treeAdapter: watchedAdapter(watch),
    },
  ) as WatchedParser;
  parser.watch = watch;
  parser.tokenizer.write(html, true);
  return { result: parser.getFragment(), dropped: parser.dropped };
}

/** Parses a whole page (scripting enabled). */
export function parseDocumentWatched(html: string, locations: boolean): Parsed<Tree.Document> {
  const watch: Watch = { current: null, created: false };
  const parser = new WatchedParser({
    scriptingEnabled: true,
    sourceCodeLocationInfo: locations,
    treeAdapter: watchedAdapter(watch),
  });
  parser.watch = watch;
  parser.tokenizer.write(html, true);
  return { result: parser.document, dropped: parser.dropped };
}

/**
 * Why a dropped start tag is refused, or nothing for the drops every browser
 * makes alike and that change nothing: a `<head>` in the body, and a second
 * `<html>` or `<body>` without attributes. With attributes, a browser gives
 * them to the page's own element: in a whole page parse5 does so too (and the
 * walk sees them), in a fragment it cannot, so there they are refused.
 */
export function droppedFinding(tag: DroppedTag, inDocument: boolean): Finding | undefined {
  if (tag.name === "head") return undefined;
  if (tag.name === "html" || tag.name === "body") {
    if (inDocument || tag.attributes.length === 0) return undefined;
    return {
      rule: "unsafe-html",
      message: `A <${tag.name}> tag with attributes is not allowed here: a browser would give them to the page's own <${tag.name}>`,
    };
  }
  return {
    rule: "unsafe-html",
    message: `The tag <${tag.name}> is not allowed here: the parser drops it, but a browser may keep it`,
  };
}

/** Reports each refused drop, at its tag (an element made to stand for it: the tree has none). */
export function reportDropped(
  dropped: readonly DroppedTag[],
  report: Report,
  inDocument: boolean,
  /** Tags of the checker's own (a sentinel), never the author's. */
  ours: (name: string) => boolean = () => false,
): void {
  for (const tag of dropped) {
    if (ours(tag.name)) continue;
    const finding = droppedFinding(tag, inDocument);
    if (!finding) continue;
    const element = defaultTreeAdapter.createElement(tag.name, html5.NS.HTML, []);
    if (tag.location) element.sourceCodeLocation = { ...tag.location, startTag: tag.location };
    report(element, finding);
  }
}
