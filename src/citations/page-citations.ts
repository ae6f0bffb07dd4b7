/**
 * The citations of one page: numbers in order of first citation (citing a
 * work again reuses its number), every place a work is cited (for back-links),
 * and the page's reference list. One instance per page render.
 */
import type { Location, Severity } from "../core/diagnostics.js";
import { didYouMean } from "../core/suggest.js";
import type { Bibliography } from "./bibliography.js";
import type { CitationFormatter } from "./formatter.js";
import { parseCiteArgument, type CiteItem } from "./locator.js";
import { renderCluster, renderReferenceList, type ClusterPart } from "./render-citations.js";
import { escapeHtml } from "../core/html.js";
import { timed } from "../core/phases.js";

/** One citation cluster as written: each argument (`"key"` or `"key, p. 4"`) with where it was written. */
export interface CitationCluster {
  args: readonly { value: string; at: Location }[];
}

export type ReportProblem = (
  at: Location,
  severity: Severity,
  rule: string,
  message: string,
  hint?: string,
) => void;

export class PageCitationState {
  private readonly numbers = new Map<string, number>();
  private readonly backlinks = new Map<string, string[]>();
  private occurrences = 0;

  private readonly works: Bibliography["works"];
  /** Keys of entries left out as malformed: their problems are reported at the entry, once. */
  private readonly leftOut: ReadonlySet<string>;

  constructor(
    private readonly formatter: CitationFormatter,
    bibliography: Pick<Bibliography, "works" | "malformed">,
  ) {
    this.works = bibliography.works;
    this.leftOut = new Set(bibliography.malformed.flatMap((m) => (m.key ? [m.key] : [])));
  }

  /** The cluster's HTML, numbering the works it cites on this page; problems with its keys are reported. */
  cite(cluster: CitationCluster, report: ReportProblem): string {
    return timed("citations", () => this.citeUntimed(cluster, report));
  }

  private citeUntimed(cluster: CitationCluster, report: ReportProblem): string {
    const items: (CiteItem & { at: Location })[] = [];
    cluster.args.forEach(({ value, at }) => {
      const parsed = parseCiteArgument(value);
      if ("error" in parsed) {
        report(at, "error", "cite-malformed", parsed.error);
        return;
      }
      if (!this.works.has(parsed.item.key) && this.leftOut.has(parsed.item.key)) return;
      if (!this.works.has(parsed.item.key)) {
        const hint = didYouMean(parsed.item.key, this.works.keys());
        report(at, "error", "unknown-cite-key", `Unknown citation key "${parsed.item.key}"`, hint);
        return;
      }
      items.push({ ...parsed.item, at });
    });
    if (items.length === 0) return "";

    const style = this.formatter.style;
    const parts: (ClusterPart & { number: number })[] = items.flatMap((item) => {
      // Numeric styles print the page's own numbers; author-date ones citeproc's text.
      const inline = style.kind === "numeric" ? undefined : this.formatter.inlineText(item);
      if (inline && "error" in inline) {
        const name = style.definition?.file ?? `"${style.name}"`;
        report(
          item.at,
          "error",
          "citation-style-broken",
          `Citation style ${name} cannot format "${item.key}": ${inline.error}`,
        );
        return [];
      }
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
        inline?.html ?? `${number}${item.locatorText ? `, ${escapeHtml(item.locatorText)}` : ""}`;
      const work = this.works.get(item.key)!;
      return [
        {
          id: item.key,
          anchorId,
          labelHtml,
          entryHtml: this.formatter.entry(item.key),
          link: work.link,
          number,
        },
      ];
    });
    if (parts.length === 0) return "";
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
