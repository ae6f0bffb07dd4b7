/**
 * The markup contract of an article body: sidenotes and margin notes, heading
 * ids and the table of contents, both pause-and-think forms, math, code,
 * figures and raw HTML; interface words from site.json; and an article in the
 * format existing courses use, built unchanged. Fixtures: tests/fixtures/core/
 * markup, ui-strings and format-example.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type BuiltSite, text, texts, shownBlock, removeBuild } from "./harness.js";

/** The TeX source KaTeX keeps in its MathML, for each formula inside `root`. */
function texSources(root: Element | Document): (string | null)[] {
  return [...root.querySelectorAll('.katex annotation[encoding="application/x-tex"]')].map(
    (a) => a.textContent,
  );
}

function body(site: BuiltSite, url: string): Element {
  const element = site.page(url).querySelector(".article-body");
  if (!element) throw new Error(`${url} has no .article-body`);
  return element;
}

/** The code blocks of the code and templating fixtures, exactly as written. */
const CODE_BLOCKS = [
  "{{ x }}\n{% if user %}Hello{% endif %}\n",
  'name = "world"\nprint(f"{{name}}")\n',
  "{% raw %}{{ kept }}{% endraw %}\n",
];

describe("the markup contract (core/markup)", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture("core/markup");
  });
  afterAll(() => removeBuild(site));

  it("builds without problems", () => {
    expect(site.messages).toEqual([]);
    expect(site.ok).toBe(true);
  });

  describe("sidenotes and margin notes", () => {
    it("renders exactly one .sidenote per sidenote shortcode and one .marginnote per marginnote", () => {
      const notes = body(site, "/topics/notes/");
      expect(notes.querySelectorAll(".sidenote")).toHaveLength(3);
      expect(notes.querySelectorAll(".marginnote")).toHaveLength(2);
    });

    it("numbers sidenotes and gives each a toggle; margin notes are unnumbered", () => {
      const notes = body(site, "/topics/notes/");
      expect([...notes.querySelectorAll(".sidenote")].map((n) => n.id)).toEqual([
        "sidenote-1-text",
        "sidenote-2-text",
        "sidenote-3-text",
      ]);
      expect(texts(notes.querySelectorAll(".sidenote .sidenote-number"))).toEqual(["1", "2", "3"]);
      expect([...notes.querySelectorAll(".marginnote")].map((n) => n.id)).toEqual([
        "marginnote-1-text",
        "marginnote-2-text",
      ]);
      expect(notes.querySelector(".marginnote .sidenote-number")).toBeNull();
      for (const id of ["sidenote-1", "sidenote-2", "sidenote-3", "marginnote-1", "marginnote-2"]) {
        expect(notes.querySelector(`input#${id}[type="checkbox"]`)).not.toBeNull();
        expect(notes.querySelector(`label[for="${id}"]`)).not.toBeNull();
      }
    });

    it("renders the note's Markdown, and notes inside list items", () => {
      const notes = body(site, "/topics/notes/");
      const first = notes.querySelector("#sidenote-1-text")!;
      expect(text(first.querySelector("em"))).toBe("first");
      expect(first.querySelector("a")?.getAttribute("href")).toBe("/topics/math/");
      expect(text(notes.querySelector("li #sidenote-3-text"))).toBe("3 Inside a list.");
      expect(text(notes.querySelector("#marginnote-1-text"))).toBe("An unnumbered margin note.");
      expect(text(notes.querySelector("#marginnote-2-text"))).toBe("Single-quoted margin note.");
    });

    it("renders math written with doubled backslashes in a sidenote with KaTeX and MathML", () => {
      const note = body(site, "/topics/notes/").querySelector("#sidenote-2-text")!;
      expect(note.querySelectorAll(".katex")).toHaveLength(2);
      expect(note.querySelectorAll(".katex .katex-mathml math")).toHaveLength(2);
      expect(texSources(note)).toEqual(["\\alpha + \\beta", "\\frac{1}{2}"]);
    });
  });

  describe("headings and the table of contents", () => {
    it("gives every heading a stable id, an author's {#id} winning, and a link to itself", () => {
      const headings = [...body(site, "/topics/notes/").querySelectorAll("h2, h3, h4")].map(
        (h) => ({
          tag: h.tagName.toLowerCase(),
          id: h.id,
          text: text(h),
          link: h.querySelector("a.heading-link")?.getAttribute("href"),
        }),
      );
      expect(headings).toEqual([
        {
          tag: "h2",
          id: "looking-at-patterns",
          text: "Looking at Patterns",
          link: "#looking-at-patterns",
        },
        { tag: "h3", id: "a-smaller-part", text: "A Smaller Part", link: "#a-smaller-part" },
        {
          tag: "h4",
          id: "not-in-the-contents",
          text: "Not in the Contents",
          link: "#not-in-the-contents",
        },
        { tag: "h2", id: "my-own-id", text: "Custom Heading", link: "#my-own-id" },
        { tag: "h2", id: "cafe-deja-vu", text: "Café Déjà Vu", link: "#cafe-deja-vu" },
        { tag: "h2", id: "repeated", text: "Repeated", link: "#repeated" },
        { tag: "h2", id: "repeated-1", text: "Repeated", link: "#repeated-1" },
      ]);
    });

    it("lists the h2 and h3 headings in the table of contents, linking to their ids", () => {
      const page = site.page("/topics/notes/");
      // The first table of contents on the page (side column, sidebar or inline, whichever the layout has).
      const entries = [
        ...(page.querySelector(".toc-list")?.querySelectorAll(":scope > li") ?? []),
      ].map((li) => ({
        level: li.className,
        href: li.querySelector("a")?.getAttribute("href"),
        text: text(li),
      }));
      expect(entries).toEqual([
        { level: "toc-level-2", href: "#looking-at-patterns", text: "Looking at Patterns" },
        { level: "toc-level-3", href: "#a-smaller-part", text: "A Smaller Part" },
        { level: "toc-level-2", href: "#my-own-id", text: "Custom Heading" },
        { level: "toc-level-2", href: "#cafe-deja-vu", text: "Café Déjà Vu" },
        { level: "toc-level-2", href: "#repeated", text: "Repeated" },
        { level: "toc-level-2", href: "#repeated-1", text: "Repeated" },
      ]);
      const articleBody = body(site, "/topics/notes/");
      for (const entry of entries) {
        expect(articleBody.querySelector(`[id="${entry.href!.slice(1)}"]`)?.tagName).toMatch(
          /^H[23]$/,
        );
      }
    });
  });

  describe("pause and think", () => {
    it("gives the shortcode and the raw <details> form the same structure", () => {
      const prompts = [
        ...body(site, "/topics/pauses/").querySelectorAll("details.pause-and-think"),
      ];
      expect(prompts).toHaveLength(2);
      for (const details of prompts) {
        expect(details.firstElementChild?.tagName).toBe("SUMMARY");
        expect(text(details.firstElementChild)).toBe("Pause and think: Why does this hold?");
        expect([...details.children].map((c) => c.tagName)).toEqual(["SUMMARY", "P", "UL"]);
        // The Markdown inside is rendered.
        expect(details.querySelector(":scope > p")?.innerHTML).toBe(
          "Think about <em>the residual stream</em> first.",
        );
        expect(texts(details.querySelectorAll(":scope > ul > li"))).toEqual(["a point"]);
      }
      // The shortcode's question is inline Markdown.
      expect(text(prompts[0]!.querySelector("summary strong"))).toBe("this");
    });
  });

  describe("math", () => {
    it("renders inline and display math with KaTeX, with MathML, and keeps {{ inside math", () => {
      const math = body(site, "/topics/math/");
      const first = math.querySelector("p")!;
      expect(first.querySelectorAll(".katex")).toHaveLength(2);
      expect(first.querySelectorAll(".katex .katex-mathml math")).toHaveLength(2);
      expect(texSources(first)).toEqual(["x^2 + y^2", "x^{{2}}"]);
      const display = math.querySelector(".math-display .katex-display .katex")!;
      expect(display.querySelector('math[display="block"]')).not.toBeNull();
      expect(texSources(math.querySelector(".math-display")!)).toEqual([
        "\\frac{{a}}{{b}} = \\sum_{i=1}^{n} i",
      ]);
    });

    it("leaves a lone dollar sign as text", () => {
      const last = [...body(site, "/topics/math/").querySelectorAll("p")].at(-1)!;
      expect(text(last)).toBe("A price of $5 is not math.");
      expect(last.querySelector(".katex")).toBeNull();
    });
  });

  describe("code", () => {
    it("shows {{ }}, {% if %}, f-strings and {% raw %} in code exactly as written", () => {
      const code = body(site, "/topics/code/");
      expect([...code.querySelectorAll("pre > code")].map((c) => c.textContent)).toEqual(
        CODE_BLOCKS,
      );
      expect(code.querySelector("pre.language-python > code.language-python")).not.toBeNull();
      expect(texts(code.querySelectorAll("p code"))).toEqual(["{{ y }}", "{% if %}", "{% raw %}"]);
    });
  });

  describe("figures and raw HTML", () => {
    it("turns an image with a title into a figure with the title as its caption", () => {
      const figures = body(site, "/topics/figures/").querySelectorAll("figure");
      expect(figures).toHaveLength(1);
      const image = figures[0]!.querySelector(":scope > img")!;
      expect(image.getAttribute("src")).toBe("images/diagram.svg");
      expect(image.getAttribute("alt")).toBe("Diagram");
      expect(image.hasAttribute("title")).toBe(false);
      const caption = figures[0]!.querySelector(":scope > figcaption")!;
      expect(text(caption)).toBe("Figure 2: A captioned diagram");
      expect(text(caption.querySelector("em"))).toBe("captioned");
      expect(site.exists("/topics/figures/images/diagram.svg")).toBe(true);
    });

    it("leaves an image without a title as an image", () => {
      const image = body(site, "/topics/figures/").querySelector('img[alt="No title"]')!;
      expect(image.parentElement?.tagName).toBe("P");
    });

    it("keeps raw HTML, with Markdown rendered inside a block", () => {
      const figures = body(site, "/topics/figures/");
      const note = figures.querySelector("div.note")!;
      expect(text(note.querySelector(":scope > p > strong"))).toBe("Note:");
      expect(text(note.querySelector(":scope > p > em"))).toBe("Markdown");
      const span = figures.querySelector('p > span.tag[data-kind="x"]');
      expect(text(span)).toBe("inline HTML");
    });

    it("shows a title and description with angle brackets as text, not markup", () => {
      const page = site.page("/topics/escaping/");
      const title = page.querySelector(".article-header h1")!;
      expect(title.textContent).toBe("Q&A: <Attention> Heads");
      expect(title.children).toHaveLength(0);
      expect(text(page.querySelector(".article-description"))).toBe(
        "Angle brackets in a title & a description are text, not markup.",
      );
      const card = [...site.page("/").querySelectorAll(".card-title a")].find(
        (a) => a.getAttribute("href") === "/topics/escaping/",
      );
      expect(card?.textContent).toBe("Q&A: <Attention> Heads");
      expect(card?.children).toHaveLength(0);
    });
  });
});

