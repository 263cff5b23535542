// nunjucks ships no TypeScript types; these declare the part of its API this project uses.
declare module "nunjucks" {
  export interface Environment {
    readonly __nunjucksEnvironment?: never;
  }

  export class Template {
    constructor(source: string, environment: Environment, path?: string, eagerCompile?: boolean);
    render(
      context: Record<string, unknown>,
      callback: (error: Error | null, result: string) => void,
    ): void;
  }
}
