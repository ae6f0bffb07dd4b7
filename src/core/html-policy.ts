/**
 * What HTML from content may contain, decided on the tree a browser builds.
 * The HTML is parsed by parse5, which follows the HTML5 parsing algorithm as
 * browsers do, in the context of the element that will hold it; the tree is
 * then walked against the allowlist (core/html-allowlist.ts). A check that
 * reads HTML differently from the browser can be walked around (`--!>`,
 * `<![CDATA[`, `<noscript><p title="</noscript><img onerror>">`): this one
 * sees what the browser will build. See the HTML standard, "Parsing HTML
 * fragments": https://html.spec.whatwg.org/multipage/parsing.html#parsing-html-fragments
 *
 * A fragment must also leave the parser as it found it: one that leaves a
 * comment, a `<textarea>` or a quote open would swallow the rest of the page.
 */
import { html as html5 } from "parse5";
import type { DefaultTreeAdapterTypes as Tree } from "parse5";
import { parseFragmentWatched, reportDropped, type DroppedTag } from "./html-parse.js";
import { scanHtml } from "./html-scan.js";
import {
  childrenOf,
  isElement,
  located,
  walk,
  type Element,
  type Node,
  type PolicyProblem,
  type Reported,
} from "./html-tree-walk.js";
import type { Finding, PolicyOptions } from "./html-url-policy.js";

export type { PolicyProblem } from "./html-tree-walk.js";
export type { PolicyOptions } from "./html-url-policy.js";

const NS = html5.NS;

/**
 * Appended to every fragment checked: if the fragment leaves the tokenizer or
 * the tree builder in a state that would swallow what follows it on the page
 * (an open comment, `<textarea>`, `<style>`, `<template>`, `<select>`, a
 * quote), the sentinel is not the fragment's last top-level HTML element.
 */
const SENTINEL_NAME = "syllabus-end-of-fragment";
const SENTINEL = `<${SENTINEL_NAME}></${SENTINEL_NAME}>`;

/**
 * The problems of `html`, to be placed inside a `<context>` element of a page
 * (`div` for a body, `span` or `li` for an inline fragment built from data).
 *
 * A context may also be a path, outermost first (`["body", "main", "article",
 * "div.article-body"]`: in the body of an article; an entry may name one class).
 * The fragment parsing algorithm keeps only the first element's state: that
 * one is the context, and the rest are opened before the fragment, as the
 * page opens them, so that what would close them on the page (`</article>`,
 * a nested `<a>`, a `<div>` in a `<p>`) closes them here and is reported.
 */
export function fragmentProblems(
  html: string,
  context: string | readonly string[],
  options: PolicyOptions = {},
): PolicyProblem[] {
  const [rootEntry = "div", ...path] = typeof context === "string" ? [context] : context;
  const root = holderOf(rootEntry).name;
  const opened = path.map(holderOf);
  const prefix = opened.map((h) => h.tag).join("");
  const text = prefix + html + SENTINEL;
  let dropped: readonly DroppedTag[] = [];
  const problems = located(
    (locations) => {
      const parsed = parseFragmentWatched(root, text, locations);
      dropped = parsed.dropped;
      return parsed.result.childNodes;
    },
    (nodes, report) => {
      reportDropped(dropped, report, false, (name) => name === SENTINEL_NAME);
      const { inside, escaped } = placed(nodes, opened);
      const closed = escaped.length === 0 && isClosed(inside);
      const allowSentinel = (element: Element) =>
        element.tagName === SENTINEL_NAME ? ("allowed" as const) : undefined;
      walk(inside, report, options, allowSentinel);
      walk(
        escaped.map((e) => e.node),
        report,
        options,
        allowSentinel,
      );
      const first = escaped[0];
      if (first) {
        // Text (or only the end) outside: an end tag (`</a>`) closed the holder; point at it.
        const before = first.node.sourceCodeLocation?.startOffset ?? text.length;
        const node =
          isElement(first.node) && first.node.tagName !== SENTINEL_NAME
            ? first.node
            : textAt(Math.max(text.lastIndexOf(`</`, before), 0), before);
        report(node, {
          rule: "unclosed-html",
          message: `This closes the ${first.holder.tag} the HTML is placed in: what follows it would be outside`,
        });
      } else if (!closed) report(...swallower(inside, html));
    },
    text,
  );
  return problems
    .map((p) => clampToHtml(shifted(p, prefix.length), html.length))
    .sort((a, b) => a.offset - b.offset);
}

/** An element of a context path: `div.article-body` is a `<div class="article-body">`. */
interface Holder {
  name: string;
  /** Its start tag, as the page writes it. */
  tag: string;
}

function holderOf(entry: string): Holder {
  const [name = "div", className] = entry.split(".", 2);
  return { name, tag: className ? `<${name} class="${className}">` : `<${name}>` };
}

/**
 * What the fragment holds in the innermost element of the context path, and
 * what it put after one of them, having closed it: innermost first, each
 * with the element it closed.
 */
function placed(
  nodes: readonly Node[],
  opened: readonly Holder[],
): { inside: readonly Node[]; escaped: { node: Reported; holder: Holder }[] } {
  let level = nodes;
  const escaped: { node: Reported; holder: Holder }[][] = [];
  for (const holder of opened) {
    const [first, ...after] = level;
    if (!first || !isElement(first) || first.tagName !== holder.name) break;
    escaped.push(after.filter(isReported).map((node) => ({ node, holder })));
    level = first.childNodes;
  }
  return { inside: level, escaped: escaped.reverse().flat() };
}

