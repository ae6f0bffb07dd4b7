/**
 * Every path the site writes, claimed once: a page's file (`/about/index.html`
 * for `/about/`, `/data.json` itself) and every file published from content/,
 * none over another, nor inside another as if it were a folder (`/a.png` and
 * `/a.png/index.html`). Two paths that differ only in case are a warning: a
 * case-insensitive host (macOS, Windows, some object stores) keeps one.
 */
import type { Diagnostic, Location } from "../core/diagnostics.js";
import { isGeneratedUrl } from "../core/urls.js";

export class SitePathClaims {
  private readonly owners = new Map<string, string>();
  private readonly folders = new Map<string, { owner: string; at: string }>();
  private readonly folded = new Map<string, { owner: string; at: string }>();

  constructor(private readonly diagnostics: Diagnostic[]) {}

  /** A page at `url`, written by `owner` (its source); reported at `where` (its permalink) when it clashes. */
  page(url: string, owner: string, where: Location): boolean {
    const at = url.endsWith("/") ? `${url}index.html` : url;
    const taken = isGeneratedUrl(url) ? "a page Syllabus generates" : this.owners.get(at);
    const nested = taken === undefined ? this.nested(at) : undefined;
    if (taken === undefined && nested === undefined) return this.record(at, owner, where);
    this.error(
      where,
      taken !== undefined
        ? `URL ${url} is already claimed by ${taken}`
        : `URL ${url} is written at ${at}, but ${nested!.owner} is published at ${nested!.at}: one would need the other as a folder`,
    );
    return false;
  }

  /** A file from content/, claimed once every page has claimed its URL: a clash drops the file, not the page. */
  file(sitePath: string, owner: string): boolean {
    const where = { file: owner, line: 1, column: 1 };
    const taken = this.owners.get(sitePath);
    const nested = taken === undefined ? this.nested(sitePath) : undefined;
    if (taken === undefined && nested === undefined) return this.record(sitePath, owner, where);
    this.error(
      where,
      taken !== undefined
        ? `${owner} would be published at ${sitePath}, where the page of ${taken} is`
        : `${owner} would be published at ${sitePath}, but ${nested!.owner} is published at ${nested!.at}: one would need the other as a folder`,
    );
    return false;
  }

  /** Who holds `at` as a folder, or a folder of `at` as a file. */
  private nested(at: string): { owner: string; at: string } | undefined {
    const inside = this.folders.get(`${at}/`);
    if (inside) return inside;
    for (let slash = at.indexOf("/", 1); slash > 0; slash = at.indexOf("/", slash + 1)) {
      const owner = this.owners.get(at.slice(0, slash));
      if (owner !== undefined) return { owner, at: at.slice(0, slash) };
    }
    return undefined;
  }

  private record(at: string, owner: string, where: Location): true {
    this.owners.set(at, owner);
    for (let slash = at.indexOf("/", 1); slash > 0; slash = at.indexOf("/", slash + 1))
      if (!this.folders.has(at.slice(0, slash + 1)))
        this.folders.set(at.slice(0, slash + 1), { owner, at });
    const first = this.folded.get(at.toLowerCase());
    if (first) {
      this.diagnostics.push({
        ...where,
        severity: "warning",
        rule: "case-clash",
        message: `${owner} is published at ${at} and ${first.owner} at ${first.at}: they differ only in case, and on a case-insensitive host one replaces the other`,
      });
    } else this.folded.set(at.toLowerCase(), { owner, at });
    return true;
  }

  private error(where: Location, message: string): void {
    this.diagnostics.push({ ...where, severity: "error", rule: "duplicate-url", message });
  }
}
