/**
 * The citations of one page: numbers in order of first citation (citing a
 * work again reuses its number), every place a work is cited (for back-links),
 * and the page's reference list. One instance per page render.
 */
import type { CiteCall, PageCitations } from "../render/render-body.js";
import { didYouMean } from "../core/suggest.js";
import type { Work } from "./bibliography.js";
import type { CitationFormatter } from "./formatter.js";
import { parseCiteArgument, type CiteItem } from "./locator.js";
import { renderCluster, renderReferenceList, type ClusterPart } from "./render-citations.js";
import { escapeHtml } from "../core/html.js";
import { timed } from "../core/phases.js";

export class PageCitationState implements PageCitations {
  private readonly numbers = new Map<string, number>();
  private readonly backlinks = new Map<string, string[]>();
  private occurrences = 0;

  constructor(
    private readonly formatter: CitationFormatter,
    private readonly works: ReadonlyMap<string, Work>,
  ) {}

  cite(call: CiteCall): string {
    return timed("citations", () => this.citeUntimed(call));
  }

  private citeUntimed(call: CiteCall): string {
    const items: CiteItem[] = [];
    call.args.forEach((arg, i) => {
      const at = call.at[i]!;
      const parsed = parseCiteArgument(arg.value);
      if ("error" in parsed) {
        call.report(at, "error", "cite-malformed", parsed.error);
        return;
      }
      if (!this.works.has(parsed.item.key)) {
        const hint = didYouMean(parsed.item.key, this.works.keys());
        call.report(
          at,
          "error",
          "unknown-cite-key",
          `Unknown citation key "${parsed.item.key}"`,
          hint,
        );
        return;
      }
      items.push(parsed.item);
    });
    if (items.length === 0) return "";

    const style = this.formatter.style;
    const parts: (ClusterPart & { number: number })[] = items.map((item) => {
      let number = this.numbers.get(item.key);
      if (number === undefined) {
        number = this.numbers.size + 1;
        this.numbers.set(item.key, number);
      }
      const anchorId = `cite-${++this.occurrences}`;
      const list = this.backlinks.get(item.key) ?? [];
      list.push(anchorId);
      this.backlinks.set(item.key, list);
      const labelHtml =
        style.kind === "numeric"
          ? `${number}${item.locatorText ? `, ${escapeHtml(item.locatorText)}` : ""}`
          : this.formatter.inlineText(item);
      const work = this.works.get(item.key)!;
      return {
        id: item.key,
        anchorId,
        labelHtml,
        entryHtml: this.formatter.entry(item.key),
        link: work.link,
        number,
      };
    });
    // Numeric styles list a cluster's works in number order.
    if (style.kind === "numeric") parts.sort((a, b) => a.number - b.number);
    return renderCluster(style, parts);
  }

  /** Works cited on this page, in order of first citation. */
  get citedIds(): string[] {
    return [...this.numbers.keys()];
  }

  referencesHtml(words: { heading: string; backToCitation: string }): string {
    return timed("citations", () => this.referencesUntimed(words));
  }

  private referencesUntimed(words: { heading: string; backToCitation: string }): string {
    const ids = this.citedIds;
    if (this.formatter.style.kind !== "numeric") {
      ids.sort((a, b) => this.formatter.position(a) - this.formatter.position(b));
    }
    return renderReferenceList(
      this.formatter.style,
      ids.map((id) => ({
        id,
        entryHtml: this.formatter.entry(id),
        link: this.works.get(id)?.link,
        backlinks: this.backlinks.get(id) ?? [],
      })),
      words,
    );
  }
}
