import rule from '../../../../server/src/core/rules/ecs/no-floating-image-tag';
import { runRuleTests } from '../../../helpers/ruleTester';
import { EXPRESS_CASES } from './expressShapes';

const api = (image: string) => `{
  "family": "web",
  "containerDefinitions": [{ "name": "app", "image": "${image}" }]
}`;
const cfn = (image: string) => `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: ${image}
`;

const tf = (image: string) => `resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    {
      name  = "app"
      image = ${image}
    }
  ])
}
`;
const heredoc = (image: string) => `resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = <<EOF
[{ "name": "app", "image": "${image}" }]
EOF
}
`;

runRuleTests(rule, {
  valid: [
    ...EXPRESS_CASES.floatingTag.valid,
    { name: 'version tag', code: api('nginx:1.27') },
    { name: 'digest', code: api('nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef') },
    { name: 'registry host:port is not a tag', code: api('registry.local:5000/team/app:2.1') },
    { name: 'CloudFormation Sub with a tag parameter', code: cfn("!Sub '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:${Tag}'") },
    { name: 'CloudFormation Sub with a version tag', code: cfn("!Sub '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:1.4'") },
    { name: 'CloudFormation Sub of a whole image parameter', code: cfn("!Sub '${Image}'") },
    { name: 'CloudFormation Ref', code: cfn('!Ref Image') },
    { name: 'CloudFormation Join with a tag parameter', code: cfn("!Join ['', [!GetAtt Repo.RepositoryUri, ':', !Ref Tag]]") },
    { name: 'CloudFormation Sub with a digest', code: cfn("!Sub '${Repo.RepositoryUri}@${Digest}'") },
    { name: 'CloudFormation Sub: a registry port is not a tag', code: cfn("!Sub '${Host}:5000/app:2.0'") },
    { name: 'CloudFormation Sub ending in an unknown part', code: cfn("!Sub '${Repo}:${Env}-latest'") },
    { name: 'Terraform: tag from a variable', filename: 'main.tf', code: tf('"${aws_ecr_repository.app.repository_url}:${var.tag}"') },
    { name: 'Terraform: the whole image from a variable', filename: 'main.tf', code: tf('var.image') },
    { name: 'Terraform: a version tag', filename: 'main.tf', code: tf('"${var.repo}:1.2.3"') },
  ],
  invalid: [
    ...EXPRESS_CASES.floatingTag.invalid,
    {
      name: ':latest',
      code: api('123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest'),
      errors: [{ messageId: 'latest', line: 3, column: 54, endLine: 3, endColumn: 111, severity: 'warning', message: /Container app uses image .* with the :latest tag/ }],
    },
    {
      name: 'no tag behind a registry port',
      code: api('localhost:5000/app'),
      errors: [{ messageId: 'untagged', line: 3, column: 54, endLine: 3, endColumn: 74 }],
    },
    { name: 'CloudFormation untagged', code: cfn('nginx'), errors: [{ messageId: 'untagged', line: 7, column: 18, endLine: 7, endColumn: 23 }] },
    {
      name: 'CloudFormation Sub whose static text shows no tag',
      code: cfn("!Sub '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app'"),
      errors: [{ messageId: 'untagged', line: 7, column: 18, endLine: 7, endColumn: 83, message: "Container app uses image !Sub '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app' with no tag, which means :latest: each new task pulls whatever is newest, so tasks of one service can run different code. Pin a version tag or a digest (@sha256:…)." }],
    },
    { name: 'CloudFormation Sub with :latest', code: cfn("!Sub '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:latest'"), errors: [{ messageId: 'latest', line: 7, column: 18, endLine: 7, endColumn: 90 }] },
    { name: 'CloudFormation Join ending in :latest', code: cfn("!Join ['', [!Ref Repo, ':latest']]"), errors: [{ messageId: 'latest', line: 7, column: 18, endLine: 7, endColumn: 52 }] },
    { name: 'CloudFormation long-form Join of a repository URI', code: cfn('{ "Fn::Join": [":", [{ "Fn::GetAtt": [Repo, RepositoryUri] }, latest]] }'), errors: [{ messageId: 'latest', line: 7, column: 18, endLine: 7, endColumn: 90 }] },
    { name: 'CloudFormation repository URI alone', code: cfn('!GetAtt Repo.RepositoryUri'), errors: [{ messageId: 'untagged', line: 7, column: 18, endLine: 7, endColumn: 44 }] },
    { name: 'CloudFormation Sub of a repository URI', code: cfn("!Sub '${Repo.RepositoryUri}'"), errors: [{ messageId: 'untagged', line: 7, column: 18, endLine: 7, endColumn: 46 }] },
    {
      name: 'Terraform interpolation ending in :latest',
      filename: 'main.tf',
      code: tf('"${var.repo}:latest"'),
      errors: [{ messageId: 'latest', line: 6, column: 15, endLine: 6, endColumn: 35, message: /^Container app uses image "\$\{var\.repo\}:latest" with the :latest tag\./ }],
    },
    { name: 'Terraform repository URL interpolated alone', filename: 'main.tf', code: tf('"${aws_ecr_repository.app.repository_url}"'), errors: [{ messageId: 'untagged', line: 6, column: 15, endLine: 6, endColumn: 57 }] },
    { name: 'Terraform repository URL as a reference', filename: 'main.tf', code: tf('data.aws_ecr_repository.app.repository_url'), errors: [{ messageId: 'untagged', line: 6, column: 15, endLine: 6, endColumn: 57 }] },
    { name: 'Terraform JSON heredoc with a placeholder repository', filename: 'main.tf', code: heredoc('${var.repo}:latest'), errors: [{ messageId: 'latest', line: 4, column: 28, endLine: 4, endColumn: 48 }] },
    {
      name: 'Terraform: in the JSON file a module reads with file()',
      filename: 'containers.json',
      code: '[{ "name": "app", "image": "nginx:latest" }]',
      workspace: [{ filename: 'main.tf', code: 'resource "aws_ecs_task_definition" "app" {\n  family                = "app"\n  container_definitions = file("containers.json")\n}\n' }],
      errors: [{ messageId: 'latest', line: 1, column: 28, endLine: 1, endColumn: 42 }],
    },
  ],
});
