import { describe, expect, it } from "vitest";
import type { LeadImage } from "../../src/content/article.ts";
import {
  leadImageView,
  renditionJob,
  renditionJobs,
  renditionWidths,
  shareImage,
} from "../../src/site/renditions.ts";
import { validArticle } from "../support/articles.ts";

const photo = (overrides: Partial<LeadImage> = {}): LeadImage => ({
  file: "/content/images/tiggo.jpg",
  hash: "4f1c".padEnd(64, "0"),
  width: 2000,
  height: 1125,
  alt: "A red Chery Tiggo 4 Pro on a test track",
  ...overrides,
});

describe("lead image renditions", () => {
  it("are never wider than the picture, and include the picture's own width", () => {
    expect(renditionWidths(1000)).toEqual([480, 960, 1000]);
  });

  it("stop at the widest width offered for a large picture", () => {
    expect(renditionWidths(4000)).toEqual([480, 960, 1440]);
  });

  it("keep the picture's own width when it is narrower than every width offered", () => {
    expect(renditionWidths(320)).toEqual([320]);
  });

  it("offer AVIF, then WebP, then JPEG at each width, with heights in proportion", () => {
    const view = leadImageView(photo());
    const key = renditionJob(photo()).key;
    expect(view.sources).toEqual([
      {
        type: "image/avif",
        candidates: [480, 960, 1440].map((width) => ({
          url: `/images/${key}-${width}.avif`,
          width,
        })),
      },
      {
        type: "image/webp",
        candidates: [480, 960, 1440].map((width) => ({
          url: `/images/${key}-${width}.webp`,
          width,
        })),
      },
      {
        type: "image/jpeg",
        candidates: [480, 960, 1440].map((width) => ({
          url: `/images/${key}-${width}.jpeg`,
          width,
        })),
      },
    ]);
    expect(view.fallback).toEqual({ src: `/images/${key}-960.jpeg`, width: 960, height: 540 });
  });

  it("carry the caption and credit only when the editor wrote them", () => {
    expect(leadImageView(photo({ caption: "At Dmitrov", credit: "Chery" }))).toMatchObject({
      alt: "A red Chery Tiggo 4 Pro on a test track",
      caption: "At Dmitrov",
      credit: "Chery",
    });
    expect(Object.keys(leadImageView(photo()))).not.toContain("caption");
  });

  it("are named after the picture's bytes, so a changed picture gets new names", () => {
    const changed = renditionJob(photo({ hash: "9a2b".padEnd(64, "0") }));
    expect(changed.key).not.toBe(renditionJob(photo()).key);
    expect(changed.renditions.map((r) => r.fileName)).not.toContain(
      renditionJob(photo()).renditions[0]?.fileName,
    );
  });

  it("share the JPEG about 1200 pixels wide with link previews", () => {
    expect(shareImage(photo())).toEqual({
      url: `/images/${renditionJob(photo()).key}-1440.jpeg`,
      width: 1440,
      height: 810,
      alt: "A red Chery Tiggo 4 Pro on a test track",
    });
  });

  it("are planned once for a picture several articles share", () => {
    const chery = (slug: string) =>
      validArticle(slug, [
        "title: Chery Tiggo 4 Pro arrives",
        "date: 2022-06-01",
        "company: Chery",
      ]);
    const jobs = renditionJobs([
      { ...chery("tiggo-arrives"), image: photo() },
      { ...chery("tiggo-prices"), image: photo({ file: "/content/articles/copy.jpg" }) },
      chery("no-picture"),
    ]);
    expect(jobs.map((job) => job.source)).toEqual(["/content/images/tiggo.jpg"]);
  });
});
