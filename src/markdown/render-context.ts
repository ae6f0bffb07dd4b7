/**
 * Per-render state that markdown-it rules share through `env`: where the
 * Markdown came from (to locate problems) and what the render collected.
 * It belongs to one page render; nothing here is module-level.
 */
import type { Env } from "markdown-it";
import { detached } from "../core/text.js";
import type { Diagnostic, Location, Severity } from "../core/diagnostics.js";

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
  toc: TocEntry[];
}

const KEY = "syllabus";

export function createEnv(context: RenderContext): Env {
  return { [KEY]: context };
}

export function contextOf(env: Env | undefined): RenderContext | undefined {
  return env?.[KEY] as RenderContext | undefined;
}

/** Reports a problem found while rendering, if the render has a context (tests may omit it). */
export function reportAt(
  env: Env | undefined,
  markdownLine: number | undefined,
  severity: Severity,
  rule: string,
  message: string,
  needle?: string,
  hint?: string,
): void {
  const context = contextOf(env);
  if (!context) return;
  context.diagnostics.push({
    ...context.locate(markdownLine, needle),
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
  markdownLine: number | undefined,
): void {
  const context = contextOf(env);
  context?.links?.push({
    url: detached(url),
    kind,
    at: context.locate(markdownLine, url.slice(0, 30)),
  });
}
