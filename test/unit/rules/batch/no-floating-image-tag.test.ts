import rule from '../../../../server/src/core/rules/batch/no-floating-image-tag';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, tf as tfJob, tfHeredoc } from './shapes';

const withImage = (code: string, image: string) => code.replace('busybox:1.36', image);

const tf = (image: string) => `resource "aws_batch_job_definition" "etl" {
  name = "etl"
  type = "container"
  container_properties = jsonencode({
    image = ${image}
  })
}
`;

runRuleTests(rule, {
  valid: [
    { name: 'version tag', code: api([], []), filename: 'job.json' },
    { name: 'CloudFormation Sub with a tag parameter', code: withImage(cfn([], []), "!Sub '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/etl:${Tag}'") },
    { name: 'Terraform: tag from a variable', filename: 'main.tf', code: tf('"${var.repo}:${var.tag}"') },
    { name: 'digest', code: withImage(cfn([], []), 'busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef') },
    { name: 'Terraform: pinned tag', code: tfJob([], []), filename: 'main.tf' },
    { name: 'Terraform: image from a variable without a value', code: tfJob([], []).replace('"busybox:1.36"', 'var.image'), filename: 'main.tf' },
  ],
  invalid: [
    {
      name: 'API JSON :latest',
      code: withImage(api([], []), '123456789012.dkr.ecr.us-east-1.amazonaws.com/etl:latest'),
      filename: 'job.json',
      errors: [
        {
          messageId: 'latest',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 71,
          severity: 'warning',
          message:
            'Image 123456789012.dkr.ecr.us-east-1.amazonaws.com/etl:latest uses the :latest tag, so each attempt may run different code and a retry may not reproduce a failure. Pin a version tag or a digest (@sha256:…).',
        },
      ],
    },
    {
      name: 'CloudFormation untagged',
      code: withImage(cfn([], []), 'busybox'),
      errors: [{ messageId: 'untagged', line: 7, column: 16, endLine: 7, endColumn: 23, message: /^Image busybox has no tag/ }],
    },
    {
      name: 'CloudFormation Sub whose static text shows no tag',
      code: withImage(cfn([], []), "!Sub '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/etl'"),
      errors: [{ messageId: 'untagged', line: 7, column: 16, endLine: 7, endColumn: 81, message: /^Image !Sub '\$\{AWS::AccountId\}\.dkr\.ecr\.\$\{AWS::Region\}\.amazonaws\.com\/etl' has no tag/ }],
    },
    { name: 'CloudFormation Join ending in :latest', code: withImage(cfn([], []), "!Join [':', [!GetAtt Repo.RepositoryUri, latest]]"), errors: [{ messageId: 'latest', line: 7, column: 16, endLine: 7, endColumn: 65 }] },
    { name: 'Terraform interpolation ending in :latest', filename: 'main.tf', code: tf('"${var.repo}:latest"'), errors: [{ messageId: 'latest', line: 5, column: 13, endLine: 5, endColumn: 33 }] },
    { name: 'Terraform repository URL alone', filename: 'main.tf', code: tf('aws_ecr_repository.etl.repository_url'), errors: [{ messageId: 'untagged', line: 5, column: 13, endLine: 5, endColumn: 50 }] },
    {
      name: 'Terraform jsonencode: :latest',
      code: tfJob([], []).replace('busybox:1.36', 'busybox:latest'),
      filename: 'main.tf',
      errors: [{ messageId: 'latest', line: 5, column: 13, endLine: 5, endColumn: 29 }],
    },
    {
      name: 'Terraform heredoc: untagged',
      code: tfHeredoc([], []).replace('busybox:1.36', 'busybox'),
      filename: 'main.tf',
      errors: [{ messageId: 'untagged', line: 6, column: 14, endLine: 6, endColumn: 23 }],
    },
    {
      name: 'Terraform: image from a local',
      code: `${tfJob([], []).replace('"busybox:1.36"', 'local.image')}locals {\n  image = "busybox"\n}\n`,
      filename: 'main.tf',
      errors: [{ messageId: 'untagged', line: 5, column: 13, endLine: 5, endColumn: 24, related: [{ line: 9, column: 11 }] }],
    },
  ],
});
