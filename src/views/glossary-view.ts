/** The glossary page: terms alphabetically, grouped by first letter. */
import type { Course } from "../content/course.js";

export function glossaryView(course: Course) {
  const groups: { letter: string; id: string; terms: Course["glossary"] }[] = [];
  for (const term of course.glossary) {
    const letter = term.term.charAt(0).toLocaleUpperCase(course.options.lang);
    const key = /\p{L}/u.test(letter) ? letter : "#";
    let group = groups.at(-1);
    if (group?.letter !== key) {
      group = { letter: key, id: key === "#" ? "other" : encodeURIComponent(key.toLowerCase()), terms: [] };
      groups.push(group);
    }
    group.terms.push(term);
  }
  return { terms: course.glossary, groups, letters: groups.map(({ letter, id }) => ({ letter, id })) };
}
