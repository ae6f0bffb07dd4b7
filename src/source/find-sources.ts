/** Finds the Markdown sources of a course and classifies them: articles or other pages. */
import { readdirSync } from "node:fs";
import path from "node:path";

export type SourceKind = { kind: "article"; slug: string } | { kind: "page"; url: string };

export interface SourcePath {
  /** From the project root, forward slashes. */
  path: string;
  absolutePath: string;
  origin: SourceKind;
}

/** Every `.md` file under `contentDir`, sorted by path for stable output. */
export function findSources(root: string, contentDir: string): SourcePath[] {
  const found: SourcePath[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(absolute);
      else if (entry.isFile() && entry.name.endsWith(".md")) {
        const fromContent = path.relative(contentDir, absolute).split(path.sep).join("/");
        found.push({
          path: path.relative(root, absolute).split(path.sep).join("/"),
          absolutePath: absolute,
          origin: classify(fromContent),
        });
      }
    }
  };
  walk(contentDir);
  return found.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** `topics/<slug>.md` and `topics/<slug>/index.md` are articles; anything else is a page. */
export function classify(fromContent: string): SourceKind {
  const article = /^topics\/([^/]+)(?:\.md|\/index\.md)$/.exec(fromContent);
  if (article) return { kind: "article", slug: article[1]! };
  const withoutExt = fromContent.replace(/\.md$/, "");
  const dir = withoutExt === "index" ? "" : withoutExt.replace(/\/index$/, "");
  return { kind: "page", url: dir === "" ? "/" : `/${dir}/` };
}
