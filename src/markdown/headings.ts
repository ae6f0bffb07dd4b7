/**
 * Stable heading ids (an author's `{#id}` wins; otherwise a slug of the text),
 * each heading a link to itself, and the h2/h3 outline for the page's table
 * of contents.
 */
import type { MarkdownIt, StateCore } from "markdown-it";
import anchor from "markdown-it-anchor";
import { NOTE_OPEN } from "./notes.js";
import { contextOf } from "./render-context.js";

/** `Q&A: <Attention> Heads` → `qa-attention-heads`. */
export function slugify(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[&'’]/g, "")
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "") || "section"
  );
}

function collectToc(md: MarkdownIt) {
  return (state: StateCore) => {
    const context = contextOf(state.env);
    if (!context) return;
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type !== "heading_open" || (token.tag !== "h2" && token.tag !== "h3")) continue;
      const id = token.attrGet("id");
      const children = (tokens[i + 1]?.children ?? []).filter(
        (t) => t.type !== "link_open" && t.type !== "link_close",
      );
      if (id === null) continue;
      context.toc.push({
        level: token.tag === "h2" ? 2 : 3,
        id: String(id),
        // A fresh env: problems in the heading are reported by the main render, not twice.
        html: md.renderer.renderInline(children, md.options, {}),
      });
    }
  };
}

/**
 * Ids the article layout gives its own elements (and citations their list):
 * a heading never takes one, so that `#references` always means the list.
 */
export const LAYOUT_IDS = [
  "main",
  "references",
  "prerequisites-title",
  "leads-title",
  "course-nav",
  "sidebar-toggle",
  "site-search-query",
  "build-problems-title",
];

const EXPLICIT_IDS = "syllabusExplicitIds";

/** Ids authors gave (`{#id}`) win: a generated slug steps around them. */
function collectExplicitIds(state: StateCore): void {
  const ids = new Set<string>();
  for (const token of state.tokens) {
    const id = token.type === "heading_open" ? token.attrGet("id") : null;
    if (id !== null) ids.add(String(id));
  }
  state.env[EXPLICIT_IDS] = ids;
}

function slugAvoidingExplicit(text: string, env: Record<string, unknown>): string {
  const base = slugify(text);
  const explicit = env[EXPLICIT_IDS] as Set<string> | undefined;
  const taken = (id: string) => explicit?.has(id) === true || LAYOUT_IDS.includes(id);
  if (!taken(base)) return base;
  let n = 1;
  while (taken(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

const headerLink = anchor.permalink.headerLink({ class: "heading-link" });

/**
 * Each heading links to itself, unless it holds a link or a note's toggle:
 * interactive content cannot nest. (Shortcodes in headings are reported and
 * left out before this runs; this keeps the rule true if one gets through.)
 */
const linkUnlessInteractive: anchor.PermalinkGenerator = (slug, options, state, index) => {
  const children = state.tokens[index + 1]?.children ?? [];
  const interactive = children.some((t) => t.type === "link_open" || t.type === NOTE_OPEN);
  if (!interactive) headerLink(slug, options, state, index);
};

export function headingsPlugin(md: MarkdownIt): void {
  md.core.ruler.push("syllabus_explicit_ids", collectExplicitIds);
  md.use(anchor, {
    level: [2, 3, 4, 5, 6],
    slugifyWithState: (text, state) =>
      slugAvoidingExplicit(text, state.env as Record<string, unknown>),
    failOnNonUnique: false,
    tabIndex: false,
    permalink: linkUnlessInteractive,
  });
  md.core.ruler.push("syllabus_toc", collectToc(md));
}
