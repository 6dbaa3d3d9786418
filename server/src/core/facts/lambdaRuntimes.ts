/**
 * Lambda runtime lifecycle: deprecation, create-block and update-block dates, and the runtime to move to.
 * Source: cfn-lint src/cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json (aws-cloudformation/cfn-lint @ 217397c8,
 * MIT-0; used as data), cross-checked with https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html.
 * Checked 2026-11-23. Successors are the newest runtime of the same family.
 */
export interface RuntimeLifecycle {
  readonly runtime: string;
  /** ISO dates (UTC); none while AWS has announced no deprecation (a runtime new in the Lambda model). */
  readonly deprecated?: string;
  readonly createBlock?: string;
  readonly updateBlock?: string;
  readonly successor?: string;
}

export const RUNTIME_LIFECYCLE_SOURCE = 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html';
export const RUNTIME_LIFECYCLE_CHECKED = '2026-11-23';

const NODE = 'nodejs24.x';
const PYTHON = 'python3.14';
const JAVA = 'java25';
const DOTNET = 'dotnet10';
const RUBY = 'ruby4.0';
const PROVIDED = 'provided.al2023';

const row = (runtime: string, deprecated: string | undefined, createBlock: string | undefined, updateBlock: string | undefined, successor?: string): RuntimeLifecycle => ({
  runtime,
  deprecated,
  createBlock,
  updateBlock,
  successor,
});

export const RUNTIME_LIFECYCLE: readonly RuntimeLifecycle[] = [
  // In the Lambda API model's Runtime enum (AWS SDK client-lambda 3.1178.0, 2026-12-07) with no dates on the runtimes
  // page yet: Berth knows them and says nothing about their lifecycle until AWS announces one. (`custom` is in the
  // model's enum without a page of its own.)
  row('nodejs26.x', undefined, undefined, undefined),
  row('python3.15', undefined, undefined, undefined),
  row('java17.al2023', undefined, undefined, undefined),
  row('java11.al2023', undefined, undefined, undefined),
  row('java8.al2023', undefined, undefined, undefined),
  row('custom', undefined, undefined, undefined),
  // Supported, with a future deprecation date.
  row('nodejs24.x', '2028-04-30', '2028-06-01', '2028-07-01'),
  row('nodejs22.x', '2027-04-30', '2027-06-01', '2027-07-01', NODE),
  row('python3.14', '2029-06-30', '2029-07-31', '2029-08-31'),
  row('python3.13', '2029-06-30', '2029-07-31', '2029-08-31', PYTHON),
  row('python3.12', '2028-10-31', '2028-11-30', '2029-01-10', PYTHON),
  row('python3.11', '2027-06-30', '2027-07-31', '2027-08-31', PYTHON),
  row('python3.10', '2026-10-31', '2027-02-01', '2027-03-03', PYTHON),
  row('java25', '2029-06-30', '2029-07-31', '2029-08-31'),
  row('java21', '2029-06-30', '2029-07-31', '2029-08-31', JAVA),
  row('java17', '2027-06-30', '2027-07-31', '2027-08-31', JAVA),
  row('java11', '2027-06-30', '2027-07-31', '2027-08-31', JAVA),
  row('java8.al2', '2027-06-30', '2027-07-31', '2027-08-31', JAVA),
  row('dotnet10', '2028-11-14', '2028-12-14', '2029-01-15'),
  row('dotnet9', '2026-11-10', undefined, undefined, DOTNET),
  row('dotnet8', '2026-11-10', '2027-02-01', '2027-03-03', DOTNET),
  row('ruby4.0', '2029-03-31', '2029-04-30', '2029-05-31'),
  row('ruby3.4', '2028-03-31', '2028-04-30', '2028-05-31', RUBY),
  row('ruby3.3', '2027-03-31', '2027-04-30', '2027-05-31', RUBY),
  row('provided.al2023', '2029-06-30', '2029-07-31', '2029-08-31'),
  row('provided.al2', '2026-07-31', '2027-02-01', '2027-03-03', PROVIDED),
  // Deprecated; updates still possible until the update block.
  row('nodejs20.x', '2026-04-30', '2027-02-01', '2027-03-03', NODE),
  row('nodejs18.x', '2025-09-01', '2027-02-01', '2027-03-03', NODE),
  row('nodejs16.x', '2024-06-12', '2027-02-01', '2027-03-03', NODE),
  row('python3.9', '2025-12-15', '2027-02-01', '2027-03-03', PYTHON),
  row('python3.8', '2024-10-14', '2027-02-01', '2027-03-03', PYTHON),
  row('ruby3.2', '2026-03-31', '2027-02-01', '2027-03-03', RUBY),
  row('dotnet6', '2024-12-20', '2027-02-01', '2027-03-03', DOTNET),
  row('go1.x', '2024-01-08', '2024-02-08', '2027-03-03', PROVIDED),
  row('provided', '2024-01-08', '2024-02-08', '2027-03-03', PROVIDED),
  row('java8', '2024-01-08', '2024-02-08', '2027-03-03', JAVA),
  row('nodejs14.x', '2023-12-04', '2024-01-09', '2027-03-03', NODE),
  row('python3.7', '2023-12-04', '2024-01-09', '2027-03-03', PYTHON),
  row('ruby2.7', '2023-12-07', '2024-01-09', '2027-03-03', RUBY),
  // Fully blocked.
  row('dotnet7', '2024-05-14', '2024-05-14', '2024-05-14', DOTNET),
  row('dotnetcore3.1', '2023-04-03', '2023-04-03', '2023-05-03', DOTNET),
  row('dotnetcore2.1', '2022-01-05', '2022-01-05', '2022-04-13', DOTNET),
  row('dotnetcore2.0', '2019-05-30', '2019-05-30', '2019-05-30', DOTNET),
  row('dotnetcore1.0', '2019-06-27', '2019-07-30', '2019-07-30', DOTNET),
  row('nodejs12.x', '2023-03-31', '2023-03-31', '2023-04-30', NODE),
  row('nodejs10.x', '2021-07-30', '2021-07-30', '2022-02-14', NODE),
  row('nodejs8.10', '2020-03-06', '2020-03-06', '2020-03-06', NODE),
  row('nodejs6.10', '2019-08-12', '2019-08-12', '2019-08-12', NODE),
  row('nodejs4.3-edge', '2020-03-05', '2019-04-30', '2019-04-30', NODE),
  row('nodejs4.3', '2020-03-05', '2020-03-05', '2020-03-05', NODE),
  row('nodejs', '2016-10-31', '2016-10-31', '2016-10-31', NODE),
  row('python3.6', '2022-07-18', '2022-07-18', '2022-08-29', PYTHON),
  row('python2.7', '2021-07-15', '2021-07-15', '2022-05-30', PYTHON),
  row('ruby2.5', '2021-07-30', '2021-07-30', '2022-03-31', RUBY),
];

const byRuntime = new Map(RUNTIME_LIFECYCLE.map((r) => [r.runtime, r]));

export function runtimeLifecycle(runtime: string): RuntimeLifecycle | undefined {
  return byRuntime.get(runtime);
}

/** Days before deprecation when Berth starts to mention it (info). */
export const DEPRECATION_NOTICE_DAYS = 90;