describe("interface words from site.json's ui (core/ui-strings)", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture("core/ui-strings");
  });
  afterAll(() => removeBuild(site));

  it("builds without problems", () => {
    expect(site.messages).toEqual([]);
    expect(site.ok).toBe(true);
  });

  it('uses "pauseAndThink" in the shortcode\'s summary', () => {
    const prompts = [...body(site, "/topics/second/").querySelectorAll("details.pause-and-think")];
    expect(texts(prompts.map((d) => d.querySelector(":scope > summary")!))).toEqual([
      "Réfléchissez: Pourquoi ceci ?",
      "Réfléchissez: Et cela ?",
    ]);
    expect(prompts[0]!.querySelector(":scope > p")?.innerHTML).toBe(
      "Une réponse en <strong>Markdown</strong>.",
    );
  });

  it('uses "beforeYouRead" and "noPrerequisites" for the prerequisites', () => {
    expect(text(site.page("/topics/second/").querySelector("#prerequisites-title"))).toBe(
      "Avant de lire",
    );
    expect(text(site.page("/topics/second/").querySelector(".prerequisite-list a"))).toBe(
      "Premier article",
    );
    const first = site.page("/topics/premier/");
    expect(text(first.querySelector("#prerequisites-title"))).toBe("Avant de lire");
    expect(text(first.querySelector(".prerequisites p"))).toBe(
      "Aucun prérequis : vous pouvez commencer ici.",
    );
  });

  it("uses the other overridden words, and the course's language", () => {
    const page = site.page("/topics/second/");
    expect(page.documentElement.getAttribute("lang")).toBe("fr");
    expect(text(page.querySelector(".article-meta .difficulty"))).toBe("Intermédiaire");
    expect(text(page.querySelector(".article-meta .reading-time"))).toBe("1 min de lecture");
    expect(shownBlock(page)).toBe("Les bases");
    expect(text(page.querySelector(".pager-previous .pager-label"))).toBe("Précédent");
    const start = [...site.page("/").querySelectorAll(".hero a")].find((a) =>
      text(a)?.startsWith("Commencer ici:"),
    );
    expect(start?.getAttribute("href")).toBe("/topics/premier/");
    // Words not overridden keep their default.
    expect(text(page.querySelector(".skip-link"))).toBe("Skip to content");
  });
});

