/** Eleventy `permalink` values: where they write, and whether that stays inside `_site/`. */

export type PermalinkResult = { url: string } | { error: string };

/** The URL a permalink publishes at, or why it may not be used. */
export function permalinkUrl(permalink: string): PermalinkResult {
  if (/^[a-z][a-z0-9+.-]*:/i.test(permalink) || permalink.startsWith("//")) {
    return { error: `Permalink "${permalink}" must be a path inside the site, not a URL` };
  }
  const segments: string[] = [];
  for (const segment of permalink.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.length === 0)
        return { error: `Permalink "${permalink}" would write outside _site/` };
      segments.pop();
    } else segments.push(segment);
  }
  const joined = `/${segments.join("/")}`;
  if (/\/index\.html?$/.test(joined)) return { url: joined.replace(/index\.html?$/, "") };
  const isFile = /\.[a-z0-9]+$/i.test(joined);
  return { url: isFile || joined === "/" ? joined : `${joined}/` };
}
