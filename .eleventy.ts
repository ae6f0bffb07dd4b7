// Eleventy run on this file directly (`eleventy --config=.eleventy.ts --serve`) is the dev server,
// as `npm start` runs it; a plain Eleventy build stops and points to `npm run build`.
import { directConfig } from "./src/eleventy/site.js";

export default directConfig(import.meta.dirname);