describe("an article in the format existing courses use (core/format-example)", () => {
  const url = "/topics/reading-attention-heads/";
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture("core/format-example");
  });
  afterAll(() => removeBuild(site));

  it("builds unchanged, without problems", () => {
    expect(site.messages).toEqual([]);
    expect(site.ok).toBe(true);
  });

  it("shows its frontmatter: title, description, difficulty and block", () => {
    const header = site.page(url).querySelector(".article-header")!;
    expect(text(header.querySelector("h1"))).toBe("Reading Attention Heads");
    expect(text(header.querySelector(".article-description"))).toBe(
      "How to read what an attention head attends to, and why a pattern alone does not explain a behaviour.",
    );
    expect(text(header.querySelector(".difficulty"))).toBe("Intermediate");
    expect(shownBlock(site.page(url))).toBe("Basic Interpretability Techniques");
  });

  it("lists its {title, url} prerequisites", () => {
    const links = [...site.page(url).querySelectorAll(".prerequisite-list li > a")].map((a) => [
      a.getAttribute("href"),
      text(a),
    ]);
    expect(links).toEqual([
      ["/topics/attention-mechanism/", "The Attention Mechanism"],
      ["/topics/qk-ov-circuits/", "QK and OV Circuits"],
    ]);
  });

  it("renders the sidenote with its Markdown and its TeX", () => {
    const notes = body(site, url).querySelectorAll(".sidenote");
    expect(notes).toHaveLength(1);
    expect(texts(notes[0]!.querySelectorAll("em"))).toEqual(["where", "what"]);
    expect(notes[0]!.querySelector("a")?.getAttribute("href")).toBe("/topics/qk-ov-circuits/");
    expect(notes[0]!.querySelector(".katex .katex-mathml math")).not.toBeNull();
    expect(texSources(notes[0]!)).toEqual(["\\text{softmax}(QK^T / \\sqrt{d_k})"]);
  });

  it("renders inline and display math", () => {
    const articleBody = body(site, url);
    expect(texSources(articleBody)).toEqual([
      "A_{ij}",
      "i",
      "j",
      "\\text{softmax}(QK^T / \\sqrt{d_k})",
      "A = \\text{softmax}\\left(\\frac{QK^T}{\\sqrt{d_k}}\\right)",
    ]);
    expect(articleBody.querySelector(".math-display .katex-display")).not.toBeNull();
  });

  it("keeps the raw pause-and-think <details> with its Markdown rendered", () => {
    const details = body(site, url).querySelectorAll("details.pause-and-think");
    expect(details).toHaveLength(1);
    expect(text(details[0]!.querySelector(":scope > summary"))).toBe(
      "Pause and think: Is a pattern an explanation?",
    );
    expect(text(details[0]!.querySelector(":scope > p"))).toMatch(
      /^Suppose a head always attends from a name to an earlier name\./,
    );
  });

  it("links the citation to the article's reference list and the course bibliography", () => {
    const page = site.page(url);
    const citation = page.querySelector('.article-body .citation[data-cites="olsson2022context"]')!;
    expect(citation.querySelector("a.cite-link")?.getAttribute("href")).toBe(
      "#ref-olsson2022context",
    );
    const entry = text(
      page.querySelector("section.references li#ref-olsson2022context .reference-entry"),
    );
    expect(entry).toContain("Olsson C");
    expect(entry).toContain("In-context Learning and Induction Heads");
    expect(entry).toContain("2022");
    const bibliography = site.page("/references/").querySelector("li#olsson2022context")!;
    expect(bibliography.querySelector(".cited-in a")?.getAttribute("href")).toBe(url);
  });

  it("builds the articles its prerequisites and links name", () => {
    for (const slug of ["attention-mechanism", "qk-ov-circuits", "activation-patching"]) {
      expect(site.exists(`/topics/${slug}/index.html`)).toBe(true);
    }
  });
});

