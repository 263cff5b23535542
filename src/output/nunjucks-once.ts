import { type Environment, Template } from "nunjucks";

type Render = (data: Record<string, unknown>) => Promise<string>;

/**
 * Compiles each Nunjucks template once per run instead of once per page. Eleventy 3.1
 * builds a new `Template` for every page it renders (its Nunjucks engine is not cacheable),
 * which costs half of writing an article page. The same source in the same environment
 * compiles alike, so one compiled template serves every page of a template: Eleventy's
 * cache of compiled templates, turned on by `extension`, keys it by the file and its source.
 * `.eleventy.ts` hands Eleventy's own environment to `useEnvironment`, so filters, options
 * and the template folders stay Eleventy's.
 */
export class NunjucksCompiledOnce {
  private environment: Environment | undefined;

  readonly useEnvironment = (library: unknown): void => {
    this.environment = library as Environment;
  };

  readonly extension = {
    compileOptions: { cache: true },
    compile: (source: string, inputPath: string): Render => {
      if (!this.environment) {
        throw new Error("Internal error: Eleventy created no Nunjucks environment");
      }
      const template = new Template(source, this.environment, inputPath, false);
      return (data) =>
        new Promise<string>((resolve, reject) => {
          template.render(data, (error, result) => (error ? reject(error) : resolve(result)));
        });
    },
  };
}
