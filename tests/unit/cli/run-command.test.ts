/** What a command prints when it stops: one line for a fault, whatever it quotes. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Fault } from "../../../src/core/faults.js";
import { failureReport } from "../../../src/cli/run-command.js";
import { lockOutput } from "../../../src/publish/output-lock.js";
import { temporaryCourses } from "../../support/temporary-course.js";

const makeDir = temporaryCourses("run-command");

function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("failureReport", () => {
  it("prints the command a lock file names on one line, its escapes and newlines shown", () => {
    const output = path.join(makeDir(), "_site");
    const lock = lockOutput(output, "npm start\u001b]0;owned\u0007\nerror: all fine");
    try {
      const report = failureReport(
        thrownBy(() => lockOutput(output, "npm run build")),
        "build again",
      );
      expect(report.split("\n")).toHaveLength(1);
      expect(report).toMatch(
        /^error: another Syllabus build \(pid \d+, npm start\\u001b\]0;owned\\u0007\\nerror: all fine, started [\d:]+\) is writing .*_site\/; wait for it or stop it$/,
      );
    } finally {
      lock.release();
    }
  });

  it("prints a file-system fault's path, from a content file's name, on one line", () => {
    const error = Object.assign(new Error("ENOSPC"), {
      code: "ENOSPC",
      syscall: "open",
      path: path.join(process.cwd(), "_site.staging/a\nb/index.html"),
    });
    expect(failureReport(error, "build again")).toBe(
      "error: cannot open _site.staging/a\\nb/index.html: no space left on device (ENOSPC). Free some space and build again.",
    );
  });

  it("does not repeat `error: ` before a usage fault", () => {
    expect(failureReport(new Fault("--pathprefix=x is bad", { exitCode: 2 }), "check again")).toBe(
      "error: --pathprefix=x is bad",
    );
  });

  it("shows a bug's trace", () => {
    expect(failureReport(new TypeError("x is undefined"), "build again")).toMatch(
      /^error: this is a bug in Syllabus; please report it with this trace:\nTypeError: x is undefined\n/,
    );
  });
});
