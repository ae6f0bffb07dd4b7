import { describe, expect, it } from "vitest";
import { htmlPlaceholders, Placeholders, sourcePlaceholders } from "../../../src/core/markers.js";

describe("Placeholders", () => {
  it("restores each marker to the value it stands for", () => {
    const placeholders = htmlPlaceholders();
    const a = placeholders.add("<b>one</b>");
    const b = placeholders.add("<i>two</i>");
    expect(placeholders.restore(`x ${b} y ${a} z ${a}`)).toBe(
      "x <i>two</i> y <b>one</b> z <b>one</b>",
    );
  });

  it("uses only private-use characters, with no letters, digits or markup", () => {
    const marker = htmlPlaceholders().add("<value>");
    expect(marker).not.toMatch(/[\p{L}\p{N}<>{}%#$&]/u);
    expect([...marker].every((c) => c.charCodeAt(0) >= 0xe000 && c.charCodeAt(0) <= 0xf8ff)).toBe(
      true,
    );
  });

  it("gives distinct markers beyond ten values", () => {
    const placeholders = htmlPlaceholders();
    const markers = Array.from({ length: 12 }, (_, i) => placeholders.add(`v${i}`));
    expect(new Set(markers).size).toBe(12);
    expect(placeholders.restore(markers.join("|"))).toBe(
      Array.from({ length: 12 }, (_, i) => `v${i}`).join("|"),
    );
  });

  it("leaves text without markers, or when nothing was added, unchanged", () => {
    const placeholders = sourcePlaceholders();
    expect(placeholders.restore("plain {{ text }}")).toBe("plain {{ text }}");
    placeholders.add("x");
    expect(placeholders.restore("plain {{ text }}")).toBe("plain {{ text }}");
  });

  it("does not restore markers of the other kind", () => {
    const html = htmlPlaceholders();
    const source = sourcePlaceholders();
    const htmlMarker = html.add("HTML");
    const sourceMarker = source.add("SOURCE");
    const text = `${htmlMarker} ${sourceMarker}`;
    expect(html.restore(text)).toBe(`HTML ${sourceMarker}`);
    expect(source.restore(text)).toBe(`${htmlMarker} SOURCE`);
  });

  it("restores a marker this instance never issued to nothing", () => {
    const issuer = new Placeholders("\ue000", "\ue001");
    issuer.add("a");
    const foreign = issuer.add("b");
    const other = new Placeholders("\ue000", "\ue001");
    other.add("only one");
    expect(other.restore(`[${foreign}]`)).toBe("[]");
  });
});
