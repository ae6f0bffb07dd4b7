/**
 * BibTeX entries for the citation unit tests: two same-author, same-year
 * entries (for "2022a/2022b"), an arXiv preprint, a book, and a DOI carrying a
 * quote that must stay escaped. Each test file picks the entries it needs, since
 * the keys on offer change did-you-mean hints.
 */
const ENTRIES = {
  olah2020zoom: `@article{olah2020zoom,
  title   = {Zoom In: An Introduction to Circuits},
  author  = {Olah, Chris and Cammarata, Nick},
  journal = {Distill},
  year    = {2020},
  doi     = {10.23915/distill.00024.001}
}`,
  elhage2022toy: `@article{elhage2022toy,
  title   = {Toy Models of Superposition},
  author  = {Elhage, Nelson and Hume, Tristan and Olsson, Catherine},
  journal = {Transformer Circuits Thread},
  year    = {2022}
}`,
  elhage2022solu: `@article{elhage2022solu,
  title   = {Softmax Linear Units},
  author  = {Elhage, Nelson and Hume, Tristan and Olsson, Catherine},
  journal = {Transformer Circuits Thread},
  year    = {2022}
}`,
  vaswani2017attention: `@inproceedings{vaswani2017attention,
  title         = {Attention Is All You Need},
  author        = {Vaswani, Ashish and Shazeer, Noam},
  booktitle     = {Advances in Neural Information Processing Systems},
  year          = {2017},
  eprint        = {1706.03762},
  archivePrefix = {arXiv}
}`,
  abel1999: `@book{abel1999,
  title     = {An Early Book},
  author    = {Abel, Ann},
  publisher = {Press},
  year      = {1999}
}`,
  quoted2022: `@misc{quoted2022,
  title  = {A DOI With a Quote},
  author = {Quote, Quinn},
  year   = {2022},
  doi    = {10.1000/x"onmouseover="alert(1)}
}`,
};

/** A references.bib holding the named entries, in the order given. */
export function sampleBib(...keys: (keyof typeof ENTRIES)[]): string {
  return `\n${keys.map((key) => ENTRIES[key]).join("\n")}\n`;
}
