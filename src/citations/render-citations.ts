/**
 * HTML for citations: the inline cluster with its preview cards, an
 * article's reference list, and the course bibliography. Inputs are data and
 * citeproc's already-escaped entry HTML; everything else is escaped here.
 */
import { attributes, escapeHtml } from "../core/html.js";
import type { CitationStyle } from "./csl-style.js";

export interface ClusterPart {
  id: string;
  /** Unique on the page: the back-links of the reference list point here. */
  anchorId: string;
  /** The number (numeric styles) or the author-date text (already HTML). */
  labelHtml: string;
  /** Entry HTML for the preview card. */
  entryHtml: string;
  link: { href: string; label: string } | undefined;
}

export function referenceAnchor(id: string): string {
  return `ref-${id}`;
}

export function renderCluster(style: CitationStyle, parts: ClusterPart[]): string {
  const { prefix, suffix, delimiter, superscript } = style.layout;
  const items = parts.map(
    (part) =>
      `<span class="cite-item">` +
      `<a class="cite-link"${attributes({ id: part.anchorId, href: `#${referenceAnchor(part.id)}`, "aria-describedby": `${part.anchorId}-card` })}>${part.labelHtml}</a>` +
      `<span class="cite-card"${attributes({ id: `${part.anchorId}-card` })}>` +
      `<span class="cite-card-entry">${part.entryHtml}</span>` +
      extraLink(part.entryHtml, part.link, "cite-card-link") +
      `</span></span>`,
  );
  const inner = `${escapeHtml(prefix)}${items.join(escapeHtml(delimiter))}${escapeHtml(suffix)}`;
  const body = superscript ? `<sup>${inner}</sup>` : inner;
  return `<span class="citation"${attributes({ "data-cites": parts.map((p) => p.id).join(" ") })}>${body}</span>`;
}

export function paperLink(link: { href: string; label: string }, className: string): string {
  return `<a${attributes({ class: className, href: link.href })}>${escapeHtml(link.label)}</a>`;
}

/** The paper's link, unless the style already printed one in the entry. */
export function extraLink(
  entryHtml: string,
  link: { href: string; label: string } | undefined,
  className: string,
): string {
  return link && !entryHtml.includes("<a ") ? ` ${paperLink(link, className)}` : "";
}

export interface ReferenceEntry {
  id: string;
  entryHtml: string;
  link: { href: string; label: string } | undefined;
  /** Anchors of the places citing it, in document order. */
  backlinks: string[];
}

export function renderReferenceList(
  style: CitationStyle,
  entries: ReferenceEntry[],
  words: { heading: string; backToCitation: string },
): string {
  if (entries.length === 0) return "";
  const tag = style.kind === "numeric" ? "ol" : "ul";
  const items = entries.map((entry) => {
    const backlinks = entry.backlinks
      .map((anchor, i) => {
        const text = entry.backlinks.length === 1 ? "↩" : letter(i);
        const label =
          `${words.backToCitation} ${entry.backlinks.length === 1 ? "" : letter(i)}`.trim();
        return `<a${attributes({ href: `#${anchor}`, "aria-label": label })}>${text}</a>`;
      })
      .join(" ");
    const prefix = entry.backlinks.length > 1 ? '<span aria-hidden="true">↩</span> ' : "";
    return (
      `<li${attributes({ id: referenceAnchor(entry.id) })}>` +
      `<span class="reference-entry">${entry.entryHtml}</span>` +
      extraLink(entry.entryHtml, entry.link, "reference-link") +
      ` <span class="backlinks">${prefix}${backlinks}</span></li>`
    );
  });
  return (
    `<section class="references" aria-labelledby="references">` +
    `<h2 id="references">${escapeHtml(words.heading)}</h2>` +
    `<${tag} class="reference-list reference-list-${style.kind}">${items.join("")}</${tag}></section>`
  );
}

/** a, b, …, z, aa, ab, … */
function letter(index: number): string {
  let n = index;
  let out = "";
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}
