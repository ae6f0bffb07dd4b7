/**
 * Formats works with citeproc (through citation-js), once per build: each
 * work's entry once, each author-date citation form once. citeproc is slow
 * per call, so everything it returns is cached; the cost grows with the
 * number of distinct works cited, not with pages.
 */
import { fragmentProblems, type PolicyProblem } from "../core/html-policy.js";
import { timed } from "../core/phases.js";
import type { Bibliography } from "./bibliography.js";
import { createEngine, type CiteprocEngine } from "./citation-js.js";
import type { CitationStyle } from "./csl-style.js";
import type { CiteItem } from "./locator.js";

/** Where a citation's text lands: in `<a class="cite-link">`, in the paragraph that cites. */
const INLINE_CONTEXT = ["div", "p", "a"] as const;
/** Where an entry lands, at its narrowest: a preview card's `<span>`, in the paragraph that cites. */
const ENTRY_CONTEXT = ["div", "p", "span"] as const;

export class CitationFormatter {
  private engine: CiteprocEngine | undefined;
  private entries: Map<string, string> | undefined;
  private order: Map<string, number> | undefined;
  private readonly inline = new Map<string, string>();
  /** Entries left out because the HTML policy rejects what citeproc made of them. */
  private readonly rejected = new Map<string, PolicyProblem>();

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
    const result = failsIn("bibliography", () => engine.makeBibliography());
    if (result) {
      const [meta, html] = result;
      meta.entry_ids.forEach(([id], index) => {
        if (id === undefined) return;
        const entry = entryContent(html[index] ?? "");
        // Built from data: checked as the browser will read it, once per work (citeproc
        // escapes text, so this is defence in depth). It is placed in a <span> of the preview
        // card, in the paragraph that cites, where a block would close the paragraph.
        const [problem] = fragmentProblems(entry, ENTRY_CONTEXT);
        if (problem) this.rejected.set(id, problem);
        entries.set(id, problem ? "" : entry);
        order.set(id, index);
      });
    }
    this.engine = engine;
    this.entries = entries;
    this.order = order;
    return { engine, entries, order };
  }

  /**
   * Formats the course's works once now, and one citation of an author-date
   * style (numeric ones print their own numbers), so that a style citeproc
   * cannot run is one problem found here rather than a throw later: its
   * message, and the part of the style it came from when known.
   */
  problem(): { message: string; part: "citation" | "bibliography" | undefined } | undefined {
    try {
      this.prepare();
      const first = this.citedIds[0];
      if (this.style.kind !== "numeric" && first !== undefined) {
        failsIn("citation", () =>
          this.engine?.makeCitationCluster([{ id: first, locator: "1", label: "page" }]),
        );
      }
      return undefined;
    } catch (error) {
      const part = error instanceof StylePartError ? error.part : undefined;
      const cause = error instanceof StylePartError ? error.cause : error;
      return { message: firstLine(cause), part };
    }
  }

  /** The works whose entry the HTML policy rejected (and which are left without one), with why. */
  rejectedEntries(): ReadonlyMap<string, PolicyProblem> {
    this.prepare();
    return this.rejected;
  }

  /** The work's reference-list entry as inline HTML, without a number. */
  entry(id: string): string {
    return this.prepare().entries.get(id) ?? "";
  }

  /** Position of the work in the style's bibliography order (author-date lists sort by it). */
  position(id: string): number {
    return this.prepare().order.get(id) ?? Number.MAX_SAFE_INTEGER;
  }

  /**
   * Author-date text of one cited work, without the cluster's brackets:
   * `Elhage et al., 2022, p. 4`; citeproc's message when it cannot format it.
   */
  inlineText(item: CiteItem): { html: string } | { error: string } {
    const cacheKey = `${item.key}\u0000${item.label ?? ""}\u0000${item.locator ?? ""}`;
    const cached = this.inline.get(cacheKey);
    if (cached !== undefined) return { html: cached };
    return timed("citations", () => {
      try {
        return { html: this.formatInline(item, cacheKey) };
      } catch (error) {
        return { error: firstLine(error) };
      }
    });
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
    // Built from data and the page's locator, placed inside the citation's link, in a
    // paragraph (render-citations.ts): checked there, so that a nested <a> or a block is seen.
    const [problem] = fragmentProblems(text, INLINE_CONTEXT);
    if (problem) throw new Error(`${problem.message} (${problem.rule})`);
    this.inline.set(cacheKey, text);
    return text;
  }
}

/** An error citeproc threw while formatting one part of a style. */
class StylePartError extends Error {
  constructor(
    readonly part: "citation" | "bibliography",
    override readonly cause: unknown,
  ) {
    super(firstLine(cause));
  }
}

function failsIn<T>(part: "citation" | "bibliography", run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new StylePartError(part, error);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
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
