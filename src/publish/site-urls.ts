/** Absolute URLs of the deployed site, for canonical links, feeds, the sitemap and social cards. */
import type { SiteOptions } from "../schema/site-options.js";
import { withPathPrefix } from "../core/urls.js";

/**
 * `https://example.org` + `/course/` + `/topics/x/`; undefined when the site's
 * `url` is not set, or for a page that is not written (Eleventy still renders
 * a template whose `permalink` is false, such as `/references/` in a course
 * that cites nothing, and its `page.url` is then `false`).
 */
export function absoluteUrl(
  options: Pick<SiteOptions, "url" | "pathPrefix">,
  path: string | false | undefined,
): string | undefined {
  if (!options.url || typeof path !== "string") return undefined;
  return `${options.url.replace(/\/+$/, "")}${withPathPrefix(path, options.pathPrefix)}`;
}

/**
 * The path a site path is served at, from the origin: the path of `url`
 * (`https://example.org/docs` serves under `/docs/`), then the path prefix.
 */
export function sitePath(options: Pick<SiteOptions, "url" | "pathPrefix">, path: string): string {
  const prefixed = withPathPrefix(path, options.pathPrefix);
  const base = options.url ? new URL(options.url).pathname.replace(/\/+$/, "") : "";
  return `${base}${prefixed}`;
}
