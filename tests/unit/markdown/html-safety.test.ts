/** Raw HTML that must never reach a page: each line of this list is one way browsers run script. */
import { describe, expect, it } from "vitest";
import { inspectHtml } from "../../../src/markdown/html-safety.js";

const HOSTILE = [
  '<img src="x" onerror="alert(1)">',
  '<img src="x"/onerror="alert(1)">',
  "<IMG SRC=x ONERROR=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="jav&#x61;script:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="java\tscript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  "<script>alert(1)</script>",
  '<script/src="https://example.org/x.js"></script>',
  '<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>',
  '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<img srcset="javascript:alert(1) 1x">',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<div onmouseover="alert(1)">x</div>',
  '<svg onload="alert(1)"></svg>',
  "<body onload=alert(1)>",
];

const HARMLESS = [
  '<a href="https://example.org/a?b=c#d">x</a>',
  '<a href="/topics/x/#intro">x</a>',
  '<a href="mailto:someone@example.org">x</a>',
  '<img src="/topics/x/a.png" alt="A">',
  '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
  '<div class="note" data-x="javascript:alert(1) is only text here" title="on click">x</div>',
  "<details><summary>Q</summary>Answer</details>",
];

describe("raw HTML", () => {
  it.each(HOSTILE)("is refused: %s", (html) => {
    expect(inspectHtml(html).problems.length).toBeGreaterThan(0);
  });

  it.each(HARMLESS)("is allowed: %s", (html) => {
    expect(inspectHtml(html).problems).toEqual([]);
  });

  it("names the attribute at fault", () => {
    expect(inspectHtml('<p>a</p><img src="x"/onerror="alert(1)">').problems).toEqual([
      { offset: 8, needle: "onerror", message: 'Inline event handler "onerror" is not allowed' },
    ]);
  });

  it("finds the links and images it holds, entities decoded", () => {
    expect(inspectHtml('<a href="/a/?x=1&amp;y=2">a</a> <img src="b.png">').urls).toEqual([
      { url: "/a/?x=1&y=2", kind: "link", offset: 0 },
      { url: "b.png", kind: "image", offset: 32 },
    ]);
  });
});
