/**
 * The rule documentation pages (`rules/<area>/<name>.md`), bundled as text so that the editor can show them offline.
 * An explicit table (no directory scanning at run time); test/unit/docs/ruleDocs.test.ts fails when a registered rule
 * is missing here and prints the lines to add.
 */

import batchFargateValidVcpuMemory from '../rules/batch/fargate-valid-vcpu-memory.md';
import batchNoFargateUnsupportedSettings from '../rules/batch/no-fargate-unsupported-settings.md';
import batchNoFloatingImageTag from '../rules/batch/no-floating-image-tag.md';
import batchNoLegacyVcpusMemory from '../rules/batch/no-legacy-vcpus-memory.md';
import batchNoPlainSecretEnvironment from '../rules/batch/no-plain-secret-environment.md';
import batchNoPrivilegedContainer from '../rules/batch/no-privileged-container.md';
import batchRequireFargateExecutionRole from '../rules/batch/require-fargate-execution-role.md';
import batchRequireVcpuAndMemory from '../rules/batch/require-vcpu-and-memory.md';
import batchValidAttemptDuration from '../rules/batch/valid-attempt-duration.md';
import batchValidMultinodeRanges from '../rules/batch/valid-multinode-ranges.md';
import batchValidRetryAttempts from '../rules/batch/valid-retry-attempts.md';
import cfnNoCircularDependency from '../rules/cfn/no-circular-dependency.md';
import cfnNoPublicBucketBehindCloudfront from '../rules/cfn/no-public-bucket-behind-cloudfront.md';
import cfnPreferOriginAccessControl from '../rules/cfn/prefer-origin-access-control.md';
import cfnPreferS3RestOrigin from '../rules/cfn/prefer-s3-rest-origin.md';
import cfnRequireCloudfrontSourceCondition from '../rules/cfn/require-cloudfront-source-condition.md';
import cfnRequireListenerCertificate from '../rules/cfn/require-listener-certificate.md';
import cfnRequireOwnershipControlsForAcl from '../rules/cfn/require-ownership-controls-for-acl.md';
import cfnRequireS3OriginAccessControl from '../rules/cfn/require-s3-origin-access-control.md';
import cfnRequireSamTransform from '../rules/cfn/require-sam-transform.md';
import cfnValidAlbSubnets from '../rules/cfn/valid-alb-subnets.md';
import cfnValidGetattAttribute from '../rules/cfn/valid-getatt-attribute.md';
import cfnValidListenerProtocol from '../rules/cfn/valid-listener-protocol.md';
import cfnValidReferences from '../rules/cfn/valid-references.md';
import cfnValidResourceProperties from '../rules/cfn/valid-resource-properties.md';
import dockerfileNoApt from '../rules/dockerfile/no-apt.md';
import dockerfileNoCurlAndWget from '../rules/dockerfile/no-curl-and-wget.md';
import dockerfileNoDuplicateStageName from '../rules/dockerfile/no-duplicate-stage-name.md';
import dockerfileNoIgnoredHealthcheck from '../rules/dockerfile/no-ignored-healthcheck.md';
import dockerfileNoInsecureTls from '../rules/dockerfile/no-insecure-tls.md';
import dockerfileNoLatestTag from '../rules/dockerfile/no-latest-tag.md';
import dockerfileNoMaintainer from '../rules/dockerfile/no-maintainer.md';
import dockerfileNoMultipleCmdEntrypoint from '../rules/dockerfile/no-multiple-cmd-entrypoint.md';
import dockerfileNoRelativeWorkdir from '../rules/dockerfile/no-relative-workdir.md';
import dockerfileNoRootUser from '../rules/dockerfile/no-root-user.md';
import dockerfileNoSecretsInEnv from '../rules/dockerfile/no-secrets-in-env.md';
import dockerfileNoSudo from '../rules/dockerfile/no-sudo.md';
import dockerfilePreferApkNoCache from '../rules/dockerfile/prefer-apk-no-cache.md';
import dockerfilePreferAptGetNoInstallRecommends from '../rules/dockerfile/prefer-apt-get-no-install-recommends.md';
import dockerfilePreferCopy from '../rules/dockerfile/prefer-copy.md';
import dockerfilePreferExecForm from '../rules/dockerfile/prefer-exec-form.md';
import dockerfilePreferPipNoCacheDir from '../rules/dockerfile/prefer-pip-no-cache-dir.md';
import dockerfilePreferWorkdir from '../rules/dockerfile/prefer-workdir.md';
import dockerfileRequireApkPin from '../rules/dockerfile/require-apk-pin.md';
import dockerfileRequireAptGetYes from '../rules/dockerfile/require-apt-get-yes.md';
import dockerfileRequireAptListsCleanup from '../rules/dockerfile/require-apt-lists-cleanup.md';
import dockerfileRequireAptPin from '../rules/dockerfile/require-apt-pin.md';
import dockerfileRequireGemPin from '../rules/dockerfile/require-gem-pin.md';
import dockerfileRequireLambdaRuntimeApi from '../rules/dockerfile/require-lambda-runtime-api.md';
import dockerfileRequireNpmPin from '../rules/dockerfile/require-npm-pin.md';
import dockerfileRequirePipPin from '../rules/dockerfile/require-pip-pin.md';
import dockerfileRequirePipefail from '../rules/dockerfile/require-pipefail.md';
import dockerfileRequireYumDnfClean from '../rules/dockerfile/require-yum-dnf-clean.md';
import dockerfileValidCopyFrom from '../rules/dockerfile/valid-copy-from.md';
import dockerfileValidExposePortMapping from '../rules/dockerfile/valid-expose-port-mapping.md';
import dockerfileValidExposePort from '../rules/dockerfile/valid-expose-port.md';
import dockerfileValidSyntax from '../rules/dockerfile/valid-syntax.md';
import dockerfileValidLambdaHandlerCmd from '../rules/dockerfile/valid-lambda-handler-cmd.md';
import dockerfileValidPlatformArchitecture from '../rules/dockerfile/valid-platform-architecture.md';
import ecsFargateValidCpuMemory from '../rules/ecs/fargate-valid-cpu-memory.md';
import ecsNoDependsOnCycle from '../rules/ecs/no-depends-on-cycle.md';
import ecsNoDescribeOutputKeys from '../rules/ecs/no-describe-output-keys.md';
import ecsNoFargateUnsupportedParameters from '../rules/ecs/no-fargate-unsupported-parameters.md';
import ecsNoFloatingImageTag from '../rules/ecs/no-floating-image-tag.md';
import ecsNoPlaintextSecrets from '../rules/ecs/no-plaintext-secrets.md';
import ecsNoPrivilegedContainer from '../rules/ecs/no-privileged-container.md';
import ecsNoStaticHostPortBehindLoadBalancer from '../rules/ecs/no-static-host-port-behind-load-balancer.md';
import ecsPreferDeploymentCircuitBreaker from '../rules/ecs/prefer-deployment-circuit-breaker.md';
import ecsPreferHealthCheckGracePeriod from '../rules/ecs/prefer-health-check-grace-period.md';
import ecsPreferReadonlyRootFilesystem from '../rules/ecs/prefer-readonly-root-filesystem.md';
import ecsPreferSeparateTaskAndExecutionRoles from '../rules/ecs/prefer-separate-task-and-execution-roles.md';
import ecsRequireAwsvpcForFargate from '../rules/ecs/require-awsvpc-for-fargate.md';
import ecsRequireEssentialContainer from '../rules/ecs/require-essential-container.md';
import ecsRequireExecutionRole from '../rules/ecs/require-execution-role.md';
import ecsRequireFargateTaskSize from '../rules/ecs/require-fargate-task-size.md';
import ecsRequireServiceNetworkConfiguration from '../rules/ecs/require-service-network-configuration.md';
import ecsRequireTrafficPortHealthCheck from '../rules/ecs/require-traffic-port-health-check.md';
import ecsValidAwslogsOptions from '../rules/ecs/valid-awslogs-options.md';
import ecsValidContainerMemory from '../rules/ecs/valid-container-memory.md';
import ecsValidContainerReferences from '../rules/ecs/valid-container-references.md';
import ecsValidEphemeralStorage from '../rules/ecs/valid-ephemeral-storage.md';
import ecsValidFargateLogDriver from '../rules/ecs/valid-fargate-log-driver.md';
import ecsValidFargatePlatformVersion from '../rules/ecs/valid-fargate-platform-version.md';
import ecsValidHealthCheck from '../rules/ecs/valid-health-check.md';
import ecsValidHostPortForNetworkMode from '../rules/ecs/valid-host-port-for-network-mode.md';
import ecsValidLoadBalancerContainer from '../rules/ecs/valid-load-balancer-container.md';
import ecsValidPortMappings from '../rules/ecs/valid-port-mappings.md';
import ecsValidRuntimePlatform from '../rules/ecs/valid-runtime-platform.md';
import ecsValidServiceCompatibility from '../rules/ecs/valid-service-compatibility.md';
import ecsValidTargetType from '../rules/ecs/valid-target-type.md';
import ecsValidTaskDefinitionSize from '../rules/ecs/valid-task-definition-size.md';
import internalCliError from '../rules/internal/cli-error.md';
import internalRuleError from '../rules/internal/rule-error.md';
import lambdaNoDeprecatedRuntime from '../rules/lambda/no-deprecated-runtime.md';
import lambdaNoPlainSecretEnvironment from '../rules/lambda/no-plain-secret-environment.md';
import lambdaNoReservedEnvironmentVariable from '../rules/lambda/no-reserved-environment-variable.md';
import lambdaNoZeroReservedConcurrency from '../rules/lambda/no-zero-reserved-concurrency.md';
import lambdaRequireVpcSubnetsAndSecurityGroups from '../rules/lambda/require-vpc-subnets-and-security-groups.md';
import lambdaValidArchitectures from '../rules/lambda/valid-architectures.md';
import lambdaValidEnvironmentSize from '../rules/lambda/valid-environment-size.md';
import lambdaValidEphemeralStorage from '../rules/lambda/valid-ephemeral-storage.md';
import lambdaValidLayerCount from '../rules/lambda/valid-layer-count.md';
import lambdaValidMemorySize from '../rules/lambda/valid-memory-size.md';
import lambdaValidPackageType from '../rules/lambda/valid-package-type.md';
import lambdaValidTimeout from '../rules/lambda/valid-timeout.md';
import lambdaNoPublicFunctionUrl from '../rules/lambda/no-public-function-url.md';
import lambdaValidApiGatewayTimeout from '../rules/lambda/valid-api-gateway-timeout.md';
import lambdaValidBatchSize from '../rules/lambda/valid-batch-size.md';
import lambdaValidPackageSize from '../rules/lambda/valid-package-size.md';
import lambdaValidHandler from '../rules/lambda/valid-handler.md';
import lambdaValidSnapstartRuntime from '../rules/lambda/valid-snapstart-runtime.md';
import lambdaValidSqsVisibilityTimeout from '../rules/lambda/valid-sqs-visibility-timeout.md';
import parseDuplicateKey from '../rules/parse/duplicate-key.md';
import parseInvalidEncoding from '../rules/parse/invalid-encoding.md';
import parseStrictJson from '../rules/parse/strict-json.md';
import parseSyntaxError from '../rules/parse/syntax-error.md';
import parseTooComplex from '../rules/parse/too-complex.md';
import parseUnreadableFile from '../rules/parse/unreadable-file.md';
import schemaValidApiInput from '../rules/schema/valid-api-input.md';

