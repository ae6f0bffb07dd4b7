/**
 * Where the site is deployed: its `url` (origin, optionally with a path) and
 * its `pathPrefix`. Both are written into files that a newline or a stray
 * character would change the meaning of (`robots.txt`, the sitemap, the
 * feed, `_headers`, every link), so they are checked before anything uses
 * them, here, for `_data/site.json`, `--pathprefix` and `PATH_PREFIX` alike.
 */
import { z } from "zod";
import { describeCharacter } from "../core/text.js";
import { normalizePathPrefix } from "../core/urls.js";

/**
 * A path segment: unreserved URL characters only (RFC 3986 §2.3), so that a
 * segment means the same in a URL, a file name and a `_headers` rule, and
 * needs no percent-encoding (`%2e%2e` is `..` to some servers, not others).
 */
const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** Why `segments` (split on `/`) are not a clean path, or undefined. */
function segmentsProblem(segments: readonly string[]): string | undefined {
  for (const segment of segments) {
    if (segment === "") return "has an empty segment (`//`)";
    if (segment === "." || segment === "..") return `has a \`${segment}\` segment`;
    if (!SEGMENT.test(segment)) {
      const bad = [...segment].find((c) => !SEGMENT.test(c))!;
      return `has the character ${describeCharacter(bad)}; segments may hold letters, digits and - . _ ~`;
    }
  }
  return undefined;
}

/**
 * Why `prefix` is not a path prefix (`/course/`, `course`, `/a/b`), or
 * undefined. `/` and the empty string are no prefix.
 */
export function pathPrefixProblem(prefix: string): string | undefined {
  const inner = prefix.replace(/^\/|\/$/g, "");
  if (inner === "") return undefined;
  const problem = segmentsProblem(inner.split("/"));
  return problem === undefined ? undefined : `the path prefix ${problem}`;
}

/**
 * Why `url` is not the deployed site's address (`https://example.org`,
 * `https://example.org/docs/`), or undefined: an absolute http(s) URL with a
 * host, no user name or password, no query or fragment, and a clean path.
 */
export function siteUrlProblem(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f-\u009f]/.test(url)) {
    return "it has whitespace or a control character";
  }
  const match = /^(https?):\/\/([^/?#]*)([^?#]*)([?#].*)?$/i.exec(url);
  if (!match) return "it is not an absolute http(s) URL";
  const [, , authority = "", path = "", rest] = match;
  if (authority.includes("@")) return "it has a user name or password";
  if (rest !== undefined) return "it has a query or a fragment";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "it is not a well-formed URL";
  }
  if (parsed.hostname === "") return "it has no host";
  const inner = path.replace(/^\/|\/$/g, "");
  const problem = inner === "" ? undefined : segmentsProblem(inner.split("/"));
  return problem === undefined ? undefined : `its path ${problem}`;
}

/** `url` in `_data/site.json`. */
export const siteUrl = z.string().check((ctx) => {
  const problem = siteUrlProblem(ctx.value);
  if (problem === undefined) return;
  ctx.issues.push({
    code: "custom",
    input: ctx.value,
    params: { expected: `the site's http(s) address such as https://example.org (${problem})` },
  });
});

/** `pathPrefix` in `_data/site.json`, normalised to `/course/`. */
export const pathPrefix = z
  .string()
  .check((ctx) => {
    const problem = pathPrefixProblem(ctx.value);
    if (problem === undefined) return;
    ctx.issues.push({
      code: "custom",
      input: ctx.value,
      params: { expected: `a path such as /course/ (${problem})` },
    });
  })
  .default("/")
  .transform(normalizePathPrefix);
