/**
 * The HTML policy, on the tree a browser builds: each way around a check that
 * reads HTML differently from the browser (issue: "The HTML check and the
 * browser parse differently"), each rule, and the HTML our own features and
 * ordinary articles need, which must pass.
 */
import katex from "katex";
import { describe, expect, it } from "vitest";
import { fragmentProblems, type PolicyProblem } from "../../../src/core/html-policy.js";

const EMBEDS = { embeds: ["https://www.youtube-nocookie.com"] };
/** `offset needle rule message`, for compact assertions. */
const brief = (problems: PolicyProblem[]) =>
  problems.map((p) => `${p.offset} ${p.needle} ${p.rule} ${p.message}`);
const messages = (html: string, context: string | readonly string[] = "div") =>
  fragmentProblems(html, context, EMBEDS).map((p) => p.message);

const ONERROR = 'Attribute "onerror" is not allowed: event handlers would run script';

describe("HTML that a per-token check read differently from the browser", () => {
  it("sees the <img> after a comment closed by --!>", () => {
    expect(brief(fragmentProblems("<!-- a --!> <img src=x onerror=alert(1)> -->", "div"))).toEqual([
      `23 onerror unsafe-html ${ONERROR}`,
    ]);
  });

  it("sees the <img> after a CDATA section, a bogus comment in HTML", () => {
    expect(brief(fragmentProblems("<![CDATA[ x> <img src=x onerror=alert(1)> ]]>", "div"))).toEqual(
      [`24 onerror unsafe-html ${ONERROR}`],
    );
  });

  it.each(["noscript", "noembed", "noframes", "xmp", "iframe"])(
    "sees the <img> that an attribute inside <%s> lets out",
    (name) => {
      const html = `<${name}><p title="</${name}><img src=x onerror=alert(1)>"></${name}>`;
      const problems = fragmentProblems(html, "div");
      expect(problems.map((p) => p.message)).toContain(ONERROR);
      const onerror = problems.find((p) => p.message === ONERROR);
      expect(html.slice(onerror?.offset)).toMatch(/^onerror=/);
    },
  );

  it("sees an <img> break out of <svg>, as the browser makes it HTML", () => {
    expect(messages('<svg><style><img src=x onerror="alert(1)"></style></svg>')).toEqual([
      "Element <style> is not allowed: it would restyle the whole page",
      ONERROR,
    ]);
  });
});