describe("Nunjucks in the text of a body, with bodyTemplates (core/templating)", () => {
  let site: BuiltSite | undefined;
  afterAll(() => removeBuild(site));

  it("shows code exactly as written in a page whose text runs Nunjucks", async () => {
    site = await buildFixture("core/templating");
    expect(site.messages).toEqual([]);
    const templating = body(site, "/topics/templating/");
    const paragraphs = [...templating.querySelectorAll(":scope > p")];
    expect(text(paragraphs[0])).toBe("This course is Markup Course. Shown by an if.");
    expect(text(paragraphs[1])).toBe("Kept: {{ literal }}.");
    expect([...templating.querySelectorAll("pre > code")].map((c) => c.textContent)).toEqual(
      CODE_BLOCKS,
    );
    expect(texts(templating.querySelectorAll("p code"))).toEqual(["{{ y }}", "{% if %}"]);
    expect(texSources(templating)).toEqual(["x^{{2}}"]);
  });
});

describe("a {#id} heading attribute in a page that uses Nunjucks (core/heading-ids-with-nunjucks)", () => {
  let site: BuiltSite | undefined;
  afterAll(() => removeBuild(site));

  // An earlier version passed `{#custom-id}` on to Nunjucks, which read it as the
  // start of a comment and failed the build ("expected end of comment").
  it("keeps the heading's id and renders the Nunjucks", async () => {
    site = await buildFixture("core/heading-ids-with-nunjucks");
    expect(site.messages).toEqual([]);
    expect(site.ok).toBe(true);
    const articleBody = body(site, "/topics/custom-ids/");
    expect(text(articleBody.querySelector("h2#custom-id"))).toBe("Custom Heading");
    expect(text(articleBody.querySelector("p"))).toBe("This course is Heading Ids.");
  });
});

describe("an indented code block holding template syntax (core/indented-code)", () => {
  let site: BuiltSite | undefined;
  afterAll(() => removeBuild(site));

  // An earlier version protected fenced code from Nunjucks but not indented code,
  // which Nunjucks rendered to nothing: the block silently disappeared.
  it("shows the code exactly as written", async () => {
    site = await buildFixture("core/indented-code");
    expect(site.messages).toEqual([]);
    expect(site.ok).toBe(true);
    const code = body(site, "/topics/indented/").querySelector("pre > code");
    expect(code?.textContent).toBe("{{ x }}\n{% if user %}Hello{% endif %}\n");
  });
});
