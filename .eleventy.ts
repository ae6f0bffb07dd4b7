// Used by `npm start` (Eleventy's dev server). `npm run build` calls the same plugin from src/build/build-site.ts.
import { formatReport } from "./src/diagnostics.js";
import { syllabus, type EleventyConfig } from "./src/plugin.js";

export default function (config: EleventyConfig) {
  syllabus(config, {
    root: import.meta.dirname,
    includeDrafts: true,
    showProblemsInPages: true,
    // Keep serving while the author fixes a mistake; every problem is listed on each rebuild.
    onDiagnostics: (diagnostics) => process.stderr.write(formatReport(diagnostics)),
  });
}
