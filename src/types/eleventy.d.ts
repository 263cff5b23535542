// Eleventy 3 publishes no TypeScript types; these declare the part of its API this project uses.
declare module "@11ty/eleventy" {
  export interface EleventyConfig {
    addGlobalData(name: string, value: unknown): void;
    amendLibrary(engine: string, amend: (library: unknown) => void): void;
    addExtension(
      extension: string,
      options: {
        compileOptions?: { cache?: boolean };
        compile(
          source: string,
          inputPath: string,
        ): (data: Record<string, unknown>) => Promise<string>;
      },
    ): void;
    addDataExtension(
      extension: string,
      options: { parser: (file: string) => Promise<unknown>; read: false },
    ): void;
    addWatchTarget(target: string): void;
    /** `eleventy.beforeWatch` hears the changed files (paths as the watcher gives them) before a rebuild. */
    on(event: "eleventy.beforeWatch", listener: (files: string[]) => Promise<void>): void;
    /** `eleventy.after` is heard once a build or rebuild has written its files. */
    on(event: "eleventy.after", listener: () => Promise<void>): void;
    addPassthroughCopy(paths: Record<string, string>): void;
    /** Templates Eleventy leaves alone, as paths or globs from the project's folder. */
    ignores: Set<string>;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    setTemplateFormats(formats: string[]): void;
    setIncludesDirectory(folder: string): void;
    setLayoutsDirectory(folder: string): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    setServerOptions(options: Record<string, unknown>): void;
  }

  export interface EleventyOptions {
    /** The configuration file to load; `""` loads none. */
    configPath?: string;
    quietMode?: boolean;
    runMode?: "build" | "serve" | "watch";
    /** Where the dev server serves the site: `/news-digest/`. */
    pathPrefix?: string;
    config?: (eleventyConfig: EleventyConfig) => void | Promise<void>;
  }

  /** Where Eleventy's messages go: `log` carries its progress lines, `warn` and `error` the rest. */
  export interface EleventyLogTarget {
    log(message: string): void;
    info(message: string): void;
    warn(message: string): void;
    error(message: string): void;
  }

  export default class Eleventy {
    readonly logger: { overrideLogger(target: EleventyLogTarget | false): void };
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    /**
     * Builds, then watches: resolves once the watcher is ready, to the function its own events
     * call, which queues a changed file for the next rebuild (returned "for testability").
     */
    watch(): Promise<(file: string) => Promise<void>>;
    /** The file watcher (chokidar) that `watch()` started. */
    readonly watcher?: {
      on(event: "unlink" | "unlinkDir", listener: (file: string) => void): unknown;
    };
    serve(port?: number): Promise<void>;
    /** The dev server: `reload({})` reloads every page open in a browser. */
    readonly eleventyServe: { reload(event: Record<string, unknown>): Promise<void> };
  }
}
