/**
 * Bundles our stylesheet (with KaTeX's and the body font's CSS and fonts) and
 * browser scripts with esbuild into content-hashed files, so they can be
 * cached forever. Returns the public paths templates link to.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

export interface AssetManifest {
  css: string;
  /** Runs in `<head>` before first paint, to apply the saved theme without a flash. */
  themeScript: string;
  script: string;
}

const SOURCE = path.dirname(fileURLToPath(import.meta.url));

const ENTRY_POINTS = {
  site: path.join(SOURCE, "../styles/site.css"),
  theme: path.join(SOURCE, "../client/theme.ts"),
  main: path.join(SOURCE, "../client/main.ts"),
};

let cached: { outDir: string; manifest: AssetManifest } | undefined;

export async function buildAssets(outDir: string, { minify = true } = {}): Promise<AssetManifest> {
  if (cached?.outDir === outDir) return cached.manifest;
  const result = await esbuild.build({
    entryPoints: ENTRY_POINTS,
    outdir: path.join(outDir, "assets"),
    entryNames: "[name]-[hash]",
    assetNames: "fonts/[name]-[hash]",
    bundle: true,
    minify,
    format: "esm",
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    loader: { ".woff2": "file", ".woff": "file", ".ttf": "file" },
    metafile: true,
    logLevel: "silent",
  });
  const byEntry = new Map<string, string>();
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (output.entryPoint) byEntry.set(path.resolve(output.entryPoint), file);
  }
  const publicPath = (entry: string) => {
    const file = byEntry.get(path.resolve(entry));
    if (!file) throw new Error(`esbuild produced no output for ${entry}`);
    return `/${path.relative(outDir, path.resolve(file)).split(path.sep).join("/")}`;
  };
  const manifest = {
    css: publicPath(ENTRY_POINTS.site),
    themeScript: publicPath(ENTRY_POINTS.theme),
    script: publicPath(ENTRY_POINTS.main),
  };
  cached = { outDir, manifest };
  return manifest;
}
