/**
 * AWS SDK v3 clients for a deploy (ECS, ECR, STS, Lambda, ELBv2 for the preflight's target groups, IAM for its
 * roles). Credentials come from the Node provider chain (environment, shared
 * config and credentials files, profiles, SSO, container and instance metadata), as with the AWS CLI.
 * Endpoints follow the standard AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> variables (the SDK reads
 * them itself) unless `endpoint` overrides them all.
 */
import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

export interface AwsClients {
  readonly ecs: ECSClient;
  readonly ecr: ECRClient;
  readonly sts: STSClient;
  readonly lambda: LambdaClient;
  readonly elbv2: ElasticLoadBalancingV2Client;
  readonly iam: IAMClient;
}

export interface ClientSettings {
  readonly region?: string;
  readonly profile?: string;
  readonly endpoint?: string;
  /** SDK retry attempts (default 3). */
  readonly maxAttempts?: number;
}

export function createClients(settings: ClientSettings): AwsClients {
  // The SDK warns on Node < 22 at every start; the versions are pinned in the lockfile, and the editor's Node is newer.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const credentials = fromNodeProviderChain(settings.profile !== undefined ? { profile: settings.profile } : {});
  const config = {
    credentials,
    ...(settings.region !== undefined ? { region: settings.region } : {}),
    ...(settings.profile !== undefined ? { profile: settings.profile } : {}),
    ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}),
    ...(settings.maxAttempts !== undefined ? { maxAttempts: settings.maxAttempts } : {}),
  };
  return {
    ecs: new ECSClient(config),
    ecr: new ECRClient(config),
    sts: new STSClient(config),
    lambda: new LambdaClient(config),
    elbv2: new ElasticLoadBalancingV2Client(config),
    iam: new IAMClient(config),
  };
}

export function destroyClients(clients: AwsClients): void {
  for (const client of Object.values(clients) as { destroy(): void }[]) client.destroy();
}

/** An HTTP 5xx the SDK's retries did not get past. */
export function isServerError(error: unknown): boolean {
  return ((error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode ?? 0) >= 500;
}

/** Access denied, in the spellings AWS's protocols use. */
export function isAccessDenied(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  return name === 'AccessDeniedException' || name === 'AccessDenied' || /not authorized/i.test((error as Error)?.message ?? '');
}

/** Errors that say the endpoint does not know an operation (an older endpoint, LocalStack, moto). */
export function isUnsupportedOperation(error: unknown): boolean {
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'UnknownOperationException' || e?.name === 'InvalidAction' || /not (been )?implemented|unknown operation/i.test(e?.message ?? '') || e?.$metadata?.httpStatusCode === 501;
}

/** A short explanation of an SDK error, with a hint for the usual causes. Never includes credentials. */
export function describeAwsError(error: unknown): { name: string; message: string } {
  const e = error as { name?: string; message?: string; Code?: string };
  const name = e?.name ?? 'Error';
  const message = (e?.message ?? String(error)).split('\n')[0]!;
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
    return { name: 'NoCredentials', message: `No AWS credentials were found (${message}). Set AWS_PROFILE or the target's profile, run "aws sso login", or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.` };
  }
  if (/ExpiredToken|RequestExpired|TokenRefreshRequired/i.test(name) || /expired/i.test(message)) {
    return { name, message: `The AWS credentials have expired (${name}: ${message}). Refresh them (for SSO: "aws sso login") and deploy again.` };
  }
  if (/Region is missing/i.test(message)) {
    return { name: 'NoRegion', message: 'No AWS region: set region in the deploy target, in the profile, or AWS_REGION.' };
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied' || /not authorized/i.test(message)) {
    return { name, message: `Access denied: ${message} See the README's Deploy section for the IAM permissions a deploy needs.` };
  }
  return { name, message: `${name}: ${message}` };
}
