/** Absolute URLs of the deployed site, for canonical links, feeds, the sitemap and social cards. */
import type { SiteOptions } from "../schema/site-options.js";
import { withPathPrefix } from "../core/urls.js";

/** `https://example.org` + `/course/` + `/topics/x/`; undefined when the site's `url` is not set. */
export function absoluteUrl(
  options: Pick<SiteOptions, "url" | "pathPrefix">,
  path: string,
): string | undefined {
  if (!options.url) return undefined;
  return `${options.url.replace(/\/+$/, "")}${withPathPrefix(path, options.pathPrefix)}`;
}
