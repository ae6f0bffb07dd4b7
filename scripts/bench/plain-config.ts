/**
 * The baseline: plain Eleventy on the same corpus, Markdown only, our
 * shortcodes as trivial pass-throughs, one minimal layout. The ratio of our
 * build to this one is the figure the benchmark tracks.
 */
interface PlainConfig {
  addShortcode(name: string, fn: (...args: string[]) => string): void;
  addPairedShortcode(name: string, fn: (content: string, ...args: string[]) => string): void;
  addTemplate(path: string, content: string, data?: object): void;
  addGlobalData(name: string, data: unknown): void;
  setQuietMode(quiet: boolean): void;
}

export function plainConfig(config: PlainConfig): void {
  config.setQuietMode(true);
  config.addShortcode("sidenote", (text) => text);
  config.addShortcode("marginnote", (text) => text);
  config.addShortcode("cite", (...keys) => keys.join(", "));
  config.addPairedShortcode("pause", (content, question) => `${question}\n\n${content}`);
  config.addGlobalData("layout", "plain.njk");
  config.addGlobalData(
    "permalink",
    () => (data: { page: { fileSlug: string; filePathStem: string } }) =>
      data.page.filePathStem.startsWith("/topics/")
        ? `/topics/${data.page.fileSlug}/`
        : `${data.page.filePathStem}/`,
  );
}

export const PLAIN_LAYOUT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head><body><main><h1>{{ title }}</h1>{{ content | safe }}</main></body></html>`;
