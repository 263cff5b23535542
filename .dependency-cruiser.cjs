// The pipeline's rules, checked by `npm test` (`npm run lint:deps`): data flows one way, from
// the settings and registry to the published site, and each stage imports only the stages
// before it. The order is the README's "Architecture" section.
const STAGES = [
  "settings",
  "registry",
  "content",
  "taxonomy",
  "markdown",
  "site",
  "output",
  "admin",
  "search",
  "build",
  "cli",
];

/** What every stage may use: the files at the root of `src/`, diagnostics and YAML. */
const FOUNDATION = "^src/([^/]+\\.ts|diagnostics/|yaml/|types/)";

const stageOrder = STAGES.map((stage, position) => ({
  name: `${stage}-imports-downstream`,
  comment: `The ${stage} stage may import only stages before it: ${STAGES.slice(0, position).join(", ") || "none"}.`,
  severity: "error",
  from: { path: `^src/${stage}/` },
  to: { path: `^src/(${STAGES.slice(position + 1).join("|")})/` },
}));

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "A cycle hides which stage owns a concept; type imports count.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "foundation-imports-no-stage",
      comment: "The shared files below every stage import no stage.",
      severity: "error",
      from: { path: FOUNDATION },
      to: { path: `^src/(${STAGES.join("|")})/` },
    },
    ...stageOrder,
    {
      name: "eleventy-only-in-its-adapter",
      comment:
        "Only the output stage's Eleventy adapter and `.eleventy.ts` know Eleventy: the rest is plain data.",
      severity: "error",
      from: { pathNot: "^(src/output/eleventy-site\\.ts|\\.eleventy\\.ts)$" },
      to: { path: "node_modules/@11ty/eleventy/" },
    },
    {
      name: "no-unresolvable",
      comment: "An import that resolves to nothing is a typo or a missing dependency.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/types/" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "node"] },
  },
};
