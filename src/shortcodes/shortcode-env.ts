/**
 * What the shortcode rules need from the render they run in, kept in
 * markdown-it's `env` (per render, never module-level).
 */
import type { Env } from "markdown-it";
import type { Location } from "../core/diagnostics.js";
import { decodeMarkerNumber, MARKERS } from "../core/markers.js";
import type { SourcePosition } from "../markdown/render-context.js";
import { takesExpressions } from "./registry.js";
import { readTag, type TagResult, type TagText } from "./tag-syntax.js";

/** One citation cluster as written: `{% cite "a", "b, p. 4" %}`, each key with its location. */
export interface CiteCall {
  args: readonly { value: string; at: Location }[];
  at: Location;
}

/** Ranges of the Markdown (offsets, [start, end)) that a Nunjucks pass must leave as written. */
export interface ProtectedRanges {
  /** Code, math, HTML comments, attribute blocks: restored as written. */
  verbatim: [number, number][];
  /** Shortcode tags: kept as tag markers, which the render after Nunjucks reads as shortcodes. */
  tags: [number, number][];
}

export interface ShortcodeEnv {
  /**
   * `source`: the Markdown is the body as written. `rendered`: Nunjucks has
   * run over it (`bodyTemplates`); its own syntax is plain text there, and
   * only tag markers (standing for tags of the body) are shortcodes.
   */
  mode: "source" | "rendered";
  /** The body as written, which tag markers point into. */
  body: string;
  /** Position in the author's file of an offset in the body. */
  bodyPosition: (offset: number) => SourcePosition;
  /** Body offsets of the tags that tag markers stand for, by marker number. */
  tagOffsets: readonly number[];
  /** Where shortcodes may stand: everywhere in a body, nowhere in a glossary definition. */
  allowed: "body" | "none";
  /** HTML for one citation cluster, in document order; undefined when the course has no bibliography. */
  cite: ((call: CiteCall) => string) | undefined;
  /** Set for the first parse of a `bodyTemplates` render: collects what Nunjucks must not touch. */
  collect: ProtectedRanges | undefined;
  /** Whether Nunjucks syntax shown as written gets a warning (not when a Nunjucks pass failed, which is reported). */
  nunjucksWarnings: boolean;
  /** The inline text an unclosed `{#` was last reported in (one warning per paragraph). */
  unclosedCommentIn?: string;
  /** Words read in the body: text, notes and questions (for reading time). */
  words: number;
}

const KEY = "syllabusShortcodes";

/** A fresh environment for one render of `body`: a body as written, shortcodes allowed, no citations. */
export function createShortcodeEnv(
  body: string,
  bodyPosition: ShortcodeEnv["bodyPosition"],
  overrides: Partial<ShortcodeEnv> = {},
): ShortcodeEnv {
  return {
    mode: "source",
    body,
    bodyPosition,
    tagOffsets: [],
    allowed: "body",
    cite: undefined,
    collect: undefined,
    nunjucksWarnings: true,
    words: 0,
    ...overrides,
  };
}

export function shortcodeEnv(env: Env | undefined): ShortcodeEnv | undefined {
  return env?.[KEY] as ShortcodeEnv | undefined;
}

export function withShortcodes(env: Env, shortcodes: ShortcodeEnv): Env {
  env[KEY] = shortcodes;
  return env;
}

/** Tag markers: the Markdown a Nunjucks pass gives back holds one in place of each shortcode tag. */
export const [TAG_MARKER_OPEN, TAG_MARKER_CLOSE] = MARKERS.tag;

/**
 * The tag a marker at `offset` stands for, read from the body where it was
 * written (so that its problems are located there), and the marker's length.
 */
export function markedTag(
  text: string,
  offset: number,
  shortcodes: ShortcodeEnv,
): { result: TagResult; source: TagText; bodyOffset: number; length: number } | undefined {
  const marker =
    shortcodes.mode === "rendered" ? readTagMarker(text, offset, shortcodes) : undefined;
  if (!marker) return undefined;
  const source: TagText = {
    text: shortcodes.body,
    max: shortcodes.body.length,
    position: (at) => shortcodes.bodyPosition(at),
    markdownOffset: () => undefined,
  };
  const result = readTag(source.text, marker.bodyOffset, source.max, takesExpressions);
  return { result, source, ...marker };
}

/** The body offset a tag marker at `offset` stands for, and the marker's length; undefined if there is none. */
export function readTagMarker(
  text: string,
  offset: number,
  shortcodes: ShortcodeEnv,
): { bodyOffset: number; length: number } | undefined {
  if (text[offset] !== TAG_MARKER_OPEN) return undefined;
  const close = text.indexOf(TAG_MARKER_CLOSE, offset + 1);
  if (close < 0) return undefined;
  const digits = text.slice(offset + 1, close).replace(/\n/g, "");
  const bodyOffset = shortcodes.tagOffsets[decodeMarkerNumber(digits)];
  return bodyOffset === undefined ? undefined : { bodyOffset, length: close + 1 - offset };
}
