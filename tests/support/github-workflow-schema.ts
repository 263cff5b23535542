import { z } from "zod";

/**
 * The parts of GitHub Actions' workflow syntax this project uses, strictly: a misspelt key
 * (`runs_on`, `permission`) or a step with neither `uses` nor `run` fails here instead of on
 * GitHub. No maintained actionlint installs from npm or Debian, so this stands in for it.
 */
const expression = z.string().min(1);

const ACTION_REFERENCE =
  /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_./-]+)?@[A-Za-z0-9_.-]+$/;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

const PERMISSION_SCOPES = [
  "actions",
  "attestations",
  "checks",
  "contents",
  "deployments",
  "id-token",
  "issues",
  "packages",
  "pages",
  "pull-requests",
  "security-events",
  "statuses",
] as const;

export const permissionsSchema = z.union([
  z.enum(["read-all", "write-all"]),
  z.partialRecord(z.enum(PERMISSION_SCOPES), z.enum(["read", "write", "none"])),
]);

const concurrency = z.union([
  expression,
  z.strictObject({ group: expression, "cancel-in-progress": z.boolean().optional() }),
]);

export const stepSchema = z
  .strictObject({
    name: z.string().min(1).optional(),
    id: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_-]*$/)
      .optional(),
    if: expression.optional(),
    uses: z.string().regex(ACTION_REFERENCE, "uses must be owner/repo@version").optional(),
    with: z.record(z.string(), scalar).optional(),
    run: z.string().min(1).optional(),
    shell: z.string().optional(),
    env: z.record(z.string(), scalar).optional(),
    "working-directory": z.string().optional(),
    "timeout-minutes": z.number().int().positive().optional(),
    "continue-on-error": z.boolean().optional(),
  })
  .refine((step) => (step.uses === undefined) !== (step.run === undefined), {
    message: "a step has either `uses` or `run`",
  })
  .refine((step) => step.with === undefined || step.uses !== undefined, {
    message: "`with` belongs to a step that `uses` an action",
  });

const oneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const jobSchema = z.strictObject({
  name: z.string().min(1).optional(),
  "runs-on": oneOrMany,
  needs: oneOrMany.optional(),
  if: expression.optional(),
  container: z.string().min(1).optional(),
  permissions: permissionsSchema.optional(),
  environment: z
    .union([z.string(), z.strictObject({ name: z.string().min(1), url: expression.optional() })])
    .optional(),
  concurrency: concurrency.optional(),
  env: z.record(z.string(), scalar).optional(),
  outputs: z.record(z.string(), expression).optional(),
  "timeout-minutes": z.number().int().positive().optional(),
  steps: z.array(stepSchema).min(1),
});

const branchFilter = z
  .strictObject({
    branches: z.array(z.string()).optional(),
    "branches-ignore": z.array(z.string()).optional(),
    paths: z.array(z.string()).optional(),
    "paths-ignore": z.array(z.string()).optional(),
    types: z.array(z.string()).optional(),
  })
  .nullable();

export const workflowSchema = z.strictObject({
  name: z.string().min(1),
  on: z
    .strictObject({
      pull_request: branchFilter.optional(),
      push: branchFilter.optional(),
      workflow_dispatch: z.null().optional(),
    })
    .refine((events) => Object.keys(events).length > 0, { message: "no event starts it" }),
  permissions: permissionsSchema.optional(),
  concurrency: concurrency.optional(),
  env: z.record(z.string(), scalar).optional(),
  jobs: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*$/), jobSchema),
});

export type Workflow = z.output<typeof workflowSchema>;
export type Job = z.output<typeof jobSchema>;
export type Step = z.output<typeof stepSchema>;
