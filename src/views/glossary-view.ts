/** The glossary page: terms alphabetically, grouped by first letter. */
import type { Course } from "../course/course.js";
import { glossaryLetter } from "../glossary/glossary.js";

export function glossaryView(course: Course) {
  const groups: { letter: string; id: string; terms: Course["glossary"] }[] = [];
  for (const term of course.glossary) {
    const { letter, id } = glossaryLetter(term.term, course.options.lang);
    let group = groups.find((g) => g.id === id);
    if (!group) {
      group = { letter, id, terms: [] };
      groups.push(group);
    }
    group.terms.push(term);
  }
  return {
    terms: course.glossary,
    groups,
    letters: groups.map(({ letter, id }) => ({ letter, id })),
  };
}
