/**
 * Bundles our stylesheet (with KaTeX's and the body font's CSS and fonts) and
 * browser scripts with esbuild into content-hashed files, so they can be
 * cached forever. Returns the public paths templates link to.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { writeSiteFile } from "./write-file.js";

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

/** The bundle, relative to the output folder: made once per process (src/ does not change under it). */
interface Bundle {
  files: { relative: string; contents: Uint8Array }[];
  manifest: AssetManifest;
}
let bundled: Promise<Bundle> | undefined;

/**
 * Writes the bundled assets into `outDir` and returns their public paths.
 * esbuild runs once per process; every build writes the files again (a build
 * renders into a fresh staging folder), the dev server only those missing.
 */
export async function buildAssets(outDir: string): Promise<AssetManifest> {
  bundled ??= bundle();
  const { files, manifest } = await bundled;
  for (const { relative, contents } of files) {
    const file = path.join(outDir, relative);
    if (!existsSync(file) || statSync(file).size !== contents.length) writeSiteFile(file, contents);
  }
  return manifest;
}

async function bundle(): Promise<Bundle> {
  // esbuild needs an output folder to name files; nothing is written there.
  const outDir = path.join(SOURCE, "bundle");
  const result = await esbuild.build({
    entryPoints: ENTRY_POINTS,
    outdir: path.join(outDir, "assets"),
    entryNames: "[name]-[hash]",
    assetNames: "fonts/[name]-[hash]",
    bundle: true,
    minify: true,
    format: "esm",
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    loader: { ".woff2": "file", ".woff": "file", ".ttf": "file" },
    metafile: true,
    write: false,
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
  return {
    files: result.outputFiles.map((file) => ({
      relative: path.relative(outDir, file.path),
      contents: file.contents,
    })),
    manifest: {
      css: publicPath(ENTRY_POINTS.site),
      themeScript: publicPath(ENTRY_POINTS.theme),
      script: publicPath(ENTRY_POINTS.main),
    },
  };
}
