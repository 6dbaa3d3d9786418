// Realistic CloudFormation/SAM content: Lambda, ECS (task definitions with several containers,
// services, target groups), S3/CloudFront and IAM, with intrinsic functions. Deterministic.
import { Fn, equals, fnIf, getAtt, join, jsonLines, ref, select, sub, toJsonValue, yamlEntry } from './emit.mjs';

export function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}
const pick = (r, list) => list[Math.floor(r() * list.length)];

const assumeRole = (service) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: [service] }, Action: ['sts:AssumeRole'] }],
});

const logGroup = (name, days = 30) => ({
  Type: 'AWS::Logs::LogGroup',
  Properties: { LogGroupName: sub(name), RetentionInDays: days },
});

export function header() {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Description: 'Generated benchmark stack with APIs on Lambda, services on ECS Fargate behind an ALB, static sites on S3 and CloudFront.',
    Parameters: {
      Env: { Type: 'String', AllowedValues: ['dev', 'staging', 'prod'], Default: 'dev' },
      VpcId: { Type: 'AWS::EC2::VPC::Id' },
      SubnetIds: { Type: 'List<AWS::EC2::Subnet::Id>' },
      ClusterName: { Type: 'String' },
      ListenerArn: { Type: 'String' },
      LoadBalancerSecurityGroup: { Type: 'AWS::EC2::SecurityGroup::Id' },
      ArtifactBucket: { Type: 'String' },
    },
    Conditions: { IsProd: equals(ref('Env'), 'prod') },
    Globals: { Function: { Runtime: 'nodejs20.x', Timeout: 15, Tracing: 'Active', Architectures: ['arm64'] } },
  };
}

function lambdaBlock(i, r) {
  const n = String(i).padStart(4, '0');
  const runtime = pick(r, ['nodejs20.x', 'python3.12', 'java21', 'nodejs22.x']);
  return {
    resources: {
      [`WorkerRole${n}`]: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: assumeRole('lambda.amazonaws.com'),
          ManagedPolicyArns: [sub('arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')],
          Policies: [
            {
              PolicyName: 'artifact-read',
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [sub('arn:${AWS::Partition}:s3:::${ArtifactBucket}'), sub(`arn:\${AWS::Partition}:s3:::\${ArtifactBucket}/worker-${n}/*`)] }],
              },
            },
          ],
        },
      },
      [`WorkerLogs${n}`]: logGroup(`/aws/lambda/\${AWS::StackName}-worker-${n}`, 14),
      [`Worker${n}`]: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          FunctionName: sub(`\${AWS::StackName}-worker-${n}`),
          Description: `Processes queue ${n}`,
          Runtime: runtime,
          Handler: runtime.startsWith('python') ? 'app.handler' : runtime.startsWith('java') ? 'com.example.Handler::handleRequest' : 'index.handler',
          Role: getAtt(`WorkerRole${n}.Arn`),
          Code: { S3Bucket: ref('ArtifactBucket'), S3Key: `functions/worker-${n}.zip` },
          MemorySize: 512,
          Timeout: pick(r, [30, 60, 120]),
          Architectures: ['arm64'],
          Environment: { Variables: { STAGE: ref('Env'), LOG_LEVEL: fnIf('IsProd', 'info', 'debug'), QUEUE_NAME: `queue-${n}` } },
          TracingConfig: { Mode: 'Active' },
          LoggingConfig: { LogGroup: ref(`WorkerLogs${n}`), LogFormat: 'JSON' },
          Tags: [{ Key: 'team', Value: pick(r, ['payments', 'search', 'growth']) }, { Key: 'component', Value: 'worker' }],
        },
      },
    },
    outputs: { [`Worker${n}Arn`]: { Value: getAtt(`Worker${n}.Arn`) } },
  };
}

function container(name, image, opts) {
  return { Name: name, Image: image, ...opts };
}

