/** `npm run build`: builds the course into `_site/`, or reports every problem and exits non-zero. */
import { performance } from "node:perf_hooks";
import { buildSite } from "../eleventy/site.js";
import { formatReport } from "../core/diagnostics.js";
import { flag, option } from "./arguments.js";
import { runCommand } from "./run-command.js";

await runCommand("build again", async () => {
  const started = performance.now();
  const pathPrefix = option("pathprefix");
  const result = await buildSite({
    root: process.cwd(),
    includeDrafts: flag("drafts"),
    ...(pathPrefix === undefined ? {} : { pathPrefix }),
  });
  process.stderr.write(formatReport(result.diagnostics));
  if (!result.ok) {
    process.stderr.write("Build failed: nothing was written.\n");
    process.exit(1);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  process.stdout.write(`Built ${result.pageCount} pages into ${result.outDir} in ${seconds} s\n`);
});
