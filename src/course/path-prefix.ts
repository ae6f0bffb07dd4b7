/** The path prefix of a run, decided once for the build, the dev server and the check alike. */
import { Fault } from "../core/faults.js";
import { normalizePathPrefix } from "../core/urls.js";
import { pathPrefixProblem } from "../schema/site-address.js";
import { loadOptions } from "../schema/site-options.js";

/**
 * Given on the command line, else `PATH_PREFIX` in the environment, else
 * `pathPrefix` in `_data/site.json` (checked there, with the other options:
 * an invalid one is an error at its line and `/` meanwhile). A prefix given
 * on the command line or in the environment that is not a clean path is an
 * error of the run: `{ error }` says why (the command prints it after
 * `error: `, escaped as one line).
 */
export function pathPrefixOf(
  root: string,
  given: string | undefined,
  env: string | undefined = process.env.PATH_PREFIX,
): { pathPrefix: string } | { error: string } {
  const [source, value] =
    given !== undefined ? ["--pathprefix", given] : env !== undefined ? ["PATH_PREFIX", env] : [];
  if (source === undefined || value === undefined) {
    return { pathPrefix: loadOptions(root).options.pathPrefix };
  }
  const problem = pathPrefixProblem(value);
  if (problem === undefined) return { pathPrefix: normalizePathPrefix(value) };
  return {
    error: `${source}=${JSON.stringify(value)} is not a path prefix: ${problem} (expected a path such as /course/)`,
  };
}

/**
 * The run's path prefix (see `pathPrefixOf`). An invalid one given on the
 * command line or in the environment is thrown as a Fault with exit status 2
 * (a usage error): nothing can be built or checked under a prefix that is
 * not a path, and a stack trace would say nothing more. The command prints
 * it and exits (see cli/run-command.ts).
 */
export function resolvePathPrefix(root: string, given: string | undefined): string {
  const result = pathPrefixOf(root, given);
  if ("pathPrefix" in result) return result.pathPrefix;
  throw new Fault(result.error, { exitCode: 2 });
}
