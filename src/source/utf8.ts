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
 * Offset of the first byte that does not start a well-formed UTF-8 sequence
 * (https://encoding.spec.whatwg.org/#utf-8-decoder: no overlong forms, no
 * surrogates, nothing above U+10FFFF); `bytes.length` when all are well-formed.
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    // The length of the sequence, and the range its second byte must fall in.
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return i;
    }
    i += length;
  }
  return bytes.length;
}
