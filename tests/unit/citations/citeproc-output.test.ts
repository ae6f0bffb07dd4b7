import { describe, expect, it } from "vitest";
import {
  cslRichText,
  ET_AL_MARKER,
  finishCiteprocHtml,
  finishCiteprocText,
  mathPlaceholder,
  restoreEtAl,
} from "../../../src/citations/citeproc-output.js";

const EN = { etAl: "et al.", and: "and" };

describe("restoreEtAl", () => {
  it("puts the locale's et al. after the listed names, keeping the delimiter printed before them", () => {
    // As citeproc prints a last author named by the marker in each style family.
    expect(restoreEtAl(`Doe J, Roe R, ${ET_AL_MARKER}. Title.`, EN)).toBe(
      "Doe J, Roe R, et al. Title.",
    );
    expect(restoreEtAl(`Doe, J., Roe, R., &#38; ${ET_AL_MARKER} (2020).`, EN)).toBe(
      "Doe, J., Roe, R., et al. (2020).",
    );
    expect(restoreEtAl(`Doe, Jane, and ${ET_AL_MARKER}. 2020.`, EN)).toBe(
      "Doe, Jane, et al. 2020.",
    );
  });

  it("uses a space, not a delimiter, after a single listed name", () => {
    expect(restoreEtAl(`(Doe &#38; ${ET_AL_MARKER}, 2020)`, EN)).toBe("(Doe et al., 2020)");
    expect(restoreEtAl(`Doe J and ${ET_AL_MARKER}`, EN)).toBe("Doe J et al.");
  });

  it("drops APA's ellipsis before a last author, which a truncated list does not have", () => {
    expect(restoreEtAl(`S, T., . . . ${ET_AL_MARKER} (2021).`, EN)).toBe("S, T., et al. (2021).");
  });

  it("speaks the style's language and survives text-case changes", () => {
    expect(
      restoreEtAl(`Doe J, ${ET_AL_MARKER.toLowerCase()}.`, { etAl: "u.&#160;a.", and: "und" }),
    ).toBe("Doe J, u.&#160;a.");
    expect(restoreEtAl(`Doe und ${ET_AL_MARKER}`, { etAl: "u.&#160;a.", and: "und" })).toBe(
      "Doe u.&#160;a.",
    );
  });

  it("leaves text without the marker alone", () => {
    expect(restoreEtAl("Doe J, Others R.", EN)).toBe("Doe J, Others R.");
  });
});

describe("math placeholders", () => {
  const math = ["\\ell_1", "O(n^2)"];
  const title = `Sparse ${mathPlaceholder(0)} codes in ${mathPlaceholder(1)} time`;

  it("are rendered with KaTeX in HTML", () => {
    const html = finishCiteprocHtml(title, math, EN);
    expect(html).toContain('<span class="katex">');
    expect(html).toContain('<annotation encoding="application/x-tex">\\ell_1</annotation>');
    expect(html).not.toContain("⟦");
  });

  it("are their TeX in plain text", () => {
    expect(finishCiteprocText(title, math)).toBe("Sparse \\ell_1 codes in O(n^2) time");
  });

  it("that name no formula stay as written", () => {
    expect(finishCiteprocText("A ⟦7⟧ b", math)).toBe("A ⟦7⟧ b");
  });
});

describe("cslRichText", () => {
  it("escapes text and keeps CSL-JSON's balanced rich-text markup", () => {
    expect(cslRichText('On <i>E. coli</i> & <span class="nocase">GPT</span> <b>x')).toBe(
      "On <i>E. coli</i> &amp; <span>GPT</span> <b>x</b>",
    );
    expect(cslRichText('<span style="font-variant:small-caps;">Sc</span>')).toBe(
      '<span class="small-caps">Sc</span>',
    );
  });

  it("never lets other markup through", () => {
    expect(cslRichText('<img src=x onerror="alert(1)"></i><script>')).toBe(
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;/i&gt;&lt;script&gt;",
    );
  });
});
