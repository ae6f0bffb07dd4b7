/** The path prefix of a run, decided once for the build, the dev server and the check alike. */
import { normalizePathPrefix } from "../core/urls.js";
import { loadOptions } from "../schema/site-options.js";

/**
 * Given on the command line, else `PATH_PREFIX` in the environment, else
 * `pathPrefix` in `_data/site.json`.
 */
export function resolvePathPrefix(root: string, given: string | undefined): string {
  return normalizePathPrefix(
    given ?? process.env.PATH_PREFIX ?? loadOptions(root).options.pathPrefix,
  );
}
