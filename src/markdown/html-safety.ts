/**
 * Raw HTML is allowed in articles, but not script: no `<script>`, no inline
 * event handlers (`on*=`), no `javascript:` (or other unsafe) URLs. The site
 * must work under a strict Content-Security-Policy, and content is data.
 * Tags are read with a real HTML tokenizer (htmlparser2), so that the forms
 * browsers accept (`<img src=x/onerror=…>`, entity-encoded URLs) are seen too.
 */
import { Parser } from "htmlparser2";
import { isSafeImageSource, isSafeLink } from "../core/urls.js";

export interface HtmlProblem {
  /** Offset in the checked HTML where the problem starts. */
  offset: number;
  /** Text to point at in the source line. */
  needle: string;
  message: string;
}

export interface HtmlUrl {
  url: string;
  kind: "link" | "image";
  offset: number;
}

const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "xlink:href",
  "poster",
  "cite",
  "background",
  "data",
  "srcset",
]);
/** SVG animation can set any attribute (an `href` among them) from these. */
const ANIMATION_ELEMENTS = new Set(["animate", "set", "animatemotion", "animatetransform"]);
const ANIMATION_VALUES = new Set(["values", "to", "from", "by"]);
const IMAGE_ELEMENTS = new Set(["img", "source", "image"]);

/** Problems in a fragment of raw HTML, and the links and image sources in it. */
export function inspectHtml(html: string): { problems: HtmlProblem[]; urls: HtmlUrl[] } {
  const problems: HtmlProblem[] = [];
  const urls: HtmlUrl[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const offset = parser.startIndex;
        if (name === "script") {
          problems.push({
            offset,
            needle: "<script",
            message: "<script> elements are not allowed in content",
          });
        }
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute.startsWith("on")) {
            problems.push({
              offset,
              needle: attribute,
              message: `Inline event handler "${attribute}" is not allowed`,
            });
            continue;
          }
          const isUrl =
            URL_ATTRIBUTES.has(attribute) ||
            (ANIMATION_ELEMENTS.has(name) && ANIMATION_VALUES.has(attribute));
          if (!isUrl) continue;
          const candidates =
            attribute === "srcset"
              ? value.split(",").map((s) => s.trim().split(/\s+/)[0] ?? "")
              : attribute === "values"
                ? value.split(";").map((s) => s.trim())
                : [value];
          const safe = IMAGE_ELEMENTS.has(name) ? isSafeImageSource : isSafeLink;
          for (const url of candidates) {
            if (!safe(url)) {
              problems.push({
                offset,
                needle: attribute,
                message: `Unsafe URL ${JSON.stringify(url)} in "${attribute}": only http(s), mailto and relative URLs are allowed`,
              });
            }
          }
          if (name === "a" && attribute === "href" && value)
            urls.push({ url: value, kind: "link", offset });
          if (name === "img" && attribute === "src" && value)
            urls.push({ url: value, kind: "image", offset });
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { problems, urls };
}
