import { describe, expect, it } from "vitest";
import { PAUSE_CLOSING, pauseOpening } from "../../../src/shortcodes/pause.js";

describe("pauseOpening", () => {
  it("is the raw-HTML form authors write by hand", () => {
    expect(pauseOpening("Pause and think", "Why <em>this</em>?")).toBe(
      '<details class="pause-and-think"><summary>Pause and think: Why <em>this</em>?</summary>',
    );
  });

  it("escapes the label but not the question, which is already HTML", () => {
    expect(pauseOpening("Denk & <mach>", "<b>Q</b>")).toBe(
      '<details class="pause-and-think"><summary>Denk &amp; &lt;mach&gt;: <b>Q</b></summary>',
    );
  });
});

describe("PAUSE_CLOSING", () => {
  it("closes the details element", () => {
    expect(PAUSE_CLOSING).toBe("</details>");
  });
});
