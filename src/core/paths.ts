/**
 * File-system paths as data: whether one lies inside another. One
 * definition, as a hand-written `relative.startsWith("..")` gets both
 * `..notes` (inside) and another drive on Windows (outside) wrong.
 */
import path from "node:path";

/** Whether `child` is `parent` or lies under it, both resolved from the working directory (no links are followed). */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(path.resolve(parent), path.resolve(child));
  return (
    relative === "" ||
    (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}
