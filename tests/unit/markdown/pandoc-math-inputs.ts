/**
 * The Markdown of the Pandoc math corpus (`tests/fixtures/markdown/pandoc-math/cases.json`):
 * hand-written edge cases, then generated combinations. Pandoc classifies
 * each; `math-pandoc.test.ts` checks that our markdown-it finds the same math.
 * After changing this list, regenerate the fixture with pandoc installed:
 * `UPDATE_FIXTURES=1 npx vitest run tests/unit/markdown/math-pandoc.test.ts`.
 */

const NBSP = "\u00a0";
const EM_SPACE = "\u2003";

const HAND_WRITTEN: Record<string, string[]> = {
  "prices and digits": [
    "It costs $5, and the loss is $\\mathcal{L}$.",
    "A GPU hour is $2 while training takes $T$ steps.",
    "From $1$2 to $3$.",
    "costs $5 and $10 total",
    "between $5 and $6",
    "$5.00 or $x$",
    "US$5 and $y$",
    "$20,000 and $30,000",
    "price: $5$",
    "$5$ apples",
    "$5$5",
    "a $5 b $6 c",
    "It's $5. Then $x$.",
    "$1,000$",
    "Pay $3.50 for $n$ items",
    "$30-$40 range",
    "between $1 and $2",
    "$x$1",
    "$x$ 1",
    "$x$1.5",
    "$$x$$1",
    "$x$٣",
    "$x$a",
    "5$x$",
    "a$x$b",
    "The cost is $\\$5$.",
    "$n$th and $n$-th",
    "$a$-$b$",
  ],
  punctuation: ["$x$,", "$x$.", "($x$)", "[$x$]", "“$x$”", "$x$'s", "$x$—$y$"],
  escapes: [
    "\\$x$",
    "\\\\$x$",
    "\\\\\\$x$",
    "$x\\$",
    "$x\\$y$",
    "$\\$$",
    "$\\\\$",
    "$a\\\\$b$",
    "\\$5 and $x$",
    "price \\$5 and $x$",
    "$\\{a, b\\}$",
    "$a\\ b$",
    "$\\$ x$",
    "$a\\",
    "$x$\\$",
    "\\$\\$x$$",
  ],
  spaces: [
    "$ x$",
    "$x $",
    "$ x $",
    "$x  y$",
    "$x\ty$",
    "$\tx$",
    "$x\t$",
    `$x${NBSP}y$`,
    `$${NBSP}x$`,
    `$x${NBSP}$`,
    `$${EM_SPACE}x$`,
    `$x${EM_SPACE}$`,
    "$ $",
    "a $ b $ c",
  ],
  "adjacent dollars": [
    "$$",
    "$$$",
    "$$$$",
    "$$$$$",
    "a $$ b",
    "a $$$$ b",
    "$$x$$",
    "$$x$",
    "a $$x$ b",
    "$x$$",
    "$$ x $$",
    "$$x$$$",
    "$$$x$$$",
    "$a$$b$",
    "$a$ $b$",
    "$$a$$b$$c$$",
    "x $$a$$ y",
    "x$$a$$y",
    "$$a$$ and $b$",
    "a $$\\$$$ b",
    "a $$x = \\$5$$ b",
    "a $$ $$ b",
    "a $$a\n\nb$$",
  ],
  "several on a line": [
    "$a$ and $b$",
    "$a$b$c$",
    "$a$ $b$ $c$",
    "$a $b$ c$",
    "$a$ b $c$",
    "x $$a$ b$",
    "$a $$b$$",
    "Let $f: X \\to Y$ be a map and $g$ another.",
    "where $\\alpha$ is the learning rate and $\\beta_1$, $\\beta_2$ are decay rates",
  ],
  "code spans": [
    "`$x$`",
    "`$x` $y$",
    "$x `y$` z`",
    "`a` $b$ `c`",
    "$`x`$",
    "``$x$``",
    "`$` $y$ `$`",
    "$a `b` c$",
  ],
  "line breaks": [
    "$a\nb$",
    "$a\n$b$",
    "$a \nb$",
    "$a\n\nb$",
    "$a\n  b$",
    "x $a\nb$ y",
    "$a$\n$b$",
    "line $x\nwith$ break",
    "$a\\\nb$",
    "a $a  \nb$",
  ],
  "\\text{…}": [
    "$\\text{a $ b}$",
    "$\\text{a $ b$",
    "$\\text {a $ b}$",
    "$\\textbf{$}x$",
    "$\\text{\\}$}$",
    "$\\text{a}$b$",
    "$\\text{$}$",
    "$\\text{{$}}$",
    "$\\text{a\\\\}$}$",
  ],
  containers: [
    "- $x$",
    "- $a $b$",
    "> $x$",
    "> $a\n> b$",
    "1. $x$ and $y$",
    "# Title $x$",
    "## $a$ b $c$",
    "| $a$ | $b$ |\n|---|---|\n| $c$ | $d$ |",
    "*$x$*",
    "**$x$**",
    "*a $b* c$",
    "_$x$_",
    "[$x$](u)",
    "[a](u) $x$",
    "![The $x^2$ curve](a.png)",
    "![$a$ and $b$](a.png)",
    "<span>$x$</span>",
    "<b>$a</b>$",
    "<http://a.com/$x$>",
    "$x${.a}",
    "${a}$",
  ],
  "display blocks": [
    "$$\nx\n$$",
    "$$\nx^2 +\ny^2\n$$",
    "Text\n\n$$\nx\n$$\n\nafter",
    "$$\nx\n$$ text",
    "text\n$$\nx\n$$",
    "$$\na\n\nb\n$$",
    "$$x$$ {#eq}",
    "$$\nx\n$$ {#eq .c}",
    "$$ x $$ $$ y $$",
    "  $$x$$",
    "    $$x$$",
    "> $$\n> x\n> $$",
    "- $$\n  x\n  $$",
    "$$\n\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}\n$$",
    "$$x$",
    "$$ x\n\nmore",
  ],
};

