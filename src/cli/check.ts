/** `npm run check`: validates the whole course without writing anything. */
import { loadCourse } from "../course/load-course.js";
import { formatReport, hasErrors } from "../core/diagnostics.js";

const { course, diagnostics } = loadCourse({ root: process.cwd(), includeDrafts: true });
process.stderr.write(formatReport(diagnostics, { includeNotes: process.argv.includes("--notes") }));
if (hasErrors(diagnostics)) process.exit(1);
process.stdout.write(
  `Checked ${course.articles.length} articles and ${course.pages.length} pages: no errors.\n`,
);
