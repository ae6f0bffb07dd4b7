/**
 * Links the first use of each glossary term on a page to its definition, with
 * a preview on hover and focus (opt-in: `glossaryLinks` in `_data/site.json`).
 * Only paragraphs and table cells of articles: headings, summaries, links
 * (Markdown or raw HTML), notes, code and math are left alone.
 */
import type { Env, MarkdownIt, StateCore, Token } from "markdown-it";
import type { GlossaryTerm, TermMatcher } from "./glossary.js";
import { attributes, escapeHtml } from "../core/html.js";
import { NOTE_CLOSE, NOTE_OPEN } from "../markdown/notes.js";

const KEY = "syllabusGlossary";

export interface GlossaryLinking {
  matcher: TermMatcher;
  /** Definitions as inline HTML, by term id. */
  definitions: ReadonlyMap<string, string>;
  /** The article being rendered: its own terms are not linked. */
  slug: string | undefined;
  used: Set<string>;
}

export function withGlossary(env: Env, linking: GlossaryLinking): Env {
  env[KEY] = linking;
  return env;
}

function termHtml(term: GlossaryTerm, text: string, definitionHtml: string, index: number): string {
  const id = `glossary-${index}`;
  return (
    `<span class="term-item">` +
    `<a class="term-link"${attributes({ href: `/glossary/#${term.id}`, "aria-describedby": `${id}-card` })}>${escapeHtml(text)}</a>` +
    `<span class="term-card"${attributes({ id: `${id}-card` })}><strong>${escapeHtml(term.term)}</strong> ${definitionHtml}</span>` +
    `</span>`
  );
}

function linkTerms(state: StateCore): void {
  const linking = state.env[KEY] as GlossaryLinking | undefined;
  if (!linking) return;
  state.tokens.forEach((block, i) => {
    // Text of paragraphs and table cells only: not headings, nor a summary (it is a button), nor raw HTML.
    const parent = state.tokens[i - 1]?.type;
    if (block.type !== "inline" || !block.children) return;
    if (parent !== "paragraph_open" && parent !== "td_open" && parent !== "th_open") return;
    const children: Token[] = [];
    let linkDepth = 0;
    let noteDepth = 0;
    for (const child of block.children) {
      if (child.type === "link_open") linkDepth++;
      if (child.type === "link_close") linkDepth--;
      // A raw HTML link: a term link cannot go inside it either.
      if (child.type === "html_inline" && /^<a[\s>]/i.test(child.content)) linkDepth++;
      if (child.type === "html_inline" && /^<\/a\s*>/i.test(child.content)) linkDepth--;
      if (child.type === NOTE_OPEN) noteDepth++;
      if (child.type === NOTE_CLOSE) noteDepth--;
      if (child.type !== "text" || linkDepth > 0 || noteDepth > 0) {
        children.push(child);
        continue;
      }
      let rest = child.content;
      for (;;) {
        const found = linking.matcher.find(rest, linking.used, linking.slug);
        if (!found) break;
        linking.used.add(found.term.id);
        const before = new state.Token("text", "", 0);
        before.content = rest.slice(0, found.index);
        const link = new state.Token("html_inline", "", 0);
        link.content = termHtml(
          found.term,
          rest.slice(found.index, found.index + found.length),
          linking.definitions.get(found.term.id) ?? "",
          linking.used.size,
        );
        children.push(before, link);
        rest = rest.slice(found.index + found.length);
      }
      const tail = new state.Token("text", "", 0);
      tail.content = rest;
      tail.meta = child.meta;
      children.push(tail);
    }
    block.children = children;
  });
}

export function glossaryLinksPlugin(md: MarkdownIt): void {
  md.core.ruler.push("syllabus_glossary_links", linkTerms);
}
