/**
 * Formats works with citeproc (through citation-js), once per build: each
 * work's entry once, each author-date citation form once. citeproc is slow
 * per call, so everything it returns is cached; the cost grows with the
 * number of distinct works cited, not with pages.
 */
import { timed } from "../core/phases.js";
import type { Bibliography } from "./bibliography.js";
import { createEngine, type CiteprocEngine } from "./citation-js.js";
import type { CitationStyle } from "./csl-style.js";
import type { CiteItem } from "./locator.js";

export class CitationFormatter {
  private engine: CiteprocEngine | undefined;
  private entries: Map<string, string> | undefined;
  private order: Map<string, number> | undefined;
  private readonly inline = new Map<string, string>();

  constructor(
    private readonly bibliography: Bibliography,
    readonly style: CitationStyle,
    private readonly locale: string,
    /** Every work cited anywhere in the course (for disambiguation: 2022a, 2022b). */
    private readonly citedIds: readonly string[],
  ) {}

  /** The works cited in the course, sorted: output depends on them (disambiguation). */
  get citedKeys(): string[] {
    return [...this.citedIds].sort();
  }

  private prepare(): {
    engine: CiteprocEngine;
    entries: Map<string, string>;
    order: Map<string, number>;
  } {
    if (this.engine && this.entries && this.order)
      return { engine: this.engine, entries: this.entries, order: this.order };
    return timed("citations", () => this.prepareUntimed());
  }

  private prepareUntimed(): {
    engine: CiteprocEngine;
    entries: Map<string, string>;
    order: Map<string, number>;
  } {
    const items = [...this.bibliography.works.values()].map((w) => w.item);
    const engine = createEngine(items, this.style.name, this.locale);
    engine.updateItems([...this.citedIds]);
    const entries = new Map<string, string>();
    const order = new Map<string, number>();
    const result = engine.makeBibliography();
    if (result) {
      const [meta, html] = result;
      meta.entry_ids.forEach(([id], index) => {
        if (id === undefined) return;
        entries.set(id, entryContent(html[index] ?? ""));
        order.set(id, index);
      });
    }
    this.engine = engine;
    this.entries = entries;
    this.order = order;
    return { engine, entries, order };
  }

  /** Formats the course's works once now; returns citeproc's message if the style cannot. */
  problem(): string | undefined {
    try {
      this.prepare();
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message.split("\n")[0] : String(error);
    }
  }

  /** The work's reference-list entry as inline HTML, without a number. */
  entry(id: string): string {
    return this.prepare().entries.get(id) ?? "";
  }

  /** Position of the work in the style's bibliography order (author-date lists sort by it). */
  position(id: string): number {
    return this.prepare().order.get(id) ?? Number.MAX_SAFE_INTEGER;
  }

  /** Author-date text of one cited work, without the cluster's brackets: `Elhage et al., 2022, p. 4`. */
  inlineText(item: CiteItem): string {
    const cacheKey = `${item.key}\u0000${item.label ?? ""}\u0000${item.locator ?? ""}`;
    const cached = this.inline.get(cacheKey);
    if (cached !== undefined) return cached;
    return timed("citations", () => this.formatInline(item, cacheKey));
  }

  private formatInline(item: CiteItem, cacheKey: string): string {
    const { engine } = this.prepare();
    const cluster = engine.makeCitationCluster([
      {
        id: item.key,
        ...(item.locator ? { locator: item.locator, label: item.label ?? "page" } : {}),
      },
    ]);
    const { prefix, suffix } = this.style.layout;
    let text = cluster;
    if (prefix && text.startsWith(prefix)) text = text.slice(prefix.length);
    if (suffix && text.endsWith(suffix)) text = text.slice(0, -suffix.length);
    this.inline.set(cacheKey, text);
    return text;
  }
}

/**
 * The inside of citeproc's `<div class="csl-entry">`, without the number
 * column, and with its blocks turned into spans so that it can sit inside a
 * paragraph (the preview card) as well as in a list.
 */
export function entryContent(html: string): string {
  return html
    .trim()
    .replace(/^<div class="csl-entry">/, "")
    .replace(/<\/div>$/, "")
    .replace(/<div class="csl-left-margin">[\s\S]*?<\/div>/, "")
    .replace(/<div class="csl-right-inline">([\s\S]*)<\/div>/, "$1")
    .replace(/<div class="(csl-[\w-]+)">/g, '<span class="$1">')
    .replace(/<\/div>/g, "</span>")
    .trim();
}
