/**
 * File-system faults made on purpose, for the fault tests. The tests run as
 * root here, where `chmod` does not stop writes: immutability (`chattr +i`),
 * read-only bind mounts and small tmpfs mounts do. Each probe says why it
 * cannot (not root, no CAP_SYS_ADMIN, no chattr) so that a test can skip
 * with that message; every change is undone in `afterAll`, even on failure.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

function run(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.error) return `${command}: ${result.error.message}`;
  if (result.status !== 0) return `${command} ${args.join(" ")}: ${result.stderr.trim()}`;
  return undefined;
}

function must(command: string, args: string[]): void {
  const problem = run(command, args);
  if (problem !== undefined) throw new Error(problem);
}

/** Why `chattr +i` cannot be used here; undefined when it can. */
export function chattrUnavailable(): string | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), "syllabus-chattr-probe-"));
  try {
    const problem = run("chattr", ["+i", dir]);
    if (problem === undefined) must("chattr", ["-i", dir]);
    return problem;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Why `mount` cannot be used here; undefined when it can. */
export function mountUnavailable(): string | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), "syllabus-mount-probe-"));
  try {
    const problem = run("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir]);
    if (problem === undefined) must("umount", [dir]);
    return problem;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Returns the means to make faults: each immutable flag and mount it made is
 * undone once the calling test file is done. Call it at the top level of a
 * test file, where `afterAll` may be registered.
 */
export function faultMaker() {
  const immutable = new Set<string>();
  const mounts: string[] = [];
  afterAll(() => {
    for (const target of immutable) run("chattr", ["-i", target]);
    for (const target of mounts.reverse()) run("umount", ["-l", target]);
  });
  return {
    /** Makes a file or folder immutable: nothing renames, removes or writes into it. */
    makeImmutable(target: string): void {
      must("chattr", ["+i", target]);
      immutable.add(target);
    },
    makeMutable(target: string): void {
      must("chattr", ["-i", target]);
      immutable.delete(target);
    },
    /** Mounts a tmpfs of `size` (`4m`) on a new folder under `parent`, and returns the folder. */
    mountTmpfs(parent: string, size: string): string {
      const dir = path.join(parent, "disk");
      mkdirSync(dir, { recursive: true });
      must("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir]);
      mounts.push(dir);
      return dir;
    },
    /** Mounts a folder on itself, read-only: it cannot be written or renamed. */
    bindReadOnly(dir: string): void {
      must("mount", ["--bind", dir, dir]);
      mounts.push(dir);
      must("mount", ["-o", "remount,ro,bind", dir]);
    },
    unmount(dir: string): void {
      must("umount", [dir]);
      mounts.splice(mounts.indexOf(dir), 1);
    },
  };
}
