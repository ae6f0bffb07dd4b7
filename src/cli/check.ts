/** `npm run check`: validates the whole course without writing anything. */
import { formatReport, hasErrors } from "../core/diagnostics.js";
import { loadCourse } from "../course/load-course.js";
import { resolvePathPrefix } from "../course/path-prefix.js";
import { flag, option } from "./arguments.js";
import { runCommand } from "./run-command.js";

await runCommand("check again", () => {
  const root = process.cwd();
  // The prefix the site will be served under decides which of its own absolute URLs links may use.
  const pathPrefix = resolvePathPrefix(root, option("pathprefix"));
  const { course, diagnostics } = loadCourse({ root, includeDrafts: true, pathPrefix });
  process.stderr.write(formatReport(diagnostics, { includeNotes: flag("notes") }));
  if (hasErrors(diagnostics)) process.exit(1);
  process.stdout.write(
    `Checked ${course.articles.length} articles and ${course.pages.length} pages: no errors.\n`,
  );
});
