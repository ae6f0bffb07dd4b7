/**
 * Per-render state that markdown-it rules share through `env`: where the
 * Markdown came from (to locate problems) and what the render collected.
 * It belongs to one page render; nothing here is module-level.
 */
import type { Env, Token } from "markdown-it";
import type { Diagnostic, Location, Severity } from "../core/diagnostics.js";
import { detached } from "../core/text.js";
import type { UiStrings } from "../core/ui-strings.js";

export interface TocEntry {
  level: 2 | 3;
  id: string;
  /** Heading content as inline HTML. */
  html: string;
}

/** A link or image source in the rendered Markdown, where it was written. */
export interface LinkRef {
  url: string;
  kind: "link" | "image";
  at: Location;
}

/** A place in the author's file: 1-based line, and column when it is known. */
export interface SourcePosition {
  line: number;
  column: number | undefined;
  /**
   * Inside a shortcode's string argument, whose escapes (`\\alpha`) make the
   * source differ from the text parsed: a needle would not be found there.
   */
  inString?: boolean;
}

export interface RenderContext {
  file: string;
  diagnostics: Diagnostic[];
  /** Every link and image found, for the internal-link check after all pages are rendered. */
  links?: LinkRef[];
  /** Intrinsic size of a local image (`/topics/x/a.png`), when it exists and can be read. */
  imageSize?: (src: string) => { width: number; height: number } | undefined;
  /**
   * The source location of a 0-based line of the Markdown being rendered. With
   * a needle, the column is where the needle first appears on that line.
   */
  locate(markdownLine: number | undefined, needle?: string): Location;
  /** The position in the author's file of an offset in the Markdown being parsed. */
  positionOf?(markdownOffset: number): SourcePosition | undefined;
  /** A position as a location; with a needle, the column is where it appears on that line from the position on. */
  locatePosition?(position: SourcePosition, needle?: string): Location;
  toc: TocEntry[];
  /** The interface's words (note labels, the pause prompt), when they are not the default ones. */
  ui?: UiStrings;
}

const KEY = "syllabus";

export function createEnv(context: RenderContext): Env {
  return { [KEY]: context };
}

export function contextOf(env: Env | undefined): RenderContext | undefined {
  return env?.[KEY] as RenderContext | undefined;
}

/**
 * Where a token came from. Kept beside the token, not in its `meta`, which
 * markdown-it's own rules replace (a reference link sets `meta = { label }`).
 */
export interface TokenSource {
  /** Where it starts in the author's file. */
  position?: SourcePosition | undefined;
  /** Its offsets in the Markdown being parsed, [start, end), when it is a slice of it. */
  start?: number | undefined;
  end?: number | undefined;
  /** The 0-based line of the Markdown it starts on. */
  line?: number | undefined;
}

const SOURCES = new WeakMap<Token, TokenSource>();

/** The token's source record, created on first use. */
export function sourceOf(token: Token): TokenSource {
  let source = SOURCES.get(token);
  if (!source) {
    source = {};
    SOURCES.set(token, source);
  }
  return source;
}

/** The position in the author's file where a token starts, when known. */
export function tokenPosition(token: Token): SourcePosition | undefined {
  return SOURCES.get(token)?.position;
}

export function setTokenPosition(token: Token, position: SourcePosition | undefined): void {
  sourceOf(token).position = position;
}

/** Where a problem is: a 0-based Markdown line, or the token it is in (its own position, if known). */
export type Where = number | Token | undefined;

/** The location of `where` in the author's file. */
export function locationOf(
  context: RenderContext,
  where: Where,
  needle?: string,
  fallbackLine?: number,
): Location {
  if (typeof where === "object" && where !== null) {
    const position = tokenPosition(where);
    if (position && context.locatePosition) return context.locatePosition(position, needle);
    return context.locate(fallbackLine ?? SOURCES.get(where)?.line, needle);
  }
  return context.locate(where ?? fallbackLine, needle);
}

/** Reports a problem found while rendering, if the render has a context (tests may omit it). */
export function reportAt(
  env: Env | undefined,
  where: Where,
  severity: Severity,
  rule: string,
  message: string,
  needle?: string,
  hint?: string,
): void {
  const context = contextOf(env);
  if (!context) return;
  context.diagnostics.push({
    ...locationOf(context, where, needle),
    severity,
    rule,
    message,
    ...(hint === undefined ? {} : { hint }),
  });
}

/** Reports a problem at a position in the author's file (the start of the body when unknown). */
export function reportAtPosition(
  env: Env | undefined,
  position: SourcePosition | undefined,
  severity: Severity,
  rule: string,
  message: string,
  hint?: string,
): void {
  const context = contextOf(env);
  if (!context) return;
  const at =
    position && context.locatePosition
      ? context.locatePosition(position)
      : context.locate(undefined);
  context.diagnostics.push({
    ...at,
    severity,
    rule,
    message,
    ...(hint === undefined ? {} : { hint }),
  });
}

/** Records a link or image source, if the render collects them. */
export function recordLink(
  env: Env | undefined,
  url: string,
  kind: LinkRef["kind"],
  where: Where,
): void {
  const context = contextOf(env);
  context?.links?.push({
    url: detached(url),
    kind,
    at: locationOf(context, where, url.slice(0, 30)),
  });
}