const RULE_DOCS: Readonly<Record<string, string>> = {
  'batch/fargate-valid-vcpu-memory': batchFargateValidVcpuMemory,
  'batch/no-fargate-unsupported-settings': batchNoFargateUnsupportedSettings,
  'batch/no-floating-image-tag': batchNoFloatingImageTag,
  'batch/no-legacy-vcpus-memory': batchNoLegacyVcpusMemory,
  'batch/no-plain-secret-environment': batchNoPlainSecretEnvironment,
  'batch/no-privileged-container': batchNoPrivilegedContainer,
  'batch/require-fargate-execution-role': batchRequireFargateExecutionRole,
  'batch/require-vcpu-and-memory': batchRequireVcpuAndMemory,
  'batch/valid-attempt-duration': batchValidAttemptDuration,
  'batch/valid-multinode-ranges': batchValidMultinodeRanges,
  'batch/valid-retry-attempts': batchValidRetryAttempts,
  'cfn/no-circular-dependency': cfnNoCircularDependency,
  'cfn/no-public-bucket-behind-cloudfront': cfnNoPublicBucketBehindCloudfront,
  'cfn/prefer-origin-access-control': cfnPreferOriginAccessControl,
  'cfn/prefer-s3-rest-origin': cfnPreferS3RestOrigin,
  'cfn/require-cloudfront-source-condition': cfnRequireCloudfrontSourceCondition,
  'cfn/require-listener-certificate': cfnRequireListenerCertificate,
  'cfn/require-ownership-controls-for-acl': cfnRequireOwnershipControlsForAcl,
  'cfn/require-s3-origin-access-control': cfnRequireS3OriginAccessControl,
  'cfn/require-sam-transform': cfnRequireSamTransform,
  'cfn/valid-alb-subnets': cfnValidAlbSubnets,
  'cfn/valid-getatt-attribute': cfnValidGetattAttribute,
  'cfn/valid-listener-protocol': cfnValidListenerProtocol,
  'cfn/valid-references': cfnValidReferences,
  'cfn/valid-resource-properties': cfnValidResourceProperties,
  'dockerfile/no-apt': dockerfileNoApt,
  'dockerfile/no-curl-and-wget': dockerfileNoCurlAndWget,
  'dockerfile/no-duplicate-stage-name': dockerfileNoDuplicateStageName,
  'dockerfile/no-ignored-healthcheck': dockerfileNoIgnoredHealthcheck,
  'dockerfile/no-insecure-tls': dockerfileNoInsecureTls,
  'dockerfile/no-latest-tag': dockerfileNoLatestTag,
  'dockerfile/no-maintainer': dockerfileNoMaintainer,
  'dockerfile/no-multiple-cmd-entrypoint': dockerfileNoMultipleCmdEntrypoint,
  'dockerfile/no-relative-workdir': dockerfileNoRelativeWorkdir,
  'dockerfile/no-root-user': dockerfileNoRootUser,
  'dockerfile/no-secrets-in-env': dockerfileNoSecretsInEnv,
  'dockerfile/no-sudo': dockerfileNoSudo,
  'dockerfile/prefer-apk-no-cache': dockerfilePreferApkNoCache,
  'dockerfile/prefer-apt-get-no-install-recommends': dockerfilePreferAptGetNoInstallRecommends,
  'dockerfile/prefer-copy': dockerfilePreferCopy,
  'dockerfile/prefer-exec-form': dockerfilePreferExecForm,
  'dockerfile/prefer-pip-no-cache-dir': dockerfilePreferPipNoCacheDir,
  'dockerfile/prefer-workdir': dockerfilePreferWorkdir,
  'dockerfile/require-apk-pin': dockerfileRequireApkPin,
  'dockerfile/require-apt-get-yes': dockerfileRequireAptGetYes,
  'dockerfile/require-apt-lists-cleanup': dockerfileRequireAptListsCleanup,
  'dockerfile/require-apt-pin': dockerfileRequireAptPin,
  'dockerfile/require-gem-pin': dockerfileRequireGemPin,
  'dockerfile/require-lambda-runtime-api': dockerfileRequireLambdaRuntimeApi,
  'dockerfile/require-npm-pin': dockerfileRequireNpmPin,
  'dockerfile/require-pip-pin': dockerfileRequirePipPin,
  'dockerfile/require-pipefail': dockerfileRequirePipefail,
  'dockerfile/require-yum-dnf-clean': dockerfileRequireYumDnfClean,
  'dockerfile/valid-copy-from': dockerfileValidCopyFrom,
  'dockerfile/valid-expose-port-mapping': dockerfileValidExposePortMapping,
  'dockerfile/valid-expose-port': dockerfileValidExposePort,
  'dockerfile/valid-syntax': dockerfileValidSyntax,
  'dockerfile/valid-lambda-handler-cmd': dockerfileValidLambdaHandlerCmd,
  'dockerfile/valid-platform-architecture': dockerfileValidPlatformArchitecture,
  'ecs/fargate-valid-cpu-memory': ecsFargateValidCpuMemory,
  'ecs/no-depends-on-cycle': ecsNoDependsOnCycle,
  'ecs/no-describe-output-keys': ecsNoDescribeOutputKeys,
  'ecs/no-fargate-unsupported-parameters': ecsNoFargateUnsupportedParameters,
  'ecs/no-floating-image-tag': ecsNoFloatingImageTag,
  'ecs/no-plaintext-secrets': ecsNoPlaintextSecrets,
  'ecs/no-privileged-container': ecsNoPrivilegedContainer,
  'ecs/no-static-host-port-behind-load-balancer': ecsNoStaticHostPortBehindLoadBalancer,
  'ecs/prefer-deployment-circuit-breaker': ecsPreferDeploymentCircuitBreaker,
  'ecs/prefer-health-check-grace-period': ecsPreferHealthCheckGracePeriod,
  'ecs/prefer-readonly-root-filesystem': ecsPreferReadonlyRootFilesystem,
  'ecs/prefer-separate-task-and-execution-roles': ecsPreferSeparateTaskAndExecutionRoles,
  'ecs/require-awsvpc-for-fargate': ecsRequireAwsvpcForFargate,
  'ecs/require-essential-container': ecsRequireEssentialContainer,
  'ecs/require-execution-role': ecsRequireExecutionRole,
  'ecs/require-fargate-task-size': ecsRequireFargateTaskSize,
  'ecs/require-service-network-configuration': ecsRequireServiceNetworkConfiguration,
  'ecs/require-traffic-port-health-check': ecsRequireTrafficPortHealthCheck,
  'ecs/valid-awslogs-options': ecsValidAwslogsOptions,
  'ecs/valid-container-memory': ecsValidContainerMemory,
  'ecs/valid-container-references': ecsValidContainerReferences,
  'ecs/valid-ephemeral-storage': ecsValidEphemeralStorage,
  'ecs/valid-fargate-log-driver': ecsValidFargateLogDriver,
  'ecs/valid-fargate-platform-version': ecsValidFargatePlatformVersion,
  'ecs/valid-health-check': ecsValidHealthCheck,
  'ecs/valid-host-port-for-network-mode': ecsValidHostPortForNetworkMode,
  'ecs/valid-load-balancer-container': ecsValidLoadBalancerContainer,
  'ecs/valid-port-mappings': ecsValidPortMappings,
  'ecs/valid-runtime-platform': ecsValidRuntimePlatform,
  'ecs/valid-service-compatibility': ecsValidServiceCompatibility,
  'ecs/valid-target-type': ecsValidTargetType,
  'ecs/valid-task-definition-size': ecsValidTaskDefinitionSize,
  'internal/cli-error': internalCliError,
  'internal/rule-error': internalRuleError,
  'lambda/no-deprecated-runtime': lambdaNoDeprecatedRuntime,
  'lambda/no-plain-secret-environment': lambdaNoPlainSecretEnvironment,
  'lambda/no-reserved-environment-variable': lambdaNoReservedEnvironmentVariable,
  'lambda/no-zero-reserved-concurrency': lambdaNoZeroReservedConcurrency,
  'lambda/require-vpc-subnets-and-security-groups': lambdaRequireVpcSubnetsAndSecurityGroups,
  'lambda/valid-architectures': lambdaValidArchitectures,
  'lambda/valid-environment-size': lambdaValidEnvironmentSize,
  'lambda/valid-ephemeral-storage': lambdaValidEphemeralStorage,
  'lambda/valid-layer-count': lambdaValidLayerCount,
  'lambda/valid-memory-size': lambdaValidMemorySize,
  'lambda/valid-package-type': lambdaValidPackageType,
  'lambda/valid-timeout': lambdaValidTimeout,
  'lambda/no-public-function-url': lambdaNoPublicFunctionUrl,
  'lambda/valid-api-gateway-timeout': lambdaValidApiGatewayTimeout,
  'lambda/valid-batch-size': lambdaValidBatchSize,
  'lambda/valid-package-size': lambdaValidPackageSize,
  'lambda/valid-handler': lambdaValidHandler,
  'lambda/valid-snapstart-runtime': lambdaValidSnapstartRuntime,
  'lambda/valid-sqs-visibility-timeout': lambdaValidSqsVisibilityTimeout,
  'parse/duplicate-key': parseDuplicateKey,
  'parse/invalid-encoding': parseInvalidEncoding,
  'parse/strict-json': parseStrictJson,
  'parse/syntax-error': parseSyntaxError,
  'parse/too-complex': parseTooComplex,
  'parse/unreadable-file': parseUnreadableFile,
  'schema/valid-api-input': schemaValidApiInput,
};

/** The markdown page of a rule, or undefined for an unknown id. */
export function ruleDoc(ruleId: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(RULE_DOCS, ruleId) ? RULE_DOCS[ruleId] : undefined;
}

/** Ids of every documented rule. */
export function documentedRuleIds(): string[] {
  return Object.keys(RULE_DOCS).sort();
}