function ecsBlock(i, r) {
  const n = String(i).padStart(4, '0');
  const port = pick(r, [8080, 3000, 8000]);
  return {
    resources: {
      [`TaskExecRole${n}`]: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: assumeRole('ecs-tasks.amazonaws.com'),
          ManagedPolicyArns: [sub('arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy')],
        },
      },
      [`TaskRole${n}`]: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: assumeRole('ecs-tasks.amazonaws.com'),
          Policies: [
            {
              PolicyName: 'xray',
              PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' }] },
            },
          ],
        },
      },
      [`ServiceLogs${n}`]: logGroup(`/ecs/\${AWS::StackName}/svc-${n}`),
      [`TaskDef${n}`]: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          Family: sub(`\${AWS::StackName}-svc-${n}`),
          Cpu: '1024',
          Memory: '2048',
          NetworkMode: 'awsvpc',
          RequiresCompatibilities: ['FARGATE'],
          ExecutionRoleArn: getAtt(`TaskExecRole${n}.Arn`),
          TaskRoleArn: getAtt(`TaskRole${n}.Arn`),
          RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' },
          ContainerDefinitions: [
            container('app', sub(`\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/svc-${n}:1.4.${i}`), {
              Essential: true,
              Cpu: 768,
              Memory: 1536,
              PortMappings: [{ ContainerPort: port, Protocol: 'tcp' }],
              Environment: [
                { Name: 'STAGE', Value: ref('Env') },
                { Name: 'PORT', Value: String(port) },
              ],
              Secrets: [{ Name: 'DB_PASSWORD', ValueFrom: sub(`arn:\${AWS::Partition}:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:svc-${n}/db`) }],
              LogConfiguration: { LogDriver: 'awsfirelens', Options: { Name: 'cloudwatch_logs', region: ref('AWS::Region'), log_group_name: ref(`ServiceLogs${n}`), log_stream_prefix: 'app/' } },
              HealthCheck: { Command: ['CMD-SHELL', `curl -f http://localhost:${port}/health || exit 1`], Interval: 30, Timeout: 5, Retries: 3, StartPeriod: 15 },
              DependsOn: [{ ContainerName: 'log-router', Condition: 'START' }],
            }),
            container('log-router', 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4', {
              Essential: true,
              Cpu: 128,
              Memory: 256,
              FirelensConfiguration: { Type: 'fluentbit', Options: { 'enable-ecs-log-metadata': 'true' } },
              LogConfiguration: { LogDriver: 'awslogs', Options: { 'awslogs-group': ref(`ServiceLogs${n}`), 'awslogs-region': ref('AWS::Region'), 'awslogs-stream-prefix': 'firelens' } },
            }),
            container('xray', 'public.ecr.aws/xray/aws-xray-daemon:3.3.12', {
              Essential: false,
              Cpu: 64,
              Memory: 128,
              PortMappings: [{ ContainerPort: 2000, Protocol: 'udp' }],
            }),
          ],
        },
      },
      [`TargetGroup${n}`]: {
        Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
        Properties: {
          Port: port,
          Protocol: 'HTTP',
          TargetType: 'ip',
          VpcId: ref('VpcId'),
          HealthCheckPath: '/health',
          Matcher: { HttpCode: '200' },
          TargetGroupAttributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }],
        },
      },
      [`ListenerRule${n}`]: {
        Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
        Properties: {
          ListenerArn: ref('ListenerArn'),
          Priority: i + 1,
          Conditions: [{ Field: 'path-pattern', Values: [`/svc-${n}/*`] }],
          Actions: [{ Type: 'forward', TargetGroupArn: ref(`TargetGroup${n}`) }],
        },
      },
      [`ServiceSecurityGroup${n}`]: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: {
          GroupDescription: `svc-${n} tasks`,
          VpcId: ref('VpcId'),
          SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: port, ToPort: port, SourceSecurityGroupId: ref('LoadBalancerSecurityGroup') }],
        },
      },
      [`Service${n}`]: {
        Type: 'AWS::ECS::Service',
        DependsOn: [`ListenerRule${n}`],
        Properties: {
          ServiceName: `svc-${n}`,
          Cluster: ref('ClusterName'),
          TaskDefinition: ref(`TaskDef${n}`),
          LaunchType: 'FARGATE',
          DesiredCount: fnIf('IsProd', 3, 1),
          DeploymentConfiguration: { MinimumHealthyPercent: 100, MaximumPercent: 200, DeploymentCircuitBreaker: { Enable: true, Rollback: true } },
          NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'DISABLED', Subnets: ref('SubnetIds'), SecurityGroups: [ref(`ServiceSecurityGroup${n}`)] } },
          LoadBalancers: [{ ContainerName: 'app', ContainerPort: port, TargetGroupArn: ref(`TargetGroup${n}`) }],
          HealthCheckGracePeriodSeconds: 60,
        },
      },
    },
    outputs: { [`Service${n}Name`]: { Value: getAtt(`Service${n}.Name`) } },
  };
}

