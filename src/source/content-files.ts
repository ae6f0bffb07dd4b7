/**
 * Files published beside the Markdown in `content/` (images, downloads), as
 * the inventory of content/ checked them (content-inventory.ts). Answers
 * whether a site path is one of them, so that a link to a file that is not
 * published (`/.env`, a refused script) is a broken link, and an image's
 * intrinsic size, cached as many pages ask.
 */
import { readFileSync } from "node:fs";
import { imageSize } from "image-size";
import type { PublishedFile } from "./content-inventory.js";

export class ContentFiles {
  private readonly bySitePath: ReadonlyMap<string, string>;
  private readonly sizes = new Map<string, { width: number; height: number } | undefined>();

  constructor(files: readonly PublishedFile[]) {
    this.bySitePath = new Map(files.map((file) => [file.sitePath, file.absolutePath]));
  }

  /** The file a site path (`/topics/x/a.png`) is published from, if there is one. */
  fileFor(sitePath: string): string | undefined {
    let decoded: string;
    try {
      decoded = decodeURIComponent(sitePath.split(/[?#]/)[0]!);
    } catch {
      return undefined;
    }
    return this.bySitePath.get(`/${decoded.replace(/^\/+/, "")}`);
  }

  imageSize(sitePath: string): { width: number; height: number } | undefined {
    const file = this.fileFor(sitePath);
    if (!file) return undefined;
    if (!this.sizes.has(file)) {
      let size: { width: number; height: number } | undefined;
      try {
        const { width, height } = imageSize(readFileSync(file));
        size =
          width && height ? { width: Math.round(width), height: Math.round(height) } : undefined;
      } catch {
        size = undefined;
      }
      this.sizes.set(file, size);
    }
    return this.sizes.get(file);
  }
}

/** A link or source as written on a page, resolved to a site path and fragment; undefined when external. */
export function resolveSiteUrl(
  url: string,
  pageUrl: string,
  siteOrigin?: string,
): { path: string; fragment: string } | undefined {
  const base = "https://syllabus.invalid";
  let target = url;
  if (siteOrigin && url.startsWith(siteOrigin))
    target = url.slice(siteOrigin.replace(/\/+$/, "").length) || "/";
  let parsed: URL;
  try {
    parsed = new URL(target, base + pageUrl);
  } catch {
    return undefined;
  }
  if (parsed.origin !== base) return undefined;
  return {
    path: decodeURIComponent(parsed.pathname),
    fragment: decodeURIComponent(parsed.hash.slice(1)),
  };
}
