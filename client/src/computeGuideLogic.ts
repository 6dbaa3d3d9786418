import { LAMBDA_COMPUTE_LIMITS } from '../../server/src/core/facts/lambda';

/**
 * The compute guide's decision: a few answers in, one AWS compute service out, with the reasons and the
 * snippets that start such a project. Pure (no `vscode`), so it is unit-tested in test/unit/features.
 */

/** Lambda's limits on its own fleet, from the facts (a function without a capacity provider). */
const LAMBDA = LAMBDA_COMPUTE_LIMITS.default;

/** "30 minutes": the longest a Lambda invocation may run (the facts' Timeout maximum), as the guide says it. */
export const LAMBDA_MAX_RUN = formatDuration(LAMBDA.timeout.max);
/** "10 GB": the most memory a Lambda function may have. */
const LAMBDA_MAX_MEMORY = `${Math.floor(LAMBDA.memory.max / 1024)} GB`;

function formatDuration(seconds: number): string {
  if (seconds % 60 !== 0) return `${seconds} seconds`;
  const minutes = seconds / 60;
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
export interface ComputeAnswers {
  /** Does one run (a request, a job) take longer than Lambda allows (LAMBDA_MAX_RUN)? */
  readonly overLambdaTimeout: boolean;
  readonly needsGpu: boolean;
  /** A long-running service (answers requests all day) or batch work (runs, finishes, exits)? */
  readonly shape: 'service' | 'batch';
  readonly needsKubernetes: boolean;
  /** Is the work triggered by events (a request, a queue message, a file upload, a schedule)? */
  readonly eventDriven: boolean;
}

export type ComputeService = 'Lambda' | 'Fargate' | 'ECS on EC2' | 'Batch' | 'EKS';

export interface Recommendation {
  readonly service: ComputeService;
  readonly reasons: readonly string[];
  /** Snippet prefixes to offer, best first (the first one installed is used). */
  readonly snippets: readonly string[];
  /** The concept article that explains the choice. */
  readonly concept: string;
}

export function recommendCompute(a: ComputeAnswers): Recommendation {
  if (a.needsKubernetes) {
    return {
      service: 'EKS',
      reasons: [
        'You need the Kubernetes API, its tooling or portability across clusters: EKS runs upstream Kubernetes with a managed control plane.',
        a.needsGpu ? 'GPU pods need EC2 nodes (managed node groups with GPU instances); Fargate has no GPUs.' : 'Pods can run on EC2 nodes or on Fargate.',
        'If Kubernetes is not a requirement, ECS is simpler to operate.',
      ],
      snippets: [],
      concept: 'ecs-eks-fargate',
    };
  }
  if (a.shape === 'batch') {
    if (!a.overLambdaTimeout && !a.needsGpu) {
      return {
        service: 'Lambda',
        reasons: [
          `Each run finishes within Lambda's limit of ${LAMBDA_MAX_RUN} and needs no GPU.`,
          a.eventDriven ? 'Lambda starts on the event itself (SQS, S3, EventBridge), and you pay only while it runs.' : 'An EventBridge schedule can start it; you pay only while it runs.',
          `If runs grow past ${LAMBDA_MAX_RUN} or need more than ${LAMBDA_MAX_MEMORY} of memory, move to AWS Batch.`,
        ],
        snippets: a.eventDriven ? ['berth-sam-function-sqs', 'berth-lambda-create-function'] : ['berth-sam-function-api', 'berth-lambda-create-function'],
        concept: 'lambda-vs-batch',
      };
    }
    return {
      service: 'Batch',
      reasons: [
        a.overLambdaTimeout ? `Runs longer than ${LAMBDA_MAX_RUN} rule out Lambda; AWS Batch has no such limit.` : 'AWS Batch queues the jobs and scales the compute to the queue.',
        a.needsGpu ? 'GPU jobs need an EC2 compute environment with GPU instances (Fargate has no GPUs).' : 'A Fargate compute environment needs no instances; Spot on EC2 is cheaper for interruptible jobs.',
        'Batch retries failed attempts and caps each attempt with a timeout.',
      ],
      snippets: a.needsGpu ? ['berth-batch-job-ec2', 'berth-cfn-batch-job-ec2'] : ['berth-batch-job-fargate', 'berth-cfn-batch-job-fargate'],
      concept: 'aws-batch',
    };
  }
  if (a.needsGpu) {
    return {
      service: 'ECS on EC2',
      reasons: [
        'GPUs are available to ECS tasks only on EC2 container instances; Fargate has none.',
        'Use bridge networking with dynamic host ports (or awsvpc) so several tasks share an instance behind a load balancer.',
        'You manage the instances: the ECS-optimized GPU AMI, patching, and a capacity provider for scaling.',
      ],
      snippets: ['berth-ecs-task-ec2-bridge', 'berth-cfn-ecs-task-ec2-bridge'],
      concept: 'ecs-launch-types',
    };
  }
  if (a.eventDriven && !a.overLambdaTimeout) {
    return {
      service: 'Lambda',
      reasons: [
        `Event-driven work that finishes within ${LAMBDA_MAX_RUN} fits Lambda: it scales per request and costs nothing while idle.`,
        'Behind API Gateway, a request must be answered within the 29-second integration timeout.',
        'If traffic is steady all day, a Fargate service can be cheaper.',
      ],
      snippets: ['berth-sam-function-api', 'berth-lambda-create-function', 'berth-serverless-function'],
      concept: 'lambda',
    };
  }
  return {
    service: 'Fargate',
    reasons: [
      'A long-running service on ECS with Fargate needs no servers to manage: you choose a task size and AWS runs the containers.',
      a.overLambdaTimeout ? `Requests or work longer than ${LAMBDA_MAX_RUN} rule out Lambda.` : 'It keeps connections and in-memory state between requests, which Lambda does not.',
      'Put it behind an Application Load Balancer with target type ip (awsvpc networking).',
    ],
    snippets: ['berth-ecs-task-fargate', 'berth-cfn-ecs-task-fargate'],
    concept: 'ecs-eks-fargate',
  };
}
