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

export interface FoundSources {
  /** Every `.md` file, sorted by path for stable output. */
  sources: SourcePath[];
  /** Nunjucks templates (`.njk`), which content may not hold: they would run as code. From the project root. */
  templates: string[];
}

/** The Markdown sources under `contentDir`, and the templates there. */
export function findSources(root: string, contentDir: string): FoundSources {
  const sources: SourcePath[] = [];
  const templates: string[] = [];
  const fromRoot = (absolute: string) => path.relative(root, absolute).split(path.sep).join("/");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(absolute);
      else if (entry.isFile() && entry.name.endsWith(".md")) {
        const fromContent = path.relative(contentDir, absolute).split(path.sep).join("/");
        sources.push({
          path: fromRoot(absolute),
          absolutePath: absolute,
          origin: classify(fromContent),
        });
      } else if (entry.name.endsWith(".njk")) {
        templates.push(fromRoot(absolute));
      }
    }
  };
  walk(contentDir);
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    sources: sources.sort((a, b) => byPath(a.path, b.path)),
    templates: templates.sort(byPath),
  };
}

/** `topics/<slug>.md` and `topics/<slug>/index.md` are articles; anything else is a page. */
export function classify(fromContent: string): SourceKind {
  const article = /^topics\/([^/]+)(?:\.md|\/index\.md)$/.exec(fromContent);
  if (article) return { kind: "article", slug: article[1]! };
  const withoutExt = fromContent.replace(/\.md$/, "");
  const dir = withoutExt === "index" ? "" : withoutExt.replace(/\/index$/, "");
  return { kind: "page", url: dir === "" ? "/" : `/${dir}/` };
}
