/**
 * The shape of a prerequisite item: a slug, a `/topics/<slug>/` path, or a
 * `{title, url}` map. Resolving the slug to an article is the graph's job.
 */
import {
  isSiteRelativePath,
  isValidSlug,
  slugFromTopicPath,
  topicUrl,
  urlScheme,
} from "../core/urls.js";
import type { PrerequisiteItem } from "../schema/frontmatter.js";

export type ParsedPrerequisite = { slug: string } | { error: string; hint?: string };

export function parsePrerequisite(item: PrerequisiteItem): ParsedPrerequisite {
  const isMap = typeof item !== "string";
  const target = (isMap ? item.url : item).trim();
  if (!isMap && isValidSlug(target)) return { slug: target };
  if (isSiteRelativePath(target)) {
    const slug = slugFromTopicPath(target.replace(/[?#].*$/, ""));
    if (slug !== undefined) return { slug };
    return {
      error: `Prerequisite "${target}" is not an article: expected a path like "/topics/<slug>/"`,
    };
  }
  if (isMap && isValidSlug(target)) {
    return {
      error: `Prerequisite url "${target}" is not a site-relative path`,
      hint: `did you mean "${topicUrl(target)}"?`,
    };
  }
  const scheme = urlScheme(target);
  return {
    error: scheme
      ? `Prerequisite URL "${target}" is not a site-relative path: a prerequisite must be an article of this course ("/topics/<slug>/")`
      : `Unexpected prerequisite "${target}": expected a slug or a path like "/topics/<slug>/"`,
  };
}
