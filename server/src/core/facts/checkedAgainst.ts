/**
 * The AWS models, as npm delivers them, that Berth's fact tables were last compared with. `npm run facts:check`
 * (scripts/facts-check.ts, run by `npm test`) reads these packages and fails when one of them knows a value a table
 * does not (a Lambda runtime, an ECS compatibility or launch type, a Batch platform capability, a CloudFormation
 * resource type of ECS, Lambda or Batch, a Fargate size, Lambda's timeout maximum), and when the installed version is
 * not the one named here: bumping a package means re-checking the tables (README, "Keeping up with AWS").
 * Checked 2026-12-07.
 */
export const CHECKED_AGAINST = {
  /** Lambda runtimes (facts/lambdaRuntimes.ts) and compute limits (facts/lambda.ts). */
  '@aws-sdk/client-lambda': '3.1178.0',
  /** ECS compatibilities and launch types (facts/ecs.ts). */
  '@aws-sdk/client-ecs': '3.1164.0',
  /** Batch platform capabilities (facts/batch.ts) and the Fargate sizes Batch documents (facts/fargate.ts). */
  '@aws-sdk/client-batch': '3.1138.0',
  /** CloudFormation resource types of the services Berth checks (facts/cfnTypes.ts). */
  '@aws-cdk/aws-service-spec': '0.1.216',
} as const;

export type ModelPackage = keyof typeof CHECKED_AGAINST;
