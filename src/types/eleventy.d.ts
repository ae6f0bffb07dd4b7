// Eleventy 3 ships JSDoc types that only check with allowJs; this is the part we use.
declare module "@11ty/eleventy" {
  interface EleventyOptions {
    configPath?: string | false;
    quietMode?: boolean;
    runMode?: "build" | "watch" | "serve";
    pathPrefix?: string;
    config?: (config: never) => unknown;
  }
  export const HtmlBasePlugin: (config: never, options?: object) => void;
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    init(): Promise<void>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
  }
}
