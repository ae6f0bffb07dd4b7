import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

/** Files of a course folder, keyed by their path from its root. */
export type CourseFiles = Record<string, string>;

/**
 * Returns a maker of throwaway course folders, each holding the given files;
 * every folder it made is removed once the calling test file is done. Call it
 * at the top level of a test file, where `afterAll` may be registered.
 */
export function temporaryCourses(name: string): (files?: CourseFiles) => string {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });
  return (files = {}) => {
    const root = mkdtempSync(path.join(tmpdir(), `syllabus-${name}-`));
    roots.push(root);
    for (const [relative, text] of Object.entries(files)) {
      const file = path.join(root, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    return root;
  };
}
