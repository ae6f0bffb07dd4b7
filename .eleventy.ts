// Used by `npm start` (Eleventy's dev server). `npm run build` calls the same plugin from src/build/build-site.ts.
import { formatReport } from "./src/core/diagnostics.js";
import { loadOptions } from "./src/schema/site-options.js";
import { syllabus, type EleventyConfig } from "./src/eleventy/plugin.js";
import { normalizePathPrefix } from "./src/core/urls.js";

export default function (config: EleventyConfig) {
  const root = import.meta.dirname;
  syllabus(config, {
    root,
    includeDrafts: true,
    showProblemsInPages: true,
    // Keep serving while the author fixes a mistake; every problem is listed on each rebuild.
    onDiagnostics: (diagnostics) => process.stderr.write(formatReport(diagnostics)),
  });
  // Served under the same path prefix as the deployed site, so that every link works as it will there.
  return {
    pathPrefix: normalizePathPrefix(
      process.env.PATH_PREFIX ?? loadOptions(root).options.pathPrefix,
    ),
  };
}
