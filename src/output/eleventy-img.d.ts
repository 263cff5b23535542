// @11ty/eleventy-img 6 publishes no TypeScript types; these declare the part this project uses.
declare module "@11ty/eleventy-img" {
  export interface ImageOptions {
    widths: number[];
    formats: string[];
    outputDir: string;
    urlPath: string;
    filenameFormat: (id: string, src: string, width: number, format: string) => string;
    formatFiltering: string[];
    useCache: boolean;
    sharpAvifOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpJpegOptions?: Record<string, unknown>;
  }

  export interface ImageStat {
    format: string;
    width: number;
    height: number;
    url: string;
    filename: string;
    outputPath: string;
  }

  export default function Image(
    src: string,
    options: ImageOptions,
  ): Promise<Record<string, ImageStat[]>>;
}
