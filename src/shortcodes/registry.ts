/**
 * The shortcodes a body may use, defined once: their arguments, where they
 * stand (inside a paragraph, or on a line of their own), and how to write
 * them. Also Nunjucks' own tag names, which a body may contain but which run
 * only with `bodyTemplates`.
 */
import { didYouMean } from "../core/suggest.js";
import type { StringArgument, Tag } from "./tag-syntax.js";

type Arity = "one" | "none" | "some";

interface ShortcodeSpec {
  arity: Arity;
  usage: string;
  /** Inline shortcodes stand in text; block ones on a line of their own, opening or closing a container. */
  placement: "inline" | "block";
}

export const SHORTCODES = {
  sidenote: { arity: "one", usage: '{% sidenote "text" %}', placement: "inline" },
  marginnote: { arity: "one", usage: '{% marginnote "text" %}', placement: "inline" },
  cite: {
    arity: "some",
    usage: '{% cite "key" %} or {% cite "key1", "key2, p. 4" %}',
    placement: "inline",
  },
  pause: { arity: "one", usage: '{% pause "Question?" %} … {% endpause %}', placement: "block" },
  endpause: { arity: "none", usage: "{% endpause %}", placement: "block" },
} as const satisfies Record<string, ShortcodeSpec>;

export type ShortcodeName = keyof typeof SHORTCODES;

export const SHORTCODE_NAMES: ReadonlySet<string> = new Set(Object.keys(SHORTCODES));

export function isShortcode(name: string): name is ShortcodeName {
  return SHORTCODE_NAMES.has(name);
}

/** `{% raw %}…{% endraw %}` and its alias: their content is printed as written, without the tags. */
export const RAW_TAGS: Readonly<Record<string, string>> = {
  raw: "endraw",
  verbatim: "endverbatim",
};
const RAW_CLOSERS = new Set(Object.values(RAW_TAGS));

export function rawTagKind(name: string): "open" | "close" | undefined {
  return name in RAW_TAGS ? "open" : RAW_CLOSERS.has(name) ? "close" : undefined;
}

/** Nunjucks' own tags: shown as written in a body, unless the course turns on `bodyTemplates`. */
export const NUNJUCKS_TAGS: ReadonlySet<string> = new Set([
  "if",
  "elif",
  "elseif",
  "else",
  "endif",
  "for",
  "endfor",
  "asyncEach",
  "endeach",
  "asyncAll",
  "endall",
  "set",
  "endset",
  "include",
  "import",
  "from",
  "macro",
  "endmacro",
  "call",
  "endcall",
  "filter",
  "endfilter",
  "block",
  "endblock",
  "extends",
]);

/** Whether a tag name may take Nunjucks expressions rather than quoted strings. */
export function takesExpressions(name: string): boolean {
  return NUNJUCKS_TAGS.has(name);
}

/** The did-you-mean hint for a tag name nobody defines. */
export function unknownTagHint(name: string): string | undefined {
  return didYouMean(name, [...SHORTCODE_NAMES, ...NUNJUCKS_TAGS, ...Object.keys(RAW_TAGS)]);
}

/** The arity problem of a shortcode tag, as a message; undefined when its arguments fit. */
export function arityProblem(tag: Tag & { name: ShortcodeName }): string | undefined {
  const { arity, usage } = SHORTCODES[tag.name];
  const count = tag.args.length;
  const ok = arity === "one" ? count === 1 : arity === "none" ? count === 0 : count >= 1;
  if (ok) return undefined;
  const expected =
    arity === "one"
      ? "one quoted string"
      : arity === "none"
        ? "no arguments"
        : "one or more quoted strings";
  return `{% ${tag.name} %} takes ${expected}, found ${count}: write ${usage}`;
}

/** The warning for an escape that dropped its backslash (`\a` → `a`) in a string argument. */
export function lostEscapeWarning(lost: StringArgument["lostEscapes"][number]): {
  message: string;
  hint: string;
} {
  const becomes =
    lost.sequence === "\\n"
      ? "a line break"
      : lost.sequence === "\\t"
        ? "a tab"
        : lost.sequence === "\\r"
          ? "a carriage return"
          : `"${lost.sequence.slice(1)}"`;
  return {
    message: `In a shortcode string, "${lost.sequence}" becomes ${becomes}`,
    hint: `write "\\${lost.sequence}" to keep the backslash (TeX in shortcode strings needs every backslash doubled)`,
  };
}

/** The option that lets bodies run Nunjucks, as the warnings name it. */
export const BODY_TEMPLATES_OPTION = '"bodyTemplates": true';