describe("each rule", () => {
  it("refuses script, event handlers and unlisted elements", () => {
    expect(messages("<script>alert(1)</script>")).toEqual([
      "Element <script> is not allowed: it would run script",
    ]);
    expect(messages('<div onmouseover="x">a</div>')).toEqual([
      'Attribute "onmouseover" is not allowed: event handlers would run script',
    ]);
    expect(messages("<marquee>a</marquee>")).toEqual([
      "Element <marquee> is not allowed in content",
    ]);
    expect(messages('<p ping="x">a</p>')).toEqual(['Attribute "ping" is not allowed on <p>']);
  });

  it("refuses <base>, <meta http-equiv=refresh>, <iframe srcdoc>", () => {
    expect(messages('<base href="https://evil.example/">')).toEqual([
      "Element <base> is not allowed: it would change where every link of the page points",
    ]);
    expect(messages('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">')).toEqual([
      "Element <meta> is not allowed: it belongs to the page's layout (http-equiv can redirect the page)",
    ]);
    expect(messages('<iframe srcdoc="<script>alert(1)</script>"></iframe>')).toEqual([
      'Attribute "srcdoc" is not allowed on <iframe>: it would embed a page that is not checked',
    ]);
  });

  it.each([
    ['<a href="javascript:alert(1)">x</a>', "href", "javascript:alert(1)"],
    ['<a href="jav&#x61;script:alert(1)">x</a>', "href", "javascript:alert(1)"],
    ['<a href="java\tscript:alert(1)">x</a>', "href", "java\tscript:alert(1)"],
    ['<a href="vbscript:msgbox(1)">x</a>', "href", "vbscript:msgbox(1)"],
    ['<a href="data:text/html,x">x</a>', "href", "data:text/html,x"],
    ['<button formaction="javascript:alert(1)">x</button>', "formaction", "javascript:alert(1)"],
    ['<blockquote cite="javascript:x">q</blockquote>', "cite", "javascript:x"],
  ])("refuses an unsafe URL: %s", (html, attribute, url) => {
    expect(fragmentProblems(html, "div")).toEqual([
      expect.objectContaining({
        rule: "unsafe-url",
        needle: attribute,
        message: `Unsafe URL ${JSON.stringify(url)} in "${attribute}": only http(s), mailto and relative URLs are allowed`,
      }),
    ]);
  });

  it("allows data: for images only, and reads srcset as browsers split it", () => {
    expect(messages('<img src="data:image/png;base64,AAAA" alt="">')).toEqual([]);
    expect(messages('<img srcset="data:image/png;base64,AA,AA 1x, javascript:x 2x">')).toEqual([
      'Unsafe URL "javascript:x" in "srcset": only http(s), relative URLs and data: images are allowed',
    ]);
    expect(messages('<video poster="javascript:alert(1)"></video>')).toEqual([
      'Unsafe URL "javascript:alert(1)" in "poster": only http(s), relative URLs and data: images are allowed',
    ]);
    expect(messages('<img src="data:image/svg+xml,<svg/>">')).toEqual([
      'Unsafe URL "data:image/svg+xml,<svg/>" in "src": only http(s), relative URLs and data: images are allowed',
    ]);
  });

  it("reports a resource the Content-Security-Policy would block", () => {
    expect(messages('<img src="https://other.example/a.png">')).toEqual([
      `<img src="https://other.example/a.png"> would be blocked by the site's Content-Security-Policy: only files of the course can be loaded`,
    ]);
    expect(messages('<video src="//other.example/v.mp4"></video>')).toHaveLength(1);
    expect(messages('<img src="/\\other.example/a.png">')).toHaveLength(1);
    expect(messages('<audio><source src="https://other.example/a.mp3"></audio>')).toHaveLength(1);
    expect(messages('<iframe src="https://evil.example/"></iframe>')).toEqual([
      `<iframe src="https://evil.example/"> would be blocked by the site's Content-Security-Policy: list its origin in "embeds" in _data/site.json`,
    ]);
    expect(fragmentProblems('<img src="https://other.example/a.png">', "div")[0]?.hint).toBe(
      "copy the file into the course and link it with a relative URL",
    );
  });

  it("refuses a form that submits off the site", () => {
    expect(messages('<form action="https://evil.example/"><button>x</button></form>')).toEqual([
      `<form action="https://evil.example/"> would submit off the site: only relative URLs are allowed in "action"`,
    ]);
    expect(messages('<form><button formaction="//evil.example/">x</button></form>')).toHaveLength(
      1,
    );
    expect(messages('<form action="/search/"><input name="q"></form>')).toEqual([]);
  });

  it("refuses what would let SVG run script or load another file", () => {
    expect(
      messages('<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>'),
    ).toEqual([
      "Element <animate> is not allowed: SVG animation can set any attribute, a link's target among them",
    ]);
    expect(messages("<svg><foreignObject><p>x</p></foreignObject></svg>")).toEqual([
      "Element <foreignObject> is not allowed: it puts HTML inside SVG",
    ]);
    expect(messages('<svg><use href="https://evil.example/a.svg#x"/></svg>')).toEqual([
      `<use href="https://evil.example/a.svg#x"> refers outside the SVG: only references to its own elements (#id) are allowed`,
    ]);
    expect(messages('<svg onload="alert(1)"></svg>')).toEqual([
      'Attribute "onload" is not allowed: event handlers would run script',
    ]);
  });
});

describe("a fragment must leave the parser as it found it", () => {
  it.each([
    ["x <textarea>", "<textarea> is not closed: it would swallow the rest of the page", 2],
    ["<!-- x", "A comment (<!--) is not closed: it would swallow the rest of the page", 0],
    ["<ol><li>a", "<ol> is not closed: it would swallow the rest of the page", 0],
    ['<div title="x', "The tag <div> is not closed: it would swallow the rest of the page", 0],
    ["<p><b>x", "<b> is not closed: it would swallow the rest of the page", 3],
    ["<svg><path>", "<path> is not closed: it would swallow the rest of the page", 5],
  ])("reports what swallows the rest: %s", (html, message, offset) => {
    expect(fragmentProblems(html, "div").map((p) => [p.rule, p.message, p.offset])).toEqual([
      ["unclosed-html", message, offset],
    ]);
  });

  it("names a <template>, <style> or <plaintext> left open", () => {
    expect(messages("<template>")).toContain(
      "<template> is not closed: it would swallow the rest of the page",
    );
    expect(messages("<style>")).toContain(
      "<style> is not closed: it would swallow the rest of the page",
    );
    expect(messages("<plaintext>")).toContain(
      "<plaintext> is not closed: it would swallow the rest of the page",
    );
  });

  it("parses in the context element; an end tag the page implies is not missing", () => {
    // A cell outside a table is dropped by every parser: reported, as every drop is.
    expect(messages("<td>a</td>", "span")).toEqual([
      "The tag <td> is not allowed here: the parser drops it, but a browser may keep it",
    ]);
    expect(messages("<li>a", "li")).toEqual([]);
    expect(messages("<ul><li><p>a")).toEqual([
      "<ul> is not closed: it would swallow the rest of the page",
    ]);
  });
});

