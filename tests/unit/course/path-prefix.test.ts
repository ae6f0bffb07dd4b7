import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { Fault } from "../../../src/core/faults.js";
import { pathPrefixOf, resolvePathPrefix } from "../../../src/course/path-prefix.js";
import { temporaryCourses } from "../../support/temporary-course.js";

const course = temporaryCourses("path-prefix");
const ROOT = path.resolve(import.meta.dirname, "../../..");
// Run from the course's folder, where `tsx` is not installed: name Syllabus's own.
const TSX = pathToFileURL(path.join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;

describe("pathPrefixOf", () => {
  it("takes the command line, else PATH_PREFIX, else site.json", () => {
    const root = course({ "_data/site.json": '{"pathPrefix": "/site/"}' });
    expect(pathPrefixOf(root, "cli", "env")).toEqual({ pathPrefix: "/cli/" });
    expect(pathPrefixOf(root, undefined, "env")).toEqual({ pathPrefix: "/env/" });
    expect(pathPrefixOf(root, undefined, undefined)).toEqual({ pathPrefix: "/site/" });
  });

  it("refuses a command-line prefix that is not a path, in one line", () => {
    expect(pathPrefixOf(course(), "/a\n/*", undefined)).toEqual({
      error:
        '--pathprefix="/a\\n/*" is not a path prefix: the path prefix has the character U+000A; segments may hold letters, digits and - . _ ~ (expected a path such as /course/)',
    });
  });

  it("refuses a PATH_PREFIX that is not a path", () => {
    expect(pathPrefixOf(course(), undefined, "../up")).toEqual({
      error:
        'PATH_PREFIX="../up" is not a path prefix: the path prefix has a `..` segment (expected a path such as /course/)',
    });
  });
});

describe("resolvePathPrefix", () => {
  it("throws a bad prefix as a usage Fault, for the command to print, instead of exiting", () => {
    let thrown: unknown;
    try {
      resolvePathPrefix(course(), "../up");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Fault);
    expect(thrown).toMatchObject({
      exitCode: 2,
      message:
        '--pathprefix="../up" is not a path prefix: the path prefix has a `..` segment (expected a path such as /course/)',
    });
  });
});

describe("npm run check with a bad prefix", () => {
  it("prints one line and exits 2, without a stack trace", () => {
    const root = course({ "content/topics/a.md": "---\ntitle: A\ndescription: d\n---\nbody\n" });
    const run = spawnSync(
      process.execPath,
      ["--import", TSX, path.join(ROOT, "src/cli/check.ts"), "--pathprefix=/a\nb/"],
      { cwd: root, encoding: "utf8", env: { ...process.env, PATH_PREFIX: undefined } },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'error: --pathprefix="/a\\nb/" is not a path prefix: the path prefix has the character U+000A; segments may hold letters, digits and - . _ ~ (expected a path such as /course/)\n',
    );
  }, 30_000);
});

describe("npm run build with a bad prefix", () => {
  it("prints one line, exits 2, and leaves no lock or staging folder", () => {
    const root = course({ "content/topics/a.md": "---\ntitle: A\ndescription: d\n---\nbody\n" });
    const run = spawnSync(
      process.execPath,
      ["--import", TSX, path.join(ROOT, "src/cli/build.ts")],
      {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, PATH_PREFIX: "/a\u001b[2J/" },
      },
    );
    expect(run.stderr).toBe(
      'error: PATH_PREFIX="/a\\u001b[2J/" is not a path prefix: the path prefix has the character U+001B; segments may hold letters, digits and - . _ ~ (expected a path such as /course/)\n',
    );
    expect(run.status).toBe(2);
    expect(readdirSync(root).sort()).toEqual(["content"]);
  }, 30_000);
});
