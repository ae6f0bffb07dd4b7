/**
 * Files beside the Markdown in `content/` (images, downloads), which are
 * published at the same paths. Answers whether a site path is one of them,
 * and an image's intrinsic size; both cached, as many pages ask.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";

export class ContentFiles {
  private readonly exists = new Map<string, boolean>();
  private readonly sizes = new Map<string, { width: number; height: number } | undefined>();

  constructor(private readonly contentDir: string) {}

  /** The file a site path (`/topics/x/a.png`) is published from, if there is one. */
  fileFor(sitePath: string): string | undefined {
    const relative = decodeURIComponent(sitePath.split(/[?#]/)[0]!).replace(/^\/+/, "");
    if (relative === "" || relative.split("/").includes("..")) return undefined;
    const file = path.join(this.contentDir, relative);
    let found = this.exists.get(file);
    if (found === undefined) {
      found = existsSync(file) && statSync(file).isFile() && !file.endsWith(".md");
      this.exists.set(file, found);
    }
    return found ? file : undefined;
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