function webBlock(i) {
  const n = String(i).padStart(4, '0');
  return {
    resources: {
      [`SiteBucket${n}`]: {
        Type: 'AWS::S3::Bucket',
        Properties: {
          BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
          VersioningConfiguration: { Status: 'Enabled' },
          LifecycleConfiguration: { Rules: [{ Id: 'expire-noncurrent', Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 } }] },
        },
      },
      [`SiteOac${n}`]: {
        Type: 'AWS::CloudFront::OriginAccessControl',
        Properties: {
          OriginAccessControlConfig: { Name: sub(`\${AWS::StackName}-site-${n}`), OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
        },
      },
      [`SiteBucketPolicy${n}`]: {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: ref(`SiteBucket${n}`),
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'AllowCloudFront',
                Effect: 'Allow',
                Principal: { Service: 'cloudfront.amazonaws.com' },
                Action: 's3:GetObject',
                Resource: sub(`\${SiteBucket${n}.Arn}/*`),
                Condition: { StringEquals: { 'AWS:SourceArn': sub(`arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/\${SiteDistribution${n}}`) } },
              },
            ],
          },
        },
      },
      [`SiteDistribution${n}`]: {
        Type: 'AWS::CloudFront::Distribution',
        Properties: {
          DistributionConfig: {
            Enabled: true,
            Comment: `site ${n}`,
            DefaultRootObject: 'index.html',
            HttpVersion: 'http2and3',
            PriceClass: 'PriceClass_100',
            Aliases: fnIf('IsProd', [`site-${n}.example.com`], new Fn('Ref', 'AWS::NoValue')),
            Origins: [{ Id: 's3-origin', DomainName: getAtt(`SiteBucket${n}.RegionalDomainName`), OriginAccessControlId: getAtt(`SiteOac${n}.Id`), S3OriginConfig: { OriginAccessIdentity: '' } }],
            DefaultCacheBehavior: {
              TargetOriginId: 's3-origin',
              ViewerProtocolPolicy: 'redirect-to-https',
              CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
              Compress: true,
              AllowedMethods: ['GET', 'HEAD'],
            },
            CustomErrorResponses: [{ ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html' }],
            ViewerCertificate: { CloudFrontDefaultCertificate: true },
          },
        },
      },
    },
    outputs: { [`Site${n}Url`]: { Value: sub(`https://\${SiteDistribution${n}.DomainName}`) } },
  };
}

function samBlock(i, r) {
  const n = String(i).padStart(4, '0');
  return {
    resources: {
      [`Api${n}Function`]: {
        Type: 'AWS::Serverless::Function',
        Properties: {
          Handler: 'index.handler',
          CodeUri: `src/api-${n}/`,
          MemorySize: 256,
          Policies: [{ S3ReadPolicy: { BucketName: ref('ArtifactBucket') } }],
          Environment: { Variables: { STAGE: ref('Env'), AZ: select(0, new Fn('GetAZs', '')) } },
          Events: { Get: { Type: 'Api', Properties: { Path: `/items-${n}/{id}`, Method: pick(r, ['get', 'post']) } } },
        },
      },
    },
    outputs: { [`Api${n}Arn`]: { Value: join('', [getAtt(`Api${n}Function.Arn`)]) } },
  };
}

function fillerBlock(i) {
  const n = String(i).padStart(4, '0');
  return { resources: { [`AuditLogs${n}`]: logGroup(`/audit/\${AWS::StackName}/${n}`, 90) }, outputs: {} };
}

const ROTATION = [lambdaBlock, ecsBlock, webBlock, samBlock, lambdaBlock];

