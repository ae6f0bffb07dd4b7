/**
 * Text for XML documents Syllabus writes (the feed, the sitemap, social cards
 * drawn as SVG): escaped, and safe by construction. XML 1.0 forbids most
 * control characters even as references (https://www.w3.org/TR/xml/#charsets),
 * so one in a title would make the feed invalid and stop resvg. The schemas
 * already refuse them in every text field; what reaches this writer anyway
 * (the dev server renders pages with errors) is dropped, not written.
 */
import { escapeHtml } from "../core/html.js";

/** Characters outside XML 1.0's `Char` production, and lone surrogates. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** `text` without the characters XML 1.0 does not allow, escaped for XML text and attributes. */
export function escapeXml(text: string): string {
  return escapeHtml(text.replace(NOT_XML_CHAR, ""));
}
