/**
 * Raw HTML is allowed in articles, but not script: no `<script>`, no inline
 * event handlers (`on*=`), no `javascript:` (or other unsafe) URLs. The site
 * must work under a strict Content-Security-Policy, and content is data.
 */
import { isSafeImageSource, isSafeLink } from "../urls.js";

export interface HtmlProblem {
  /** Offset in the checked HTML where the problem starts. */
  offset: number;
  /** Text to point at in the source line. */
  needle: string;
  message: string;
}

const TAG = /<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "poster", "cite", "background", "data", "srcset"]);

/** Problems in a fragment of raw HTML; `decode` turns entity-encoded values into text. */
export function findHtmlProblems(html: string, decode: (value: string) => string): HtmlProblem[] {
  const problems: HtmlProblem[] = [];
  for (const tag of html.matchAll(TAG)) {
    const name = tag[1]!.toLowerCase();
    const tagOffset = tag.index;
    if (name === "script") {
      problems.push({ offset: tagOffset, needle: tag[0], message: "<script> elements are not allowed in content" });
    }
    const attributesText = tag[2] ?? "";
    const attributesOffset = tagOffset + 1 + tag[1]!.length;
    for (const attribute of attributesText.matchAll(ATTRIBUTE)) {
      const attributeName = attribute[1]!.toLowerCase();
      const offset = attributesOffset + attribute.index;
      if (attributeName.startsWith("on")) {
        problems.push({
          offset,
          needle: attribute[1]!,
          message: `Inline event handler "${attribute[1]}" is not allowed`,
        });
        continue;
      }
      if (!URL_ATTRIBUTES.has(attributeName)) continue;
      const value = decode(attribute[2] ?? attribute[3] ?? attribute[4] ?? "");
      const urls = attributeName === "srcset" ? value.split(",").map((s) => s.trim().split(/\s+/)[0] ?? "") : [value];
      const safe = name === "img" || name === "source" ? isSafeImageSource : isSafeLink;
      for (const url of urls) {
        if (!safe(url)) {
          problems.push({
            offset,
            needle: attribute[1]!,
            message: `Unsafe URL ${JSON.stringify(url)} in "${attribute[1]}": only http(s), mailto and relative URLs are allowed`,
          });
        }
      }
    }
  }
  return problems;
}

/** Links (`<a href>`) and image sources (`<img src>`) in raw HTML, for the internal-link check. */
export function findHtmlUrls(html: string, decode: (value: string) => string): { url: string; kind: "link" | "image"; offset: number }[] {
  const found: { url: string; kind: "link" | "image"; offset: number }[] = [];
  for (const tag of html.matchAll(TAG)) {
    const name = tag[1]!.toLowerCase();
    const wanted = name === "a" ? "href" : name === "img" ? "src" : undefined;
    if (!wanted) continue;
    for (const attribute of (tag[2] ?? "").matchAll(ATTRIBUTE)) {
      if (attribute[1]!.toLowerCase() !== wanted) continue;
      const url = decode(attribute[2] ?? attribute[3] ?? attribute[4] ?? "");
      if (url) found.push({ url, kind: name === "a" ? "link" : "image", offset: tag.index });
    }
  }
  return found;
}
