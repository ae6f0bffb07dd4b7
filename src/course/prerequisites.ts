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
import {
  prerequisiteItem,
  type ArticleFrontmatter,
  type PrerequisiteItem,
} from "../schema/frontmatter.js";

export type ParsedPrerequisite = { slug: string } | { error: string; hint?: string };

/**
 * The prerequisite items to check, each with its index in the list. When the
 * frontmatter failed its schema (a bad item, or any other key), the items are
 * read from the raw frontmatter, every one that has the shape of an item: a
 * bad item, which the schema reports, must not hide the problems of the
 * others.
 */
export function prerequisiteItems(
  data: ArticleFrontmatter | undefined,
  raw: Readonly<Record<string, unknown>>,
): { item: PrerequisiteItem; index: number }[] {
  const list: unknown = data?.prerequisites ?? raw.prerequisites;
  if (!Array.isArray(list)) return [];
  return list.flatMap((value: unknown, index) => {
    const parsed = prerequisiteItem.safeParse(value);
    return parsed.success ? [{ item: parsed.data, index }] : [];
  });
}

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
