/**
 * Decodes a file that must be UTF-8. Invalid bytes are an error at their
 * line and column instead of a silent U+FFFD; a byte-order mark is accepted
 * and dropped.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import { LineIndex } from "../core/text.js";

const fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
const lenient = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });

/**
 * The text of `bytes` (from the file at `path`, from the project root). When
 * they are not UTF-8, the text with U+FFFD where the bytes were, and one error
 * at the first invalid sequence; `hint` says how to fix it for this kind of file.
 */
export function decodeUtf8(
  bytes: Uint8Array,
  path: string,
  hint = "save the file as UTF-8",
): { text: string; diagnostics: Diagnostic[] } {
  try {
    return { text: fatal.decode(bytes), diagnostics: [] };
  } catch {
    const text = lenient.decode(bytes);
    // Counted on the valid bytes before the first invalid one, not by searching
    // the text for U+FFFD: the file may also hold a real U+FFFD earlier.
    const valid = lenient.decode(bytes.subarray(0, firstInvalidByte(bytes)));
    const { line, column } = new LineIndex(valid).position(valid.length);
    return {
      text,
      diagnostics: [
        {
          file: path,
          line,
          column,
          severity: "error",
          rule: "invalid-utf8",
          message: "The file is not valid UTF-8: these bytes would show as \ufffd",
          hint,
        },
      ],
    };
  }
}

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence;
 * `bytes.length` when all are well-formed. The platform's decoder judges (so
 * that this agrees with `decodeUtf8`): the shortest prefix it refuses, read
 * as a stream, ends in the bad sequence, and what it decoded before that
 * sequence gives the sequence's start. Only ever run on a file that failed.
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  const refuses = (length: number, stream: boolean) => {
    try {
      new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, length), {
        stream,
      });
      return false;
    } catch {
      return true;
    }
  };
  // A sequence cut off by the end of the file is refused only when the stream ends.
  if (!refuses(bytes.length, true))
    return refuses(bytes.length, false) ? validBytes(bytes.length, bytes) : bytes.length;
  let low = 1;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (refuses(middle, true)) high = middle;
    else low = middle + 1;
  }
  return validBytes(low - 1, bytes);
}

/** How many of the first `length` bytes decode to whole characters (the rest begin a sequence). */
function validBytes(length: number, bytes: Uint8Array): number {
  const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(
    bytes.subarray(0, length),
    { stream: true },
  );
  return new TextEncoder().encode(text).length;
}