/** Lines a block adds to the YAML / JSON form (both are additive per entry). */
function blockLines(block, format) {
  let lines = 0;
  for (const group of [block.resources, block.outputs]) {
    for (const [k, v] of Object.entries(group)) {
      lines += format === 'yaml' ? yamlEntry(k, v, 2).length : jsonLines(v);
    }
  }
  return lines;
}

/**
 * A template of about `targetLines` lines in the given format: the header, then blocks in rotation
 * while they fit, then small log groups up to the target.
 */
export function buildTemplate(targetLines, format, seed = 1) {
  const r = rng(seed);
  const resources = {};
  const outputs = {};
  const base = header();
  // Header + "Resources:" + "Outputs:" (YAML); braces of the two maps (JSON).
  let lines = format === 'yaml' ? Object.entries(base).reduce((n, [k, v]) => n + yamlEntry(k, v).length, 0) + 2 : jsonLines(base) + 2;
  let i = 0;
  const add = (block) => {
    Object.assign(resources, block.resources);
    Object.assign(outputs, block.outputs);
    lines += blockLines(block, format);
    i++;
  };
  for (;;) {
    const block = ROTATION[i % ROTATION.length](i, r);
    if (i > 0 && lines + blockLines(block, format) > targetLines) break;
    add(block);
    if (lines >= targetLines) break;
  }
  while (lines < targetLines) add(fillerBlock(i));
  return { ...base, Resources: resources, Outputs: outputs };
}

export function serializeTemplate(template, format) {
  if (format === 'json') return `${JSON.stringify(toJsonValue(template), null, 2)}\n`;
  const out = [];
  for (const [k, v] of Object.entries(template)) out.push(...yamlEntry(k, v));
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- ECS API task definitions

function apiContainer(i, r) {
  const name = i === 0 ? 'app' : `sidecar-${i}`;
  const port = 8000 + i;
  return {
    name,
    image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/${name}:2.${i}.${Math.floor(r() * 20)}`,
    essential: i === 0,
    cpu: 32,
    memoryReservation: 64,
    portMappings: [{ containerPort: port, protocol: 'tcp', name: `${name}-http` }],
    environment: [
      { name: 'STAGE', value: 'prod' },
      { name: 'PORT', value: String(port) },
      { name: 'OTEL_SERVICE_NAME', value: name },
    ],
    secrets: [{ name: 'API_TOKEN', valueFrom: `arn:aws:ssm:eu-west-1:123456789012:parameter/${name}/token` }],
    logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': name } },
    healthCheck: { command: ['CMD-SHELL', `wget -qO- http://localhost:${port}/health || exit 1`], interval: 30, timeout: 5, retries: 3, startPeriod: 20 },
    ...(i > 0 ? { dependsOn: [{ containerName: 'app', condition: 'START' }] } : {}),
    readonlyRootFilesystem: true,
    ulimits: [{ name: 'nofile', softLimit: 65536, hardLimit: 65536 }],
  };
}

export function taskDefinition(containers, seed = 7) {
  const r = rng(seed);
  return {
    family: 'web',
    taskRoleArn: 'arn:aws:iam::123456789012:role/web-task',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '4096',
    memory: '8192',
    runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
    containerDefinitions: Array.from({ length: containers }, (_, i) => apiContainer(i, r)),
    volumes: [{ name: 'shared', efsVolumeConfiguration: { fileSystemId: 'fs-0123456789abcdef0', transitEncryption: 'ENABLED', authorizationConfig: { iam: 'ENABLED' } } }],
    ephemeralStorage: { sizeInGiB: 30 },
    tags: [
      { key: 'team', value: 'web' },
      { key: 'cost-center', value: 'cc-1234' },
    ],
  };
}

/** The smallest task definition with at least `targetLines` lines of JSON. */
export function taskDefinitionOfLines(targetLines) {
  for (let n = 1; n < 1000; n++) {
    const text = `${JSON.stringify(taskDefinition(n), null, 2)}\n`;
    if (text.split('\n').length - 1 >= targetLines) return { text, containers: n };
  }
  throw new Error('unreachable');
}
