/** One writer per output folder: the lock file beside it. */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Fault } from "../../../src/core/faults.js";
import { lockOutput } from "../../../src/publish/output-lock.js";
import { temporaryCourses } from "../../support/temporary-course.js";

const makeDir = temporaryCourses("lock");

/** A pid that no process has: one that has just exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid;
}

/** A process that lives until the test file ends: a pid that is alive but holds no lock. */
const sleeper = spawn("sleep", ["60"], { stdio: "ignore" });
afterAll(() => void sleeper.kill());

/** Field 22 of /proc/<pid>/stat (after the command name): when the process started. */
function startTime(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]!;
}

function writeLock(output: string, holder: Record<string, unknown>): void {
  writeFileSync(
    `${output}.lock`,
    JSON.stringify({ command: "npm run build", started: new Date().toISOString(), ...holder }),
  );
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

  it("takes over a lock with this process's pid that this process does not hold (a CI job before it)", () => {
    const output = path.join(makeDir(), "_site");
    writeLock(output, { pid: process.pid });
    const notes: string[] = [];
    const lock = lockOutput(output, "npm run build", (line) => notes.push(line));
    expect(notes).toEqual([expect.stringMatching(/^note: a Syllabus build that stopped \(pid /)]);
    lock.release();
    expect(existsSync(`${output}.lock`)).toBe(false);
  });

  it.skipIf(!existsSync("/proc/self/stat"))(
    "takes over a lock whose pid a process that started later has, and keeps one whose process it is",
    () => {
      const output = path.join(makeDir(), "_site");
      const pid = sleeper.pid!;
      writeLock(output, { pid, processStart: String(Number(startTime(pid)) - 1) });
      const notes: string[] = [];
      lockOutput(output, "npm run build", (line) => notes.push(line)).release();
      expect(notes).toHaveLength(1);

      writeLock(output, { pid, processStart: startTime(pid) });
      expect(() => lockOutput(output, "npm run build")).toThrow(
        new RegExp(`^another Syllabus build \\(pid ${pid}, npm run build, started `),
      );
    },
  );

  it("records when this process started, so that the next build can tell a reused pid", () => {
    const output = path.join(makeDir(), "_site");
    const lock = lockOutput(output, "npm run build");
    const holder = JSON.parse(readFileSync(`${output}.lock`, "utf8")) as Record<string, unknown>;
    if (existsSync("/proc/self/stat")) expect(holder.processStart).toBe(startTime(process.pid));
    lock.release();
  });
});
