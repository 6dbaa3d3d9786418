import rule from '../../../../server/src/core/rules/lambda/no-floating-image-tag';
import { runRuleTests } from '../../../helpers/ruleTester';

const api = (image: string) => `{
  "FunctionName": "orders",
  "Role": "arn:aws:iam::123456789012:role/fn",
  "PackageType": "Image",
  "Code": { "ImageUri": "${image}" }
}`;
const cfn = (image: string) => `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      PackageType: Image
      Role: arn:aws:iam::123456789012:role/fn
      Code:
        ImageUri: ${image}
`;
const sam = (image: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      PackageType: Image
      ImageUri: ${image}
`;
const sls = (image: string) => `service: orders
provider:
  name: aws
functions:
  api:
    image: ${image}
`;
const tf = (image: string) => `resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = aws_iam_role.fn.arn
  package_type  = "Image"
  image_uri     = ${image}
}
`;

runRuleTests(rule, {
  valid: [
    { name: 'API JSON: version tag', filename: 'function.json', code: api('123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1.4.2') },
    { name: 'API JSON: digest', filename: 'function.json', code: api('123456789012.dkr.ecr.us-east-1.amazonaws.com/orders@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef') },
    { name: 'CloudFormation Sub with a tag parameter', code: cfn("!Sub '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/orders:${ImageTag}'") },
    { name: 'SAM: a whole image parameter', code: sam('!Ref ImageUri') },
    { name: 'SAM: a URL is no image reference (seen in SAM\'s translator inputs)', code: sam('s3://bucket/key') },
    { name: 'serverless.yml: an image name from provider.ecr.images is not a URI', filename: 'serverless.yml', code: sls('appimage') },
    { name: 'Terraform: tag from a variable', filename: 'main.tf', code: tf('"${aws_ecr_repository.orders.repository_url}:${var.image_tag}"') },
  ],
  invalid: [
    {
      name: 'API JSON :latest',
      filename: 'function.json',
      code: api('123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:latest'),
      errors: [
        {
          messageId: 'latest',
          line: 5,
          column: 25,
          endLine: 5,
          endColumn: 85,
          severity: 'warning',
          message:
            'Function orders uses image 123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:latest with the :latest tag. Lambda resolves the tag to a digest when the function is created or its code is updated, so pushing a new image under the same tag changes nothing until the next update, and a deploy whose ImageUri text is unchanged (CloudFormation, Terraform) never makes one. Pin a version tag or a digest (@sha256:…) and change it with each release.',
        },
      ],
    },
    {
      name: 'CloudFormation Sub whose static text shows no tag',
      code: cfn("!Sub '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/orders'"),
      errors: [{ messageId: 'untagged', line: 8, column: 19, endLine: 8, endColumn: 87, message: /^Function Fn uses image !Sub '\$\{AWS::AccountId\}\.dkr\.ecr\.\$\{AWS::Region\}\.amazonaws\.com\/orders' with no tag, which means :latest\./ }],
    },
    { name: 'SAM Join ending in :latest', code: sam("!Join ['', [!GetAtt Repo.RepositoryUri, ':latest']]"), errors: [{ messageId: 'latest', line: 7, column: 17, endLine: 7, endColumn: 68 }] },
    { name: 'serverless.yml URI without a tag', filename: 'serverless.yml', code: sls('123456789012.dkr.ecr.us-east-1.amazonaws.com/orders'), errors: [{ messageId: 'untagged', line: 6, column: 12, endLine: 6, endColumn: 63 }] },
    { name: 'Terraform interpolation ending in :latest', filename: 'main.tf', code: tf('"${aws_ecr_repository.orders.repository_url}:latest"'), errors: [{ messageId: 'latest', line: 5, column: 19, endLine: 5, endColumn: 71 }] },
  ],
});
