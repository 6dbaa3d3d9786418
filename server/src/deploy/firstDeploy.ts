/** For the first deploy of a target: real choices for the quick picks, and saving the target once chosen. */
import { writeFileSync } from 'node:fs';
import { DescribeRepositoriesCommand } from '@aws-sdk/client-ecr';
import { ListClustersCommand, ListServicesCommand } from '@aws-sdk/client-ecs';
import { ListRolesCommand, type Role } from '@aws-sdk/client-iam';
import { ListFunctionsCommand, type FunctionConfiguration } from '@aws-sdk/client-lambda';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { trustsService } from '../core/deploy/preflight';
import type { DeployTarget } from '../core/config/targets';
import { withTarget } from '../core/deploy/target';
import { configFileOf } from '../io/berthrc';
import { readTextIfExists } from '../io/read';
import { createClients, describeAwsError, destroyClients, type AwsClients } from './aws';

export interface ResourceChoices {
  readonly account?: string;
  readonly region?: string;
  readonly clusters: string[];
  /** Service names per cluster name (only for the clusters asked for, or all when few). */
  readonly services: Record<string, string[]>;
  readonly repositories: string[];
  /** Container-image Lambda functions (asked for with `functions: true`). */
  readonly functions?: string[];
  /** IAM roles with the services their trust policies name (asked for with `roles: true`): Express Mode's roles. */
  readonly roles?: { readonly name: string; readonly arn: string; readonly trusts: string[] }[];
}

/** The service principals the role pickers care about. */
const PRINCIPALS = ['ecs-tasks.amazonaws.com', 'ecs.amazonaws.com', 'lambda.amazonaws.com'];

const LIST_PAGES = 10;

/**
 * Lists clusters, services and ECR repositories (read calls only, at most 10 pages each) for the quick picks of
 * a first deploy; with `functions`, the container-image Lambda functions; with `roles`, the IAM roles and the
 * services they trust (Express Mode's execution and infrastructure roles); `ecs: false` skips the clusters.
 * `clusters` limits which clusters' services are listed (default: all, when there are at most 5).
 */
export async function listResources(settings: { region?: string; profile?: string; endpoint?: string; clusters?: string[]; ecs?: boolean; functions?: boolean; roles?: boolean; signal?: AbortSignal; clients?: AwsClients }): Promise<ResourceChoices> {
  const clients = settings.clients ?? createClients({ ...(settings.region ? { region: settings.region } : {}), ...(settings.profile ? { profile: settings.profile } : {}), ...(settings.endpoint ? { endpoint: settings.endpoint } : {}) });
  const opts = { abortSignal: settings.signal };
  try {
    const id = await clients.sts.send(new GetCallerIdentityCommand({}), opts);
    const clusterArns: string[] = [];
    let token: string | undefined;
    // A Lambda target needs no cluster (and its deployer may have no ecs:ListClusters).
    for (let page = 0; settings.ecs !== false && page < LIST_PAGES; page++) {
      const out = await clients.ecs.send(new ListClustersCommand({ ...(token ? { nextToken: token } : {}) }), opts);
      clusterArns.push(...(out.clusterArns ?? []));
      token = out.nextToken;
      if (!token) break;
    }
    const clusters = clusterArns.map((a) => a.slice(a.lastIndexOf('/') + 1));
    const services: Record<string, string[]> = {};
    for (const cluster of settings.clusters ?? (clusters.length <= 5 ? clusters : [])) {
      const names: string[] = [];
      let next: string | undefined;
      for (let page = 0; page < LIST_PAGES; page++) {
        const out = await clients.ecs.send(new ListServicesCommand({ cluster, ...(next ? { nextToken: next } : {}) }), opts);
        names.push(...(out.serviceArns ?? []).map((a) => a.slice(a.lastIndexOf('/') + 1)));
        next = out.nextToken;
        if (!next) break;
      }
      services[cluster] = names;
    }
    const repositories: string[] = [];
    let repoToken: string | undefined;
    for (let page = 0; page < LIST_PAGES; page++) {
      const out = await clients.ecr.send(new DescribeRepositoriesCommand({ ...(repoToken ? { nextToken: repoToken } : {}) }), opts);
      repositories.push(...(out.repositories ?? []).map((r) => r.repositoryName!).filter(Boolean));
      repoToken = out.nextToken;
      if (!repoToken) break;
    }
    const functions: string[] = [];
    if (settings.functions) {
      let marker: string | undefined;
      for (let page = 0; page < LIST_PAGES; page++) {
        const out = await clients.lambda.send(new ListFunctionsCommand({ ...(marker ? { Marker: marker } : {}) }), opts);
        functions.push(...(out.Functions ?? []).filter((f: FunctionConfiguration) => f.PackageType === 'Image').map((f) => f.FunctionName!).filter(Boolean));
        marker = out.NextMarker;
        if (!marker) break;
      }
    }
    const roles: { name: string; arn: string; trusts: string[] }[] = [];
    if (settings.roles) {
      let marker: string | undefined;
      for (let page = 0; page < LIST_PAGES; page++) {
        const out = await clients.iam.send(new ListRolesCommand({ ...(marker ? { Marker: marker } : {}) }), opts);
        for (const role of (out.Roles ?? []) as Role[]) {
          if (role.RoleName && role.Arn) roles.push({ name: role.RoleName, arn: role.Arn, trusts: PRINCIPALS.filter((p) => trustsService(role.AssumeRolePolicyDocument, p)) });
        }
        marker = out.IsTruncated ? out.Marker : undefined;
        if (!marker) break;
      }
    }
    return {
      ...(id.Account ? { account: id.Account } : {}),
      region: await clients.ecs.config.region(),
      clusters,
      services,
      repositories,
      ...(settings.functions ? { functions } : {}),
      ...(settings.roles ? { roles } : {}),
    };
  } catch (error) {
    throw new Error(describeAwsError(error).message);
  } finally {
    if (!settings.clients) destroyClients(clients);
  }
}

/** Saves (adds or replaces) `deploy.targets.<name>` in the workspace's .berthrc.yaml, keeping the rest of the file. */
export function saveTarget(workspace: string, target: DeployTarget): string {
  const file = configFileOf(workspace).path;
  writeFileSync(file, withTarget(readTextIfExists(file) ?? '', target));
  return file;
}
