/**
 * Facts about container images on AWS that the Dockerfile rules use. Checked 2026-11-23.
 */

/**
 * AWS base images for Lambda: they contain the runtime interface client and set the entrypoint.
 * Source: https://docs.aws.amazon.com/lambda/latest/dg/images-create.html and
 * https://gallery.ecr.aws/lambda (public.ecr.aws/lambda/<runtime>), mirrored on Docker Hub as amazon/aws-lambda-<runtime>.
 */
export function isLambdaBaseImage(image: string): boolean {
  const lower = image.toLowerCase();
  return lower.startsWith('public.ecr.aws/lambda/') || /^(docker\.io\/)?amazon\/aws-lambda-[a-z0-9.-]+(:|@|$)/.test(lower);
}

/**
 * Runtime interface clients: the libraries that implement the Lambda Runtime API for images that are not
 * built on an AWS base image. Source: https://docs.aws.amazon.com/lambda/latest/dg/images-create.html#images-ric
 * (Python awslambdaric, Node.js aws-lambda-ric, Ruby aws_lambda_ric, Java aws-lambda-java-runtime-interface-client,
 * .NET Amazon.Lambda.RuntimeSupport, Go aws-lambda-go, Rust lambda_runtime).
 */
export const RUNTIME_INTERFACE_CLIENTS: readonly RegExp[] = [
  /awslambdaric/i,
  /aws-lambda-ric/i,
  /aws_lambda_ric/i,
  /aws-lambda-java-runtime-interface-client/i,
  /com\.amazonaws\.services\.lambda\.runtime\.api\.client/i,
  /Amazon\.Lambda\.RuntimeSupport/i,
  /aws-lambda-go/i,
  /lambda_runtime/i,
];

/**
 * The AWS Lambda Web Adapter: a Lambda extension, copied into /opt/extensions/, that speaks the Runtime API on behalf
 * of a plain web app (Express, Flask, Spring…), so an image with it needs no runtime interface client. It is shipped as
 * the image public.ecr.aws/awsguru/aws-lambda-adapter, whose /lambda-adapter binary a Dockerfile copies.
 * Source: https://github.com/awslabs/aws-lambda-web-adapter (README, "Lambda functions packaged as Docker Images").
 */
export const LAMBDA_EXTENSIONS_DIR = '/opt/extensions';
export const LAMBDA_WEB_ADAPTER = /aws-lambda-adapter|lambda-adapter/i;

/**
 * Windows container images: Microsoft's base images (mcr.microsoft.com/windows/*, the nanoserver and servercore
 * variants, .NET Framework images) and tags naming a Windows Server release. Windows containers have no root: they run
 * as ContainerAdministrator or ContainerUser. Source:
 * https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-containers/container-base-images and
 * https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-containers/container-security.
 */
export function isWindowsImage(image: string, platform?: string): boolean {
  if (platform?.toLowerCase().startsWith('windows')) return true;
  const lower = image.toLowerCase();
  return (
    /^mcr\.microsoft\.com\/(windows|dotnet\/framework|powershell:.*(nanoserver|windowsservercore))/.test(lower) ||
    /(^|[/:-])(nanoserver|servercore|windowsservercore)([-:]|$)/.test(lower) ||
    /:(.*-)?ltsc20\d\d$/.test(lower)
  );
}

/**
 * Commands that start a language interpreter or a general web server rather than a Lambda runtime client:
 * an image whose entrypoint is one of these, without a runtime interface client, does not answer Lambda's
 * Runtime API. (Compiled binaries may embed a client, so those are not judged.)
 */
export const INTERPRETERS: ReadonlySet<string> = new Set([
  'python', 'python3', 'node', 'npm', 'npx', 'yarn', 'ruby', 'bundle', 'java', 'sh', 'bash', 'uvicorn', 'gunicorn', 'flask', 'rails', 'php', 'deno', 'bun',
]);

/** Official language images whose default command is an interpreter or a shell (Docker Hub official images). */
export const LANGUAGE_IMAGES: ReadonlySet<string> = new Set([
  'python', 'node', 'ruby', 'openjdk', 'eclipse-temurin', 'amazoncorretto', 'php', 'ubuntu', 'debian', 'alpine', 'amazonlinux', 'busybox', 'centos', 'fedora',
]);

/** Lambda's default when Architectures is absent. Source: https://docs.aws.amazon.com/lambda/latest/dg/foundation-arch.html */
export const LAMBDA_DEFAULT_ARCHITECTURE = 'x86_64';

/**
 * Docker platform CPU names for the AWS architecture names. Lambda: x86_64 | arm64
 * (https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html#lambda-CreateFunction-request-Architectures);
 * ECS runtimePlatform.cpuArchitecture: X86_64 | ARM64
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RuntimePlatform.html).
 */
export function dockerArchOfAws(value: string): 'amd64' | 'arm64' | undefined {
  const v = value.toLowerCase();
  if (v === 'x86_64') return 'amd64';
  if (v === 'arm64') return 'arm64';
  return undefined;
}

/** The AWS names of each Docker CPU architecture (the inverse of `dockerArchOfAws`; same sources). */
export const AWS_ARCHITECTURE_NAMES = {
  amd64: { lambda: 'x86_64', ecs: 'X86_64' },
  arm64: { lambda: 'arm64', ecs: 'ARM64' },
} as const;

/** The CPU architecture of a Docker platform string (`linux/arm64/v8`, `linux/amd64`), or undefined. */
export function dockerArchOfPlatform(platform: string): 'amd64' | 'arm64' | undefined {
  const parts = platform.toLowerCase().split('/');
  const arch = parts[1] ?? parts[0];
  if (arch === 'amd64' || arch === 'x86_64') return 'amd64';
  if (arch === 'arm64' || arch === 'aarch64') return 'arm64';
  return undefined;
}

/**
 * Architecture-specific Docker Hub namespaces (https://github.com/docker-library/official-images#architectures-other-than-amd64):
 * `arm64v8/python` only has arm64 images, `amd64/python` only amd64.
 */
export function dockerArchOfImage(image: string): 'amd64' | 'arm64' | undefined {
  const lower = image.toLowerCase().replace(/^docker\.io\//, '');
  if (lower.startsWith('arm64v8/')) return 'arm64';
  if (lower.startsWith('amd64/')) return 'amd64';
  return undefined;
}

/**
 * ECS waits this long after SIGTERM before SIGKILL when stopTimeout is not set.
 * Source: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_timeout
 */
export const ECS_DEFAULT_STOP_TIMEOUT_SECONDS = 30;

/** Port numbers Docker accepts in EXPOSE. Source: https://docs.docker.com/reference/dockerfile/#expose (TCP/UDP ports). */
export const MAX_PORT = 65535;
