/**
 * The one rule for malformed bibliography entries, BibTeX and CSL-JSON
 * alike: an entry a page cites is an error (the page would lack a
 * reference), one that no page cites is a warning and is left out of the
 * bibliography, so that one bad entry among the thousands of a reference
 * manager's export does not stop the build.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import type { Bibliography } from "./bibliography.js";

/** The problems of the entries left out, with their severity now that the cited keys are known. */
export function malformedWorkDiagnostics(
  bibliography: Pick<Bibliography, "malformed">,
  citedKeys: ReadonlySet<string>,
): Diagnostic[] {
  return bibliography.malformed.flatMap(({ key, problems }): Diagnostic[] =>
    key !== undefined && citedKeys.has(key)
      ? problems.map((d) => ({ ...d, severity: "error" }))
      : problems.map((d) => ({
          ...d,
          severity: "warning",
          message: `${d.message}; no page cites it, so it is left out of the bibliography`,
        })),
  );
}