describe("HTML that must pass", () => {
  it.each([
    '<figure><img src="images/x.png" alt=""><figcaption>A <em>caption</em></figcaption></figure>',
    "<details><summary>Why?</summary><p>Because.</p></details>",
    '<table><thead><tr><th scope="col" colspan="2">h</th></tr></thead><tbody><tr><td rowspan="2">a</td><td>b</td></tr></tbody></table>',
    '<video controls src="clip.mp4"><track kind="captions" src="clip.vtt" srclang="en"></video>',
    '<svg viewBox="0 0 10 10" role="img"><title>T</title><defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs><path d="M0 0L10 10" fill="url(#g)" stroke="#000"/><use href="#g"/></svg>',
    '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video" allowfullscreen></iframe>',
    '<a href="https://example.org/a?b=c#d">x</a> <a href="mailto:a@b.c">m</a> <a href="../x/">r</a>',
    '<label for="sn-1" class="margin-toggle"></label><input type="checkbox" id="sn-1" class="margin-toggle"><span class="sidenote">n</span>',
    '<div class="note" data-x="javascript:alert(1) is only text here" title="on click" aria-label="x">x</div>',
    '<pre class="language-js"><code class="language-js"><span class="token keyword">const</span></code></pre>',
    "<p>a<br>b<sub>1</sub><sup>2</sup><kbd>K</kbd><abbr title='t'>A</abbr></p>",
  ])("passes: %s", (html) => {
    expect(fragmentProblems(html, "div", EMBEDS)).toEqual([]);
  });

  it.each([
    String.raw`\sqrt{x^2+1}`,
    String.raw`\overset{a}{b} \stackrel{!}{=}`,
    String.raw`\begin{pmatrix}a&b\\c&d\end{pmatrix}`,
    String.raw`\xrightarrow{f} \widehat{abc} \cancel{x} \boxed{y}`,
    String.raw`\color{red}{x} \mathbb{R} \operatorname{sin}`,
  ])("passes KaTeX's output: %s", (tex) => {
    for (const displayMode of [false, true]) {
      const html = katex.renderToString(tex, { displayMode, output: "htmlAndMathml" });
      expect(fragmentProblems(html, "div")).toEqual([]);
    }
  });
});

describe("CSS URLs, every one, as the browser tokenizes them", () => {
  it("reads past the first url() of an inline SVG's style", () => {
    expect(
      messages(
        '<svg><rect style="fill:url(#a);background:url(https://evil.example/x.png)"/></svg>',
      ),
    ).toEqual([
      `url("https://evil.example/x.png") in "style" of <rect> refers outside the SVG: only references to its own elements (#id) are allowed`,
    ]);
  });

  it("checks an HTML element's style, escapes undone", () => {
    expect(
      messages('<span style="background:\\75 rl(https://evil.example/x.png)">x</span>'),
    ).toEqual([
      `url("https://evil.example/x.png") in "style" of <span> would be blocked by the site's Content-Security-Policy: only files of the course can be loaded`,
    ]);
    expect(messages('<span style="background:url(/topics/a/x.png);color:red">x</span>')).toEqual(
      [],
    );
  });
});

describe("a context path: where the HTML really lands", () => {
  const IN_LINK = ["div", "p", "a"];
  it("sees a nested <a> close the link it is placed in, and a block close the paragraph", () => {
    const closes = (holder: string) =>
      `This closes the <${holder}> the HTML is placed in: what follows it would be outside`;
    expect(brief(fragmentProblems('Elhage <a href="/x">2022</a>', IN_LINK))).toEqual([
      `7 <a unclosed-html ${closes("a")}`,
    ]);
    expect(brief(fragmentProblems("x <div>y</div>", IN_LINK))).toEqual([
      `2 <div unclosed-html ${closes("p")}`,
    ]);
    expect(brief(fragmentProblems("x</a> y", IN_LINK))).toEqual([
      `1 </a> unclosed-html ${closes("a")}`,
    ]);
    expect(fragmentProblems("Elhage <i>et al.</i>, 2022, p. 4", IN_LINK)).toEqual([]);
    // In a <span> alone, as the citation's text used to be checked, none of it shows.
    expect(fragmentProblems('Elhage <a href="/x">2022</a>', "span")).toEqual([]);
  });
});

