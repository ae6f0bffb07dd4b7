/**
 * What a file beside the Markdown in `content/` is, by its name: a file
 * published as it is (its extension on the allowlist), an SVG image or an HTML
 * page (published once their text passes the HTML policy), or something that
 * may not be there, with where such files belong. Content is data from
 * strangers' pull requests: whatever could run (templates, Eleventy data
 * files, scripts) is refused, and so is every kind not on the list.
 */

/**
 * Published as they are: images, PDF, audio and video (with captions), and
 * downloads. Maintainers add more with `publishedFileExtensions` in site.json.
 */
export const PUBLISHED_EXTENSIONS: readonly string[] = [
  // Images (SVG is checked: see below).
  ".png",
  ".jpg",
  ".jpeg",
  ".gif",
  ".webp",
  ".avif",
  ".ico",
  // Documents.
  ".pdf",
  // Audio, video and their captions.
  ".mp3",
  ".m4a",
  ".ogg",
  ".oga",
  ".opus",
  ".wav",
  ".flac",
  ".mp4",
  ".m4v",
  ".webm",
  ".ogv",
  ".mov",
  ".vtt",
  // Downloads: data, code to read, notebooks, archives.
  ".csv",
  ".tsv",
  ".json",
  ".txt",
  ".py",
  ".r",
  ".ipynb",
  ".tex",
  ".bib",
  ".zip",
  ".tgz",
];

export type FileKind =
  | { kind: "markdown" }
  | { kind: "published" }
  | { kind: "svg" }
  | { kind: "html" }
  | { kind: "refused"; rule: string; message: string; hint: string };

const TEMPLATE_LANGUAGES: Record<string, string> = {
  njk: "Nunjucks",
  liquid: "Liquid",
  hbs: "Handlebars",
  handlebars: "Handlebars",
  mustache: "Mustache",
  ejs: "EJS",
  pug: "Pug",
  jade: "Pug",
  haml: "Haml",
  webc: "WebC",
  "11ty.js": "JavaScript (11ty.js)",
  "11ty.cjs": "JavaScript (11ty.js)",
  "11ty.mjs": "JavaScript (11ty.js)",
  "11ty.ts": "JavaScript (11ty.js)",
  "11ty.jsx": "JavaScript (11ty.js)",
  "11ty.tsx": "JavaScript (11ty.js)",
};

/** Code a browser or a server would run. */
const SCRIPTS = new Set([
  ".js",
  ".mjs",
  ".cjs",
  ".ts",
  ".mts",
  ".cts",
  ".jsx",
  ".tsx",
  ".wasm",
  ".php",
  ".phtml",
  ".cgi",
  ".asp",
  ".aspx",
  ".jsp",
  // XML documents and stylesheets run script when opened, as XHTML does.
  ".xhtml",
  ".xht",
  ".xml",
  ".xsl",
  ".xslt",
  ".shtml",
  ".swf",
]);

/**
 * Precompressed copies of other files: hosts that serve them (nginx's
 * gzip_static, brotli_static, Caddy's precompressed) answer `/topics/` with
 * `topics/index.html.gz`, so such a file would publish a page nobody checked.
 */
const PRECOMPRESSED = new Set([".gz", ".br", ".zst"]);

/** The extension of a file name, lower-cased with its dot (`.png`), or "" when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? "" : name.slice(dot).toLowerCase();
}

/**
 * What a file in content/ is by Syllabus's own rules (a page, checked, or
 * refused), or undefined when only the allowlist decides. These rules come
 * first, so that no extension a maintainer adds turns a check off; site.json
 * refuses such extensions too (schema/site-options.ts).
 */
export function builtInKind(name: string): Exclude<FileKind, { kind: "published" }> | undefined {
  if (name.endsWith(".md")) return { kind: "markdown" };
  const lower = name.toLowerCase();
  const ext = extensionOf(name);
  const template = Object.entries(TEMPLATE_LANGUAGES).find(([suffix]) =>
    lower.endsWith(`.${suffix}`),
  );
  if (template) {
    return {
      kind: "refused",
      rule: "content-template",
      message: `A ${template[1]} template in content/ would run as code: content is data`,
      hint: "write the page in Markdown; layouts belong in the project's _includes/",
    };
  }
  if (/\.11tydata(\.|$)/.test(lower)) {
    return {
      kind: "refused",
      rule: "content-data-file",
      message: "An Eleventy data file in content/ would run as code: content is data",
      hint: "site data belongs in the project's _data/ (site.json, blocks.json), which maintainers keep",
    };
  }
  if (ext === ".md") {
    return {
      kind: "refused",
      rule: "content-file-type",
      message: `A Markdown page must end in ".md" (lower case): this file is neither a page nor published`,
      hint: "rename it to end in .md",
    };
  }
  if (ext === ".svg") return { kind: "svg" };
  if (ext === ".html" || ext === ".htm") return { kind: "html" };
  if (SCRIPTS.has(ext)) {
    return {
      kind: "refused",
      rule: "content-script",
      message: `Scripts are not allowed in content/ (${ext}): nothing in content runs`,
      hint: "to offer code as a download, put it in a .zip; the site's own scripts are maintainers' code",
    };
  }
  if (PRECOMPRESSED.has(ext)) {
    return {
      kind: "refused",
      rule: "content-precompressed",
      message: `Files ending in "${ext}" are not published from content/: hosts that serve precompressed files would answer the URL of "${name.slice(0, -ext.length)}" with this file, unchecked`,
      hint: "to offer a download, make it a .zip or a .tgz",
    };
  }
  return undefined;
}

/** What a file in content/ is, by its name; `extensions` are the maintainers' additions to the allowlist. */
export function fileKind(name: string, extensions: readonly string[] = []): FileKind {
  const builtIn = builtInKind(name);
  if (builtIn) return builtIn;
  const ext = extensionOf(name);
  if (
    PUBLISHED_EXTENSIONS.includes(ext) ||
    extensions.some((extra) => extra.toLowerCase() === ext)
  ) {
    return { kind: "published" };
  }
  return {
    kind: "refused",
    rule: "content-file-type",
    message:
      ext === ""
        ? "Files without an extension are not published from content/"
        : `Files ending in "${ext}" are not published from content/`,
    hint: 'content/ publishes images, PDF, audio, video and downloads (.csv, .json, .py, .ipynb, .zip, …); a maintainer can add an extension to "publishedFileExtensions" in _data/site.json',
  };
}

/** Whether site.json's `publishedFileExtensions` may list `ext`: only kinds the built-in rules leave to the allowlist. */
export function isAddableExtension(ext: string): boolean {
  return (
    builtInKind(`file${ext}`) === undefined && builtInKind(`file${ext.toLowerCase()}`) === undefined
  );
}
