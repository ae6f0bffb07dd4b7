/**
 * Which URLs HTML from content may hold, and where. The site runs under a
 * strict Content-Security-Policy (no third-party requests but the iframes of
 * `embeds`): a URL it would block is reported where it is written, instead of
 * breaking silently on the page. Each URL is judged as the browser will read
 * it (`browserUrl`, `srcsetUrls`), not as it is written.
 */
import { cssUrls } from "./css-urls.js";
import { isSafeImageSource, isSafeLink, urlScheme } from "./urls.js";

export interface PolicyOptions {
  /** Origins (`https://www.youtube-nocookie.com`) whose pages may be embedded in an `<iframe>`. */
  embeds?: readonly string[];
}

/** What the policy refuses, before it is located in the checked text. */
export interface Finding {
  rule: string;
  message: string;
  hint?: string;
}

export type UrlKind =
  /** A link followed by a click: relative, http(s), mailto. */
  | "link"
  /** Fetched by the page: a site-relative URL (and `data:` for images). */
  | "image"
  | "media"
  | "frame"
  /** Where a form goes: the site only. */
  | "submit"
  /** Inside SVG: `#id` only. */
  | "local";

/** The URL-bearing attributes of HTML elements, and what each URL is for. */
export function htmlUrlKind(element: string, attribute: string): UrlKind | undefined {
  switch (attribute) {
    case "href":
    case "cite":
      return "link";
    case "action":
    case "formaction":
      return "submit";
    case "poster":
      return "image";
    case "src":
    case "srcset":
      if (element === "img" || element === "source") return "image";
      if (element === "iframe") return "frame";
      return "media";
    default:
      return undefined;
  }
}

/** Removes what browsers strip from a URL before reading it: leading and trailing spaces and controls, tabs and newlines anywhere. */
export function browserUrl(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
}

/** An absolute http(s) URL, or one relative to the scheme (`//host`, `/\host`: backslashes are slashes in http URLs). */
function isOffSite(url: string): boolean {
  const cleaned = browserUrl(url);
  const scheme = urlScheme(cleaned);
  return scheme === "http" || scheme === "https" || /^[/\\]{2}/.test(cleaned);
}

/** The origin of an http(s) URL, or undefined. */
function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(browserUrl(url).replace(/^[/\\]{2}/, "https://"));
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The URLs of a `srcset`, split as browsers split them (URLs may hold commas: `data:`). */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i] ?? "")) i++;
    let url = "";
    while (i < srcset.length && !/\s/.test(srcset[i] ?? "")) url += srcset[i++];
    if (url.endsWith(",")) url = url.replace(/,+$/, "");
    else {
      // Descriptors, up to the next comma outside parentheses.
      let depth = 0;
      while (i < srcset.length && (depth > 0 || srcset[i] !== ",")) {
        if (srcset[i] === "(") depth++;
        if (srcset[i] === ")") depth--;
        i++;
      }
    }
    if (url) urls.push(url);
  }
  return urls;
}

/** What is wrong with `url` in `attribute` of `<element>`, used as `kind`. */
export function urlFinding(
  element: string,
  attribute: string,
  url: string,
  kind: UrlKind,
  options: PolicyOptions,
  /** How the message shows where the URL is. */
  shown = `<${element} ${attribute}=${JSON.stringify(url)}>`,
): Finding | undefined {
  if (kind === "local") {
    if (browserUrl(url).startsWith("#")) return undefined;
    return {
      rule: "external-resource",
      message: `${shown} refers outside the SVG: only references to its own elements (#id) are allowed`,
    };
  }
  const safe = kind === "image" ? isSafeImageSource(url) : isSafeLink(url);
  if (!safe || (kind !== "link" && urlScheme(browserUrl(url)) === "mailto")) {
    return {
      rule: "unsafe-url",
      message: `Unsafe URL ${JSON.stringify(url)} in "${attribute}": ${
        kind === "image"
          ? "only http(s), relative URLs and data: images are allowed"
          : "only http(s), mailto and relative URLs are allowed"
      }`,
    };
  }
  if (kind === "link" || !isOffSite(url)) return undefined;
  if (kind === "submit") {
    return {
      rule: "unsafe-html",
      message: `${shown} would submit off the site: only relative URLs are allowed in "${attribute}"`,
    };
  }
  if (kind === "frame") {
    const origin = originOf(url);
    const allowed = (options.embeds ?? []).map(originOf);
    if (origin !== undefined && allowed.includes(origin)) return undefined;
    return {
      rule: "external-resource",
      message: `${shown} would be blocked by the site's Content-Security-Policy: list its origin in "embeds" in _data/site.json`,
    };
  }
  return {
    rule: "external-resource",
    message: `${shown} would be blocked by the site's Content-Security-Policy: only files of the course can be loaded`,
    hint: "copy the file into the course and link it with a relative URL",
  };
}

/** The message for an external image or medium written in Markdown (`![x](https://…)`), shared with the check of Markdown images. */
export function externalResourceProblem(
  element: string,
  attribute: string,
  url: string,
): Finding | undefined {
  return isOffSite(url) ? urlFinding(element, attribute, url, "image", {}) : undefined;
}

/**
 * What is wrong with the first URL the CSS of a `style` attribute or a
 * `<style>` element refers to (core/css-urls.ts): inside SVG only its own
 * elements (`url(#id)`, kind `local`), elsewhere files of the course, as for
 * an image. A file of the content may be served without the site's CSP, so an
 * external reference is an error, not only something the CSP would block.
 */
export function cssFinding(
  element: string,
  attribute: string | undefined,
  css: string,
  kind: "local" | "image",
  options: PolicyOptions,
): Finding | undefined {
  for (const { url } of cssUrls(css)) {
    const where = attribute === undefined ? `<${element}>` : `"${attribute}" of <${element}>`;
    const shown = `url(${JSON.stringify(url)}) in ${where}`;
    const finding = urlFinding(element, attribute ?? "style", url, kind, options, shown);
    if (finding) return finding;
  }
  return undefined;
}
