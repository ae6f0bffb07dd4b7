/** One writer per output folder: the lock file beside it. */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Fault } from "../../../src/core/faults.js";
import { lockOutput } from "../../../src/publish/output-lock.js";
import { temporaryCourses } from "../../support/temporary-course.js";

const makeDir = temporaryCourses("lock");

/** A pid that no process has: one that has just exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid;
}

describe("lockOutput", () => {
  it("refuses a second holder, naming the first, and changes nothing", () => {
    const output = path.join(makeDir(), "_site");
    const first = lockOutput(output, "npm start");
    const before = readFileSync(`${output}.lock`, "utf8");
    expect(() => lockOutput(output, "npm run build")).toThrow(Fault);
    expect(() => lockOutput(output, "npm run build")).toThrow(
      new RegExp(
        `^another Syllabus build \\(pid ${process.pid}, npm start, started \\d\\d:\\d\\d:\\d\\d\\) is writing .*_site/; wait for it or stop it$`,
      ),
    );
    expect(readFileSync(`${output}.lock`, "utf8")).toBe(before);
    first.release();
    expect(existsSync(`${output}.lock`)).toBe(false);
  });

  it("takes over the lock of a process that is gone, with a note", () => {
    const output = path.join(makeDir(), "_site");
    const pid = deadPid();
    writeFileSync(
      `${output}.lock`,
      JSON.stringify({ pid, command: "npm run build", started: new Date().toISOString() }),
    );
    const notes: string[] = [];
    const lock = lockOutput(output, "npm run build", (line) => notes.push(line));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(
      new RegExp(
        `^note: a Syllabus build that stopped \\(pid ${pid}, npm run build, started .*\\) left .*_site\\.lock; taking it over\\.$`,
      ),
    );
    expect(JSON.parse(readFileSync(`${output}.lock`, "utf8"))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it("treats a lock being written this instant as held, and an old unreadable one as stale", () => {
    const output = path.join(makeDir(), "_site");
    writeFileSync(`${output}.lock`, "");
    expect(() => lockOutput(output, "npm run build")).toThrow(
      /^another Syllabus build is writing .*_site\/; wait for it or stop it$/,
    );
    const old = new Date(Date.now() - 60_000);
    spawnSync("touch", ["-d", old.toISOString(), `${output}.lock`]);
    lockOutput(output, "npm run build").release();
  });

  it("releases only its own lock", () => {
    const output = path.join(makeDir(), "_site");
    const lock = lockOutput(output, "npm run build");
    const other = JSON.stringify({
      pid: 1,
      command: "npm start",
      started: new Date().toISOString(),
    });
    writeFileSync(`${output}.lock`, other);
    lock.release();
    expect(readFileSync(`${output}.lock`, "utf8")).toBe(other);
  });
});