describe("what parse5 drops but a browser may keep (red-team F1)", () => {
  const SELECT =
    "unsafe-html Element <select> is not allowed: browsers disagree about what it may hold, so it cannot be checked";
  const dropped = (name: string) =>
    `unsafe-html The tag <${name}> is not allowed here: the parser drops it, but a browser may keep it`;

  it.each([
    [
      '<select><meta http-equiv="refresh" content="0;url=https://evil.example/"></select>',
      [`0 <select ${SELECT}`, `8 <meta ${dropped("meta")}`],
    ],
    [
      '<select><form action="https://evil.example/c"></select><input name="x">',
      [`0 <select ${SELECT}`, `8 <form ${dropped("form")}`],
    ],
    [
      "<select><button><img src=x onerror=alert(1)></button></select>",
      [`0 <select ${SELECT}`, `8 <button ${dropped("button")}`, `16 <img ${dropped("img")}`],
    ],
    [
      "Before <select><plaintext></select> after",
      [`7 <select ${SELECT}`, `15 <plaintext ${dropped("plaintext")}`],
    ],
  ])("refuses %s", (html, expected) => {
    expect(brief(fragmentProblems(html, "div"))).toEqual(expected);
  });

  it("refuses <datalist> and <selectedcontent> as <select>", () => {
    expect(messages("<datalist><option>x</option></datalist>")).toEqual([
      "Element <datalist> is not allowed: browsers disagree about what it may hold, so it cannot be checked",
    ]);
    expect(messages("<selectedcontent></selectedcontent>")).toEqual([
      "Element <selectedcontent> is not allowed: browsers disagree about what it may hold, so it cannot be checked",
    ]);
  });

  it("reports any other start tag the tree builder drops, at the tag", () => {
    expect(brief(fragmentProblems("<form><form action=x>", "div"))).toEqual([
      "0 <form unclosed-html <form> is not closed: it would swallow the rest of the page",
      `6 <form ${dropped("form")}`,
    ]);
    expect(brief(fragmentProblems("a <tr> b", "div"))).toEqual([`2 <tr ${dropped("tr")}`]);
  });

  it("refuses a <body> or <html> with attributes, which a browser gives to the page's own", () => {
    expect(messages('<body onload="alert(1)">x')).toEqual([
      "A <body> tag with attributes is not allowed here: a browser would give them to the page's own <body>",
    ]);
    expect(messages('<html lang="fr">x')).toEqual([
      "A <html> tag with attributes is not allowed here: a browser would give them to the page's own <html>",
    ]);
  });

  it("lets a bare <html>, <head> or <body>, which change nothing, pass", () => {
    expect(messages("<html><head></head><body><p>x</p></body></html>")).toEqual([]);
  });

  it("keeps what browsers and parse5 agree on: formatting elements reopened, <image>, tables", () => {
    expect(
      messages("<b><p>x</b>y</p><image src=a.png><table><td>c</table><svg><circle/></svg>"),
    ).toEqual([]);
  });
});

describe("a fragment checked where the page places it (red-team F2)", () => {
  const BODY = ["body", "main", "article", "div.article-body"];

  it("reports an end tag that closes the article, naming what it closes", () => {
    expect(brief(fragmentProblems("Text </div></article></div></main><h1>OUT</h1>", BODY))).toEqual(
      [
        "34 <h1 unclosed-html This closes the <main> the HTML is placed in: what follows it would be outside",
      ],
    );
    expect(brief(fragmentProblems("Text </div>after", BODY))).toEqual([
      '5 </di unclosed-html This closes the <div class="article-body"> the HTML is placed in: what follows it would be outside',
    ]);
    expect(messages("Text </article><p>x</p>", BODY)).toEqual([
      "This closes the <article> the HTML is placed in: what follows it would be outside",
    ]);
  });

  it("reports the same from a glossary definition in its <dd>", () => {
    expect(messages("a </dd><dd>b", ["body", "dl", "div", "dd"])).toEqual([
      "This closes the <dd> the HTML is placed in: what follows it would be outside",
    ]);
  });

  it("lets HTML that stays inside pass", () => {
    expect(messages("<div><p>a</p></div><aside>n</aside></p>", BODY)).toEqual([]);
  });
});

describe("HTML nested deeper than a recursion could walk (red-team F3)", () => {
  const TOO_DEEP =
    "unsafe-html HTML nested more than 256 elements deep is not allowed: browsers build such a tree differently";

  it("reports 10,000 nested <div>s once, at the first too deep", () => {
    const html = "<div>".repeat(10_000) + "x" + "</div>".repeat(10_000);
    expect(brief(fragmentProblems(html, "div"))).toEqual([`1280 <div ${TOO_DEEP}`]);
  });

  it("reports 50,000 nested <span>s, and that they are left open", () => {
    expect(brief(fragmentProblems("<span>".repeat(50_000) + "x", "div"))).toEqual([
      `1536 <span ${TOO_DEEP}`,
      "299994 <span unclosed-html <span> is not closed: it would swallow the rest of the page",
    ]);
  });

  it("lets 256 levels pass", () => {
    expect(messages("<div>".repeat(256) + "x" + "</div>".repeat(256))).toEqual([]);
  });
});
