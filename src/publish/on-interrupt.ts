/**
 * Cleanup that must happen even when the reader presses Ctrl-C: a build
 * removes its staging and scratch folders and releases its lock, then exits
 * as a shell expects of a process stopped by a signal (130 for SIGINT, 143
 * for SIGTERM). SIGKILL cannot be caught; the next build clears what it left
 * (see staged-output.ts).
 */
import { constants } from "node:os";

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * Runs `cleanup` once, on SIGINT, SIGTERM or an early `process.exit`, until
 * the returned function is called (then it no longer runs).
 */
export function onInterrupt(cleanup: () => void): () => void {
  let done = false;
  const runOnce = () => {
    if (done) return;
    done = true;
    cleanup();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      runOnce();
    } finally {
      process.exit(128 + constants.signals[signal]);
    }
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on("exit", runOnce);
  return () => {
    done = true;
    for (const signal of SIGNALS) process.off(signal, onSignal);
    process.off("exit", runOnce);
  };
}