/** Every combination of `$`, `a`, `1` and a space, one to four long. */
function combinations(): string[] {
  const out: string[] = [];
  const pieces = ["$", "a", "1", " "];
  const grow = (prefix: string, left: number) => {
    if (prefix) out.push(prefix);
    if (left === 0) return;
    for (const piece of pieces) grow(prefix + piece, left - 1);
  };
  grow("", 4);
  // A leading space does not change the Markdown; leading four spaces make code.
  return out.filter((text) => text.includes("$") && !text.startsWith(" "));
}

/** Seeded random strings of richer pieces (mulberry32, seed 2026): the same list on every run. */
function randomMixes(count: number): string[] {
  let seed = 2026;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pieces = [
    "$",
    "$",
    "$$",
    "x",
    "2",
    " ",
    "\\",
    "\\$",
    "{",
    "}",
    "\\text{",
    "`",
    "\n",
    "y z",
    ".",
  ];
  const out = new Set<string>();
  while (out.size < count) {
    const length = 3 + Math.floor(random() * 6);
    let text = "x ";
    for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)]!;
    if (text.includes("$")) out.add(text);
  }
  return [...out];
}

export interface MathInput {
  group: string;
  markdown: string;
}

export function pandocMathInputs(): MathInput[] {
  const inputs: MathInput[] = [];
  const seen = new Set<string>();
  const add = (group: string, markdown: string) => {
    if (seen.has(markdown)) return;
    seen.add(markdown);
    inputs.push({ group, markdown });
  };
  for (const [group, cases] of Object.entries(HAND_WRITTEN))
    for (const markdown of cases) add(group, markdown);
  for (const markdown of combinations()) add("combinations of $, a, 1 and space", markdown);
  for (const markdown of randomMixes(150)) add("random mixes", markdown);
  return inputs;
}
