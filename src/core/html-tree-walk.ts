/**
 * Walks a tree parse5 built against the allowlist, and says where in the
 * checked text each refusal is. The fragment check and the checks of
 * standalone pages share it, so that a body and a page are judged alike.
 */
import { html as html5 } from "parse5";
import type { DefaultTreeAdapterTypes as Tree } from "parse5";
import { attributeFinding, elementFinding, eventHandlerFinding } from "./html-allowlist.js";
import type { Finding, PolicyOptions } from "./html-url-policy.js";

export interface PolicyProblem {
  /** Where the problem is in the checked text: its attribute, else its tag. */
  offset: number;
  /** Text to point at (an attribute's name, `<tag`). */
  needle: string;
  message: string;
  /** `unsafe-html`, `unsafe-url`, `external-resource`, `unclosed-html`. */
  rule: string;
  /** How to fix it, when there is more to say than the message. */
  hint?: string;
  /** The whole start tag (or comment) the problem is in, [start, end) in the checked text. */
  span?: { start: number; end: number };
}

export type Node = Tree.ChildNode;
export type Element = Tree.Element;
/** What a problem can be reported on: an element, or the comment or text that swallowed a fragment's end. */
export type Reported = Element | Tree.CommentNode | Tree.TextNode;

export type Report = (node: Reported, finding: Finding, attribute?: string) => void;

const NS = html5.NS;

export function isElement(node: Node | Reported): node is Element {
  return "tagName" in node;
}

/** An attribute's name as the allowlist spells it: lower-cased, with its prefix (`xlink:href`). */
export function attributeName(attribute: { name: string; prefix?: string }): string {
  return (
    attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name
  ).toLowerCase();
}

/** An element's children; a template's are its content's, which parse5 keeps apart. */
export function childrenOf(element: Element): readonly Node[] {
  return element.tagName === "template" && element.namespaceURI === NS.HTML
    ? (element as Tree.Template).content.childNodes
    : element.childNodes;
}

/**
 * How deep HTML may nest. Browsers stop nesting where parse5 does not
 * (Chromium puts elements past 512 levels of the page beside their parent),
 * so deeper HTML is not the tree checked; the page's own levels leave room.
 */
export const MAX_DEPTH = 256;

/** The finding for HTML nested past MAX_DEPTH. */
export const TOO_DEEP: Finding = {
  rule: "unsafe-html",
  message: `HTML nested more than ${MAX_DEPTH} elements deep is not allowed: browsers build such a tree differently`,
};

/**
 * The elements of `nodes` and their descendants (template contents too), in
 * document order, each with its depth (1 at the top). Iterative: a stranger's
 * HTML may nest deeper than the stack allows a recursion.
 */
export function* elementsOf(nodes: readonly Node[]): Generator<[Element, number]> {
  const stack: [Node, number][] = [];
  const pushAll = (children: readonly Node[], depth: number) => {
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push([child, depth]);
    }
  };
  pushAll(nodes, 1);
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    if (!isElement(node)) continue;
    yield [node, depth];
    pushAll(childrenOf(node), depth + 1);
  }
}

/** Walks `nodes` (and template contents), reporting each element or attribute the policy refuses. */
export function walk(
  nodes: readonly Node[],
  report: Report,
  options: PolicyOptions,
  /** A decision of the caller's own for an element, before the allowlist's. */
  extra?: (element: Element) => Finding | "allowed" | undefined,
  /** A decision of the caller's own for an attribute (lower-cased), before the allowlist's. */
  extraAttribute?: (
    element: Element,
    attr: string,
    value: string,
  ) => Finding | "allowed" | undefined,
): void {
  let deep = false;
  for (const [node, depth] of elementsOf(nodes)) {
    if (depth > MAX_DEPTH && !deep) {
      // Once, at the first element too deep: the rest is the same mistake.
      deep = true;
      report(node, TOO_DEEP);
    }
    const decided = extra?.(node);
    const finding = decided === "allowed" ? undefined : (decided ?? elementFinding(node));
    if (finding) report(node, finding);
    // A refused element's attributes are not listed one by one, but its event handlers are.
    for (const attribute of node.attrs) {
      const attr = attributeName(attribute);
      const handler = eventHandlerFinding(attr);
      const decided =
        handler ?? (finding ? undefined : extraAttribute?.(node, attr, attribute.value));
      const found =
        handler ??
        (finding || decided === "allowed"
          ? undefined
          : (decided ?? attributeFinding(node, attr, attribute.value, options)));
      if (found) report(node, found, attr);
    }
  }
}

/**
 * Runs `check` on a fast parse without locations; only when it finds
 * something, parses again with locations to say where: most text is clean,
 * and it need not pay for locations.
 */
export function located(
  parseTree: (locations: boolean) => readonly Node[],
  check: (nodes: readonly Node[], report: Report) => void,
  text: string,
): PolicyProblem[] {
  let found = false;
  check(parseTree(false), () => {
    found = true;
  });
  if (!found) return [];
  const problems: PolicyProblem[] = [];
  check(parseTree(true), (node, finding, attribute) => {
    problems.push(problemAt(node, finding, attribute, text));
  });
  return problems;
}

function problemAt(
  node: Reported,
  finding: Finding,
  attribute: string | undefined,
  text: string,
): PolicyProblem {
  const location = node.sourceCodeLocation;
  const tag = (location && "startTag" in location ? location.startTag : undefined) ?? location;
  const start = Math.min(tag?.startOffset ?? 0, text.length);
  const end = Math.min(tag?.endOffset ?? start, text.length);
  const attributeAt =
    attribute === undefined ? undefined : attributeLocation(location, attribute)?.startOffset;
  const problem: PolicyProblem = {
    offset: Math.min(attributeAt ?? start, text.length),
    needle: attribute ?? (isElement(node) ? `<${node.tagName}` : text.slice(start, start + 4)),
    message: finding.message,
    rule: finding.rule,
    span: { start, end },
  };
  if (finding.hint) problem.hint = finding.hint;
  return problem;
}

/** Where `attribute` (as `attributeName` spells it) is; parse5 keys locations by the name as written. */
function attributeLocation(location: Reported["sourceCodeLocation"], attribute: string) {
  const attrs = location && "attrs" in location ? location.attrs : undefined;
  if (!attrs) return undefined;
  return (
    attrs[attribute] ?? Object.entries(attrs).find(([n]) => n.toLowerCase() === attribute)?.[1]
  );
}