/** A problem's offsets less the prefix that opened the context path. */
function shifted(problem: PolicyProblem, by: number): PolicyProblem {
  if (by === 0) return problem;
  const at = (n: number) => Math.max(n - by, 0);
  const span = problem.span && { start: at(problem.span.start), end: at(problem.span.end) };
  return { ...problem, offset: at(problem.offset), ...(span ? { span } : {}) };
}

/**
 * Elements whose end tag the page's next tags imply (`</ul>` closes an open
 * `<li>`, `</div>` a `<p>`): left open, they swallow nothing.
 */
const IMPLIED_END = new Set(["p", "li", "dt", "dd", "option", "optgroup", "rb", "rp", "rt", "rtc"]);

/** Whether the sentinel came out as an HTML element at the top level, or in elements whose end is implied. */
function isClosed(nodes: readonly Node[]): boolean {
  for (let level = nodes; ;) {
    const last = level.at(-1);
    if (!last || !isElement(last) || last.namespaceURI !== NS.HTML) return false;
    if (last.tagName === SENTINEL_NAME) return true;
    if (!IMPLIED_END.has(last.tagName)) return false;
    level = last.childNodes;
  }
}

/** Keeps a problem's offsets inside `html`: what swallowed the sentinel may end after it. */
function clampToHtml(problem: PolicyProblem, length: number): PolicyProblem {
  if (problem.offset <= length && (problem.span?.end ?? 0) <= length) return problem;
  const span = problem.span && {
    start: Math.min(problem.span.start, length),
    end: Math.min(problem.span.end, length),
  };
  return { ...problem, offset: Math.min(problem.offset, length), ...(span ? { span } : {}) };
}

/** What holds the sentinel (or dropped it), as a report's arguments. */
function swallower(nodes: readonly Node[], html: string): [Reported, Finding] {
  const holder = findSentinel(nodes);
  const unclosed = (what: string): Finding => ({
    rule: "unclosed-html",
    message: `${what} is not closed: it would swallow the rest of the page`,
  });
  if (holder?.kind === "comment") return [holder.node, unclosed("A comment (<!--)")];
  if (holder?.kind === "attribute")
    return [holder.node, unclosed(`The tag <${holder.node.tagName}> (a quote is missing)`)];
  if (holder?.kind === "text") {
    const parent = holder.node.parentNode;
    if (parent && "tagName" in parent) {
      const what =
        parent.namespaceURI === NS.HTML
          ? `<${parent.tagName}>`
          : `A CDATA section in <${parent.tagName}>`;
      return [parent, unclosed(what)];
    }
  }
  if (holder?.kind === "element") {
    // Not a <p> or <li> the page would close, but what holds it.
    let open: Element = holder.node;
    while (IMPLIED_END.has(open.tagName) && open.parentNode && "tagName" in open.parentNode)
      open = open.parentNode;
    return [open, unclosed(`<${open.tagName}>`)];
  }
  // Dropped: inside a `<select>`, or a tag that runs to the end of the text.
  const open = lastOpen(nodes);
  if (open) return [open, unclosed(`<${open.tagName}>`)];
  // Nothing in the tree holds the unfinished tag: point at its text.
  const tagStart = scanHtml(html).at(-1)?.start ?? 0;
  const fake = textAt(tagStart, html.length);
  const name = /^<\/?([a-z][^\s/>]*)/i.exec(html.slice(tagStart))?.[1];
  return [fake, unclosed(name ? `The tag <${name.toLowerCase()}>` : "A tag")];
}

/** A text node to report on, at [start, end) of the checked text, for what the tree does not hold. */
function textAt(start: number, end: number): Tree.TextNode {
  return {
    nodeName: "#text",
    value: "",
    parentNode: null,
    sourceCodeLocation: {
      startOffset: start,
      endOffset: end,
      startLine: 1,
      startCol: 1,
      endLine: 1,
      endCol: 1,
    },
  };
}

/** Whether a node is one a problem can be reported on (not a doctype). */
function isReported(node: Node): node is Reported {
  return isElement(node) || node.nodeName === "#text" || node.nodeName === "#comment";
}

type SentinelHolder =
  | { kind: "comment"; node: Tree.CommentNode }
  | { kind: "text"; node: Tree.TextNode }
  | { kind: "attribute"; node: Element }
  | { kind: "element"; node: Element };

/**
 * Where the sentinel ended up: the innermost open element holding it, or the
 * comment, text or attribute that swallowed it. The tree is searched from its
 * end, depth first, without recursion (it may nest deeper than the stack).
 */
function findSentinel(nodes: readonly Node[]): SentinelHolder | undefined {
  const stack: [Node, Element | undefined][] = nodes.map((node) => [node, undefined]);
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, holder] = entry;
    if (node.nodeName === "#comment") {
      const comment = node as Tree.CommentNode;
      if (comment.data.includes(SENTINEL_NAME)) return { kind: "comment", node: comment };
    } else if (node.nodeName === "#text") {
      const text = node as Tree.TextNode;
      if (text.value.includes(SENTINEL_NAME)) return { kind: "text", node: text };
    } else if (isElement(node)) {
      if (node.tagName === SENTINEL_NAME) return holder && { kind: "element", node: holder };
      if (node.attrs.some((a) => a.value.includes(SENTINEL_NAME) || a.name.includes(SENTINEL_NAME)))
        return { kind: "attribute", node };
      for (const child of childrenOf(node)) stack.push([child, node]);
    }
  }
  return undefined;
}

/** The innermost element on the last path of the tree: where the parser still was at the end. */
function lastOpen(nodes: readonly Node[]): Element | undefined {
  let open: Element | undefined;
  for (let last = nodes.at(-1); last && isElement(last); last = childrenOf(last).at(-1)) {
    open = last;
    if (last.tagName === "select") break;
  }
  return open;
}
