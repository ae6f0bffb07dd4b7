/**
 * Eleventy `permalink` values: where they write, and whether that may be
 * used. A permalink comes from content (data from strangers), and Eleventy
 * writes a file at it: anything that would write outside `_site/`, replace
 * a file Syllabus generates, or fail to be written (a NUL, a name too long)
 * is refused here, so that `check` rejects what `build` would crash on.
 */
import { describeCharacter } from "../core/text.js";
import { generatedUrlAt } from "../core/urls.js";

export type PermalinkResult = { url: string } | { error: string; rule: PermalinkRule };

/** Why a permalink is refused: outside the site, over a generated file, or not a usable path. */
export type PermalinkRule =
  "permalink-outside-site" | "permalink-reserved" | "permalink-characters";

/** Longest file or folder name most file systems accept (NAME_MAX), in UTF-8 bytes. */
const MAX_NAME_BYTES = 255;
/** Longest permalink accepted: far above any readable URL, far below PATH_MAX. */
const MAX_LENGTH = 1024;

/**
 * Characters a permalink may not hold, with why: control characters and
 * whitespace (they cannot be written or linked as they are), `\` (a folder
 * separator on Windows), `%` (percent-encoding would make the URL and the
 * file name differ: `%2e%2e` is `..` to some servers), `?` and `#` (they
 * end the path of a URL), and `"<>|*`, which Windows does not allow in names.
 */
const REFUSED =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\\%?#"<>|*]/u;

/** The URL a permalink publishes at, or why it may not be used. */
export function permalinkUrl(permalink: string): PermalinkResult {
  const shown = JSON.stringify(permalink);
  if (/^[a-z][a-z0-9+.-]*:/i.test(permalink) || permalink.startsWith("//")) {
    return {
      error: `Permalink ${shown} must be a path inside the site, not a URL`,
      rule: "permalink-outside-site",
    };
  }
  const refused = REFUSED.exec(permalink)?.[0];
  if (refused !== undefined) {
    return {
      error: `Permalink ${shown} has the character ${describeCharacter(refused)}, which a published path may not hold`,
      rule: "permalink-characters",
    };
  }
  if (permalink.length > MAX_LENGTH) {
    return {
      error: `Permalink is ${permalink.length} characters long, more than ${MAX_LENGTH}`,
      rule: "permalink-characters",
    };
  }
  const segments: string[] = [];
  for (const segment of permalink.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.length === 0)
        return {
          error: `Permalink ${shown} would write outside _site/`,
          rule: "permalink-outside-site",
        };
      segments.pop();
    } else if (Buffer.byteLength(segment) > MAX_NAME_BYTES) {
      return {
        error: `Permalink ${shown} has a name longer than ${MAX_NAME_BYTES} bytes, which file systems do not accept`,
        rule: "permalink-characters",
      };
    } else segments.push(segment);
  }
  const url = publishedUrl(`/${segments.join("/")}`, permalink.endsWith("/"));
  // A folder URL is written at its index.html: generatedUrlAt sees both (`/_headers/` under the file `/_headers`).
  const generated = generatedUrlAt(url);
  if (generated !== undefined) {
    return {
      error: `Permalink ${shown} would replace ${generated}, which Syllabus generates`,
      rule: "permalink-reserved",
    };
  }
  return { url };
}

/** `/a/index.html` → `/a/`; `/a` → `/a/`; `/a.json` → `/a.json`; `/a.json/` (a folder) → `/a.json/`. */
function publishedUrl(joined: string, folder: boolean): string {
  if (/\/index\.html?$/.test(joined)) return joined.replace(/index\.html?$/, "");
  const isFile = !folder && /\.[a-z0-9]+$/i.test(joined);
  return isFile || joined === "/" ? joined : `${joined}/`;
}
