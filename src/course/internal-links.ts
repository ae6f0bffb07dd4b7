/**
 * Every link and image on our own site must resolve: to a page Syllabus
 * writes or a file beside the content, and a `#fragment` to an element on
 * that page. External links are not fetched. Problems are reported where the
 * link was written, with the closest existing URL or id as a hint.
 */
import type { Diagnostic, Severity } from "../core/diagnostics.js";
import type { LinkRef } from "../markdown/render-context.js";
import { didYouMean } from "../core/suggest.js";
import { resolveSiteUrl } from "../source/content-files.js";

export interface LinkingPage {
  url: string;
  links: readonly LinkRef[];
}

export interface SiteIndex {
  /** Pages by URL: the ids on them, or "any" where ids are not known at check time. */
  pages: ReadonlyMap<string, ReadonlySet<string> | "any">;
  /** Whether a site path is a file published from `content/`. */
  isFile: (path: string) => boolean;
  siteOrigin: string | undefined;
  /** The path prefix the site is served under (`/course/`): absolute links to the site carry it. */
  pathPrefix: string;
}

export function checkInternalLinks(
  pages: readonly LinkingPage[],
  index: SiteIndex,
  linkSeverity: Severity,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (
    link: LinkRef,
    severity: Severity,
    rule: string,
    message: string,
    hint?: string,
  ) => diagnostics.push({ ...link.at, severity, rule, message, ...(hint ? { hint } : {}) });

  for (const page of pages) {
    for (const link of page.links) {
      if (/^(mailto|tel):/i.test(link.url)) continue;
      const written = onThisSite(link.url, index.siteOrigin, index.pathPrefix);
      if (written === undefined) continue;
      const target = resolveSiteUrl(written, page.url);
      if (!target) continue;
      if (link.kind === "image") {
        if (!index.isFile(target.path)) {
          report(
            link,
            "error",
            "image-missing",
            `Image "${link.url}" does not exist: expected a file at content${target.path}`,
          );
        }
        continue;
      }
      const pagePath = index.pages.has(target.path)
        ? target.path
        : index.pages.has(`${target.path}/`)
          ? `${target.path}/`
          : undefined;
      if (pagePath === undefined) {
        if (index.isFile(target.path)) continue;
        report(
          link,
          linkSeverity,
          "broken-link",
          `Broken link "${link.url}": no page or file has the URL ${target.path}`,
          didYouMean(target.path, index.pages.keys()),
        );
        continue;
      }
      const ids = index.pages.get(pagePath)!;
      if (target.fragment === "" || ids === "any" || ids.has(target.fragment)) continue;
      report(
        link,
        linkSeverity,
        "broken-anchor",
        `Broken link "${link.url}": ${pagePath} has no element with id "${target.fragment}"`,
        didYouMean(target.fragment, ids),
      );
    }
  }
  return diagnostics;
}

/**
 * A link as the site path it names. The deployed URL of a page
 * (`https://example.org/course/topics/x/`) names `/topics/x/` under the path
 * prefix `/course/`; a URL on the same origin outside the prefix is another
 * site's (GitHub Pages serves every project of a user from one origin), so it
 * is not checked (undefined). Other links are returned as written.
 */
function onThisSite(
  url: string,
  siteOrigin: string | undefined,
  pathPrefix: string,
): string | undefined {
  if (!siteOrigin || !/^https?:/i.test(url)) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.origin !== new URL(siteOrigin).origin) return url;
  const prefix = pathPrefix.endsWith("/") ? pathPrefix : `${pathPrefix}/`;
  const pathname = parsed.pathname === prefix.slice(0, -1) ? prefix : parsed.pathname;
  if (!pathname.startsWith(prefix)) return undefined;
  return `/${pathname.slice(prefix.length)}${parsed.search}${parsed.hash}`;
}

/** The ids in a fragment of HTML. */
export function idsIn(html: string): Set<string> {
  const ids = new Set<string>();
  for (const match of html.matchAll(/\sid="([^"]+)"/g))
    ids.add(match[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
  return ids;
}
