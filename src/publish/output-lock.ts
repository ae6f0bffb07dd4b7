/**
 * One writer per output folder. Two builds in one folder each replaced
 * `_site/` under the other and left it with a fraction of its files; a build
 * beside `npm start` did the same. The build and the dev server each hold
 * `<output>.lock` while they write: a second one stops at once, with a line
 * that says who holds it, and changes nothing.
 *
 * Stopping rather than waiting: a build that waits for `npm start` waits
 * until the author stops the server, with no sign why; a build that stops
 * says what to do, and a script that wants to wait can retry.
 */
import { randomUUID } from "node:crypto";
import {
  linkSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { uptime } from "node:os";
import { displayPath, Fault } from "../core/faults.js";
import { outputFolders } from "./output-folders.js";

interface Holder {
  pid: number;
  /** How the holder was started: "npm run build", "npm start". */
  command: string;
  /** ISO time. */
  started: string;
  /** Names this lock among all others, even two of one process (absent from older locks). */
  token?: string;
  /** When the process started, from /proc/<pid>/stat (Linux only): tells a reused pid apart. */
  processStart?: string;
}

/** A lock file as read once: what it says, and which file it was. */
interface SeenLock {
  text: string;
  holder: Holder | undefined;
  ino: number;
  mtimeMs: number;
}

export interface OutputLock {
  /** Removes the lock file if it is still ours; safe to call more than once. */
  release(): void;
}

/**
 * The tokens of the locks this process holds. A lock naming this process's
 * pid and none of them was left by another process that had the same pid: in
 * a CI container every job's build may be pid 7.
 */
const heldHere = new Set<string>();

/**
 * Takes the lock of an output folder, or throws a Fault naming the build that
 * holds it. A lock whose process is gone (killed, or from before the machine
 * started, or whose pid another process now has) is taken over, with a note.
 */
export function lockOutput(
  output: string,
  command: string,
  note: (line: string) => void = () => undefined,
): OutputLock {
  const file = outputFolders(output).lock;
  const token = randomUUID();
  const processStart = processStartTime(process.pid);
  const ours: Holder = {
    pid: process.pid,
    command,
    started: new Date().toISOString(),
    token,
    ...(processStart === undefined ? {} : { processStart }),
  };
  const text = `${JSON.stringify(ours)}\n`;
  // Each turn either takes the lock, stops, or finds that another build
  // changed it meanwhile; a few turns are enough for any real race.
  for (let attempt = 0; ; attempt++) {
    try {
      // `wx`: created only if absent, so two builds cannot both take it.
      writeFileSync(file, text, { flag: "wx" });
      break;
    } catch (error) {
      const errno = error as NodeJS.ErrnoException;
      if (errno.code !== "EEXIST") {
        // Created but not written (a full disk): an empty lock would stop the next build.
        rmSync(file, { force: true });
        errno.path ??= file;
        throw error;
      }
    }
    const seen = readLock(file);
    if (seen === undefined && attempt < 3) continue;
    if (seen === undefined || attempt >= 3 || !isStale(seen)) throw heldFault(output, seen?.holder);
    if (!removeIfUnchanged(file, seen, token)) continue;
    note(
      `note: ${seen.holder ? `a Syllabus build that stopped (${describe(seen.holder)})` : "a Syllabus build that stopped"} left ${displayPath(file)}; taking it over.`,
    );
  }
  heldHere.add(token);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      heldHere.delete(token);
      if (readLock(file)?.holder?.token === token) unlinkSync(file);
    },
  };
}

function heldFault(output: string, holder: Holder | undefined): Fault {
  const who = holder ? ` (${describe(holder)})` : "";
  return new Fault(
    `another Syllabus build${who} is writing ${displayPath(output)}/; wait for it or stop it`,
  );
}

function describe(holder: Holder): string {
  return `pid ${holder.pid}, ${holder.command}, started ${clockTime(new Date(holder.started))}`;
}

/** 14:02:11 today; 2026-12-01 14:02:11 another day. */
function clockTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  if (date.toDateString() === new Date().toDateString()) return time;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}`;
}

/** The lock file as it is now; undefined when it is gone. */
function readLock(file: string): SeenLock | undefined {
  try {
    const { ino, mtimeMs } = statSync(file);
    const text = readFileSync(file, "utf8");
    return { text, holder: parseHolder(text), ino, mtimeMs };
  } catch {
    return undefined;
  }
}

/** The lock's holder; undefined when the text is not (yet) whole. */
function parseHolder(text: string): Holder | undefined {
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    if (
      typeof value.pid === "number" &&
      typeof value.command === "string" &&
      typeof value.started === "string"
    )
      return {
        pid: value.pid,
        command: value.command,
        started: value.started,
        ...(typeof value.token === "string" ? { token: value.token } : {}),
        ...(typeof value.processStart === "string" ? { processStart: value.processStart } : {}),
      };
  } catch {
    // Half-written: treated as held, below.
  }
  return undefined;
}

/**
 * Whether the holder is gone. A lock that cannot be read is being written
 * this instant by a build starting, unless it has been so for seconds. A lock
 * older than the machine's uptime is stale (in a container that is the
 * host's, so it proves little). A pid is reused, by a restart or by the next
 * CI job in a fresh container: a lock naming this process's pid is not ours
 * unless this process took it, and a live pid is the holder only if the
 * process started when the holder did (where /proc says; elsewhere a live
 * pid is taken to be the holder, which keeps the lock rather than risk two
 * writers).
 */
function isStale(seen: SeenLock): boolean {
  const holder = seen.holder;
  if (!holder) return seen.mtimeMs < Date.now() - 10_000;
  if (holder.pid === process.pid) return holder.token === undefined || !heldHere.has(holder.token);
  const bootedAt = Date.now() - uptime() * 1000;
  if (Date.parse(holder.started) < bootedAt) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return true;
    // EPERM: alive, but another user's.
  }
  const start = holder.processStart === undefined ? undefined : processStartTime(holder.pid);
  return start !== undefined && start !== holder.processStart;
}

/**
 * When a process started, in clock ticks since the machine booted (field 22
 * of /proc/<pid>/stat, after the command name, which may hold spaces and
 * parentheses); undefined where there is no /proc.
 */
function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/**
 * Removes the stale lock `seen`, unless another build took it over since it
 * was read: two builds that both found it stale would otherwise each remove
 * it, the second removing the lock the first had just created. The lock is
 * renamed aside first (one of them wins the rename), and removed only if it
 * is the very file that was found stale; another build's lock is put back.
 * Returns whether it removed it.
 */
function removeIfUnchanged(file: string, seen: SeenLock, token: string): boolean {
  const aside = `${file}.${token}`;
  try {
    renameSync(file, aside);
  } catch {
    return false;
  }
  const moved = readLock(aside);
  const unchanged =
    moved !== undefined &&
    moved.text === seen.text &&
    moved.ino === seen.ino &&
    moved.mtimeMs === seen.mtimeMs;
  if (!unchanged) {
    try {
      // `link` creates the name only if it is absent, like `wx`.
      linkSync(aside, file);
    } catch {
      // A third build took the free name meanwhile: it holds the output now.
    }
  }
  rmSync(aside, { force: true });
  return unchanged;
}
