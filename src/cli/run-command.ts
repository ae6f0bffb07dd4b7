/**
 * How every command ends when something goes wrong that is not an author's
 * mistake (those are diagnostics, reported by the command itself): a fault of
 * the machine (a full disk, a read-only folder, another build writing the
 * output) is one line naming the path and what to do, and exit code 1 (2 for
 * an option that cannot be used); only a bug in Syllabus shows a stack
 * trace, and says so.
 */
import { Fault, faultLine } from "../core/faults.js";

/**
 * Runs a command's work, reporting a fault or a bug, even one thrown later
 * from a callback (the dev server keeps running after `work` returns).
 * `retry` ends a fault's advice: "build again".
 */
export async function runCommand(retry: string, work: () => Promise<void> | void): Promise<void> {
  const fail = (error: unknown) => {
    process.stderr.write(`${failureReport(error, retry)}\n`);
    process.exit(error instanceof Fault ? error.exitCode : 1);
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
  try {
    await work();
  } catch (error) {
    fail(error);
  }
}

/** The text printed for an error that ends a command. */
export function failureReport(error: unknown, retry: string): string {
  const fault = faultLine(error, retry);
  if (fault !== undefined) return fault;
  const trace = error instanceof Error ? (error.stack ?? String(error)) : String(error);
  return `error: this is a bug in Syllabus; please report it with this trace:\n${trace}`;
}
