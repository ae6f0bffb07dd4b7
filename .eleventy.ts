// Used by `npm start` (Eleventy's dev server). `npm run build` calls the same plugin from src/build/build-site.ts.
import { syllabus, type EleventyConfig } from "./src/plugin.js";

export default function (config: EleventyConfig) {
  syllabus(config, { root: import.meta.dirname, includeDrafts: true });
}
