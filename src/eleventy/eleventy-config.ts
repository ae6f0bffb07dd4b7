/** The few Eleventy config methods we use (its own types need allowJs). */
export interface EleventyConfig {
  addTemplate(virtualPath: string, content: string, data?: object): void;
  addGlobalData(name: string, data: unknown): void;
  setDataFileSuffixes(suffixes: string[]): void;
  addWatchTarget(target: string): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  setNunjucksEnvironmentOptions(options: object): void;
  setServerOptions?(options: object): void;
  on(event: string, handler: (...args: never[]) => unknown): void;
  setInputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  setTemplateFormats(formats: string[]): void;
  setQuietMode(quiet: boolean): void;
  addPlugin(plugin: (config: never, options?: object) => void, options?: object): void;
  ignores: { add(pattern: string): void };
  directories: { output: string };
}
