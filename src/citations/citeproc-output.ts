/**
 * What citeproc cannot say, said after it runs. CSL-JSON has no way to mark
 * an author list as truncated (BibTeX's `and others`) and citeproc has no
 * TeX, so the bibliography reader leaves two kinds of marks in the items it
 * gives citeproc, and every string citeproc returns passes through here:
 *
 * - a last author whose literal name is {@link ET_AL_MARKER}: replaced by
 *   the style locale's "et al." after the listed names, as biblatex does,
 *   whatever the style's et-al thresholds (citeproc counts names only);
 * - math in a text field, `$\ell_1$`, as a placeholder `⟦n⟧` (no letters,
 *   so no text-case or strip-periods changes it): rendered with KaTeX here.
 */
import { escapeHtml } from "../core/html.js";
import { renderTex } from "../markdown/tex.js";

/** The literal name standing for `and others`; letters only, so that citeproc prints it as it is. */
export const ET_AL_MARKER = "SYLLABUSETALMARKER";

/** The placeholder of the `index`-th formula of the bibliography. */
export function mathPlaceholder(index: number): string {
  return `⟦${index}⟧`;
}

const PLACEHOLDER = /⟦(\d+)⟧/g;

export interface CiteprocTerms {
  /** The locale's `et-al` term, as HTML ("et al.", "u.&#160;a."). */
  etAl: string;
  /** The locale's `and` term, as citeproc prints it in a name list ("and", "und"). */
  and: string;
}

/** TeX sources of the formulas the placeholders stand for. */
export type BibliographyMath = readonly string[];

/** citeproc's HTML with the truncated author lists and the math of the bibliography restored. */
export function finishCiteprocHtml(
  html: string,
  math: BibliographyMath,
  terms: CiteprocTerms,
): string {
  return restoreMath(restoreEtAl(html, terms), math, (tex) => {
    const rendered = renderTex(tex, false);
    // The reader checked every formula with KaTeX; a failure here shows the TeX.
    return rendered.ok ? rendered.html : `<code>${escapeHtml(tex)}</code>`;
  });
}

/** Plain text of a field for places that are not HTML (feed, search, cards): the formulas as TeX. */
export function finishCiteprocText(text: string, math: BibliographyMath): string {
  return restoreMath(text, math, (tex) => tex);
}

function restoreMath(text: string, math: BibliographyMath, render: (tex: string) => string) {
  return text.replace(PLACEHOLDER, (whole, index: string) => {
    const tex = math[Number(index)];
    return tex === undefined ? whole : render(tex);
  });
}

/**
 * Replaces the marker and what joins it to the names before it (the
 * delimiter, the "and" term or "&", APA's ". . ." before a last author)
 * with the et-al term: after the delimiter when one was printed (two names
 * or more, as CSL's contextual `delimiter-precedes-et-al`), else a space.
 */
export function restoreEtAl(html: string, terms: CiteprocTerms): string {
  if (!html.toLowerCase().includes(ET_AL_MARKER.toLowerCase())) return html;
  const and = escapeRegExp(terms.and);
  const joint = new RegExp(
    String.raw`([,;]?)\s*(?:(?:…|\. \. \.)\s*)?(?:(?:&#38;|&amp;|&|${and})\s+)?${ET_AL_MARKER}((?:</\w+>)*)(\.?)`,
    "giu",
  );
  // The period that ends the names merges with the one that ends "et al.", as citeproc does.
  const merges = terms.etAl.endsWith(".");
  return html.replace(
    joint,
    (_whole, delimiter: string, closing: string, period: string) =>
      `${delimiter} ${terms.etAl}${closing}${merges ? "" : period}`,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A CSL-JSON text field as safe HTML: its text escaped, and the rich-text
 * markup CSL-JSON defines (`<i>`, `<b>`, `<sup>`, `<sub>`, nocase and
 * small-caps spans) kept where it is balanced, as citeproc reads it.
 */
export function cslRichText(text: string): string {
  const tag =
    /<(\/?)(i|b|sup|sub)>|<span class="nocase">|<span style="font-variant:\s*small-caps;?">|<\/span>/g;
  const open: string[] = [];
  let out = "";
  let last = 0;
  for (const match of text.matchAll(tag)) {
    out += escapeHtml(text.slice(last, match.index));
    last = match.index + match[0].length;
    const [whole, slash, name] = match;
    const element = name ?? "span";
    if (slash === "/" || whole === "</span>") {
      // A closing tag is kept only when it closes the innermost open element.
      if (open.at(-1) === element) out += `</${open.pop()!}>`;
      else out += escapeHtml(whole);
    } else {
      open.push(element);
      out += whole.includes("small-caps") ? '<span class="small-caps">' : `<${element}>`;
    }
  }
  out += escapeHtml(text.slice(last));
  while (open.length > 0) out += `</${open.pop()!}>`;
  return out;
}
