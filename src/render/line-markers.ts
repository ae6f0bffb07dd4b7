/**
 * Nunjucks can add or remove lines (`{% if false %}…{% endif %}`), after which
 * markdown-it's line numbers no longer match the author's file. Before the
 * Nunjucks pass, each line gets an invisible marker holding its number (unless
 * the line ends inside a Nunjucks tag); afterwards the markers tell which
 * line every output line came from, and are removed.
 */
import { decodeMarkerNumber, encodeMarkerNumber, MARKER_DIGITS, MARKERS } from "../core/markers.js";

const [OPEN, CLOSE] = MARKERS.line;
/** Nunjucks constructs, and tag markers (which may span lines): no line marker may go inside them. */
const NUNJUCKS = new RegExp(
  `\\{%[\\s\\S]*?%\\}|\\{\\{[\\s\\S]*?\\}\\}|\\{#[\\s\\S]*?#\\}|${MARKERS.tag[0]}[^${MARKERS.tag[1]}]*${MARKERS.tag[1]}`,
  "g",
);
const MARKER = new RegExp(`${OPEN}(${MARKER_DIGITS})${CLOSE}`, "g");

/**
 * The text with a marker at the end of every line that does not end inside a
 * Nunjucks construct, nor with one that trims the whitespace after it
 * (`-%}`): a marker there would stop the trimming. Such a line's number is
 * found from the next marker.
 */
export function markLines(text: string): string {
  const inside: [number, number][] = [];
  for (const match of text.matchAll(NUNJUCKS))
    inside.push([match.index, match.index + match[0].length]);
  let out = "";
  let line = 0;
  let from = 0;
  let span = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
    while (span < inside.length && inside[span]![1] <= i) span++;
    const covered = span < inside.length && inside[span]![0] < i;
    const trims = /-[%}#]\}[ \t]*$/.test(text.slice(from, i));
    out +=
      text.slice(from, i) + (covered || trims ? "" : `${OPEN}${encodeMarkerNumber(line)}${CLOSE}`);
    from = i;
    line++;
  }
  return out + text.slice(from);
}

/**
 * Removes the markers; returns the text and, for each of its lines, the
 * (0-based) line of the marked text it came from.
 */
export function readLineMarkers(rendered: string): { text: string; origins: number[] } {
  const origins: number[] = [];
  const lines = rendered.split("\n");
  let previous = -1;
  const text = lines
    .map((line) => {
      let origin: number | undefined;
      const clean = line.replace(MARKER, (_, digits: string) => {
        origin ??= decodeMarkerNumber(digits);
        return "";
      });
      // A line without a marker came from Nunjucks itself: count it after the previous one.
      previous = origin ?? previous + 1;
      origins.push(previous);
      return clean;
    })
    .join("\n");
  return { text, origins };
}
