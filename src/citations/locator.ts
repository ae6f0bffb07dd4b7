/**
 * One cited work as written in `{% cite %}`: `"key"` or `"key, <locator>"`,
 * where the locator is a page, section, chapter, figure… in the form readers
 * know from Pandoc: `"elhage2022toy, sec. 3"`, `"olah2020zoom, fig. 2"`,
 * `"belinkov2022probing, pp. 210-212"`. A bare number is a page.
 */

export interface CiteItem {
  key: string;
  /** As written, for display in numeric styles (`sec. 3`). */
  locatorText: string | undefined;
  /** CSL locator label and value, for styles that print locators themselves. */
  label: string | undefined;
  locator: string | undefined;
}

const LABELS: [RegExp, string][] = [
  [/^(p|pp|pg|page|pages)\.?$/i, "page"],
  [/^(sec|sect|secs|section|sections|§|§§)\.?$/i, "section"],
  [/^(ch|chap|chaps|chapter|chapters)\.?$/i, "chapter"],
  [/^(fig|figs|figure|figures)\.?$/i, "figure"],
  [/^(eq|eqs|eqn|eqns|equation|equations)\.?$/i, "equation"],
  [/^(tab|tbl|table|tables)\.?$/i, "table"],
  [/^(para|paras|paragraph|paragraphs|¶|¶¶)\.?$/i, "paragraph"],
  [/^(l|ll|line|lines)\.?$/i, "line"],
  [/^(n|nn|note|notes)\.?$/i, "note"],
  [/^(vol|vols|volume|volumes)\.?$/i, "volume"],
  [/^(pt|pts|part|parts)\.?$/i, "part"],
  [/^(app|appx|appendix|appendices)\.?$/i, "appendix"],
];

export const LOCATOR_LABELS_TEXT =
  "p., pp., sec., §, ch., fig., eq., tab., para., l., n., vol., pt., app.";

export type ParsedCite = { item: CiteItem } | { error: string };

/** A label written alone (`p.`, `pp`, `§`): a locator without its value. */
function labelOnly(text: string): boolean {
  return LABELS.some(([pattern]) => pattern.test(text.trim()));
}

export function parseCiteArgument(argument: string): ParsedCite {
  const comma = argument.indexOf(",");
  const key = (comma < 0 ? argument : argument.slice(0, comma)).trim();
  if (key === "") return { error: "Empty citation key" };
  if (/\s/.test(key))
    return { error: `Citation key "${key}" contains spaces; separate keys as {% cite "a", "b" %}` };
  if (comma < 0)
    return { item: { key, locatorText: undefined, label: undefined, locator: undefined } };
  const locatorText = argument.slice(comma + 1).trim();
  if (locatorText === "") return { error: `Empty locator after "${key},"` };
  if (labelOnly(locatorText)) return { error: `Locator "${locatorText}" has a label but no value` };
  const match = /^(\p{L}+\.?|§+|¶+)\s*(\S.*)$/u.exec(locatorText);
  const labelWord = match?.[1] ?? "";
  const found = LABELS.find(([pattern]) => pattern.test(labelWord));
  if (found && match) {
    const value = match[2]!.trim();
    if (!/[\p{L}\p{N}]/u.test(value))
      return { error: `Locator "${locatorText}" has a label but no value` };
    return { item: { key, locatorText, label: found[1], locator: value } };
  }
  if (/^[\divxlcdm]+([-–,]\s*[\divxlcdm]+)*$/i.test(locatorText)) {
    return { item: { key, locatorText: `p. ${locatorText}`, label: "page", locator: locatorText } };
  }
  return {
    error: `Unrecognised locator "${locatorText}": start it with a label such as ${LOCATOR_LABELS_TEXT}`,
  };
}

/** The keys that `{% cite %}` arguments name, in order of first use (malformed arguments name none). */
export function citedKeysOf(citeArguments: Iterable<string>): Set<string> {
  const keys = new Set<string>();
  for (const argument of citeArguments) {
    const parsed = parseCiteArgument(argument);
    if ("item" in parsed) keys.add(parsed.item.key);
  }
  return keys;
}
