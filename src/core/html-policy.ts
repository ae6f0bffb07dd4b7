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
import { defaultTreeAdapter, html as html5, parseFragment } from "parse5";
import type { DefaultTreeAdapterTypes as Tree } from "parse5";
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
 */
export function fragmentProblems(
  html: string,
  context: string,
  options: PolicyOptions = {},
): PolicyProblem[] {
  const text = html + SENTINEL;
  const problems = located(
    (locations) =>
      parseFragment(defaultTreeAdapter.createElement(context, NS.HTML, []), text, {
        scriptingEnabled: true,
        sourceCodeLocationInfo: locations,
      }).childNodes,
    (nodes, report) => {
      const closed = isClosed(nodes);
      walk(nodes, report, options, (element) =>
        element.tagName === SENTINEL_NAME ? "allowed" : undefined,
      );
      if (!closed) report(...swallower(nodes, html));
    },
    text,
  );
  return problems.map((p) => clampToHtml(p, html.length));
}

/**
 * Elements whose end tag the page's next tags imply (`</ul>` closes an open
 * `<li>`, `</div>` a `<p>`): left open, they swallow nothing.
 */
const IMPLIED_END = new Set(["p", "li", "dt", "dd", "option", "optgroup", "rb", "rp", "rt", "rtc"]);

/** Whether the sentinel came out as an HTML element at the top level, or in elements whose end is implied. */
function isClosed(nodes: readonly Node[]): boolean {
  const last = nodes.at(-1);
  if (!last || !isElement(last) || last.namespaceURI !== NS.HTML) return false;
  if (last.tagName === SENTINEL_NAME) return true;
  return IMPLIED_END.has(last.tagName) && isClosed(last.childNodes);
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
  const fake: Tree.TextNode = {
    nodeName: "#text",
    value: "",
    parentNode: null,
    sourceCodeLocation: {
      startOffset: tagStart,
      endOffset: html.length,
      startLine: 1,
      startCol: 1,
      endLine: 1,
      endCol: 1,
    },
  };
  const name = /^<\/?([a-z][^\s/>]*)/i.exec(html.slice(tagStart))?.[1];
  return [fake, unclosed(name ? `The tag <${name.toLowerCase()}>` : "A tag")];
}

type Holder =
  | { kind: "comment"; node: Tree.CommentNode }
  | { kind: "text"; node: Tree.TextNode }
  | { kind: "attribute"; node: Element }
  | { kind: "element"; node: Element };

/** Where the sentinel ended up: the innermost open element holding it, or the comment, text or attribute that swallowed it. */
function findSentinel(nodes: readonly Node[], holder?: Element): Holder | undefined {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    if (!node) continue;
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
      const inner = findSentinel(childrenOf(node), node);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** The innermost element on the last path of the tree: where the parser still was at the end. */
function lastOpen(nodes: readonly Node[]): Element | undefined {
  const last = nodes.at(-1);
  if (!last || !isElement(last)) return undefined;
  if (last.tagName === "select") return last;
  return lastOpen(childrenOf(last)) ?? last;
}
