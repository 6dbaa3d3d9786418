import rule from '../../../../server/src/core/rules/lambda/valid-layer-count';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, sam, sls, tf } from './shapes';

const arns = (n: number, name = 'l') => Array.from({ length: n }, (_, i) => `arn:aws:lambda:us-east-1:123456789012:layer:${name}${i}:1`);
const json = (n: number) => `"Layers": [${arns(n).map((a) => `"${a}"`).join(', ')}]`;
const yamlList = (n: number, name?: string) => `Layers: [${arns(n, name).join(', ')}]`;

runRuleTests(rule, {
  valid: [
    { name: 'five layers', code: api(json(5)), filename: 'function.json' },
    { name: 'CloudFormation', code: cfn(yamlList(3)) },
    { name: 'SAM: 2 + 3', code: sam([yamlList(2, 'g')], [yamlList(3)]) },
    { name: "SAM: IgnoreGlobals '*' keeps the Globals layers out", code: sam([yamlList(3, 'g')], ['Handler: app.handler', yamlList(3)], ["IgnoreGlobals: '*'"]) },
    { name: 'SAM: IgnoreGlobals [Layers] keeps them out', code: sam([yamlList(3, 'g'), 'Timeout: 30'], ['Handler: app.handler', yamlList(3)], ['IgnoreGlobals: [Layers]']) },
    { name: 'SAM: an intrinsic Layers in the function replaces the Globals list (count unknown)', code: sam([yamlList(6, 'g')], ['Handler: app.handler', 'Layers: !Ref LayerList']) },
    { name: 'serverless: function layers replace the provider\'s', code: sls([yamlList(4, 'p').replace('Layers', 'layers')], ['handler: a.b', yamlList(4).replace('Layers', 'layers')]), filename: 'serverless.yml' },
    { name: 'Terraform: five', code: tf(`layers = [${arns(5).map((a) => `"${a}"`).join(', ')}]`), filename: 'main.tf' },
    { name: 'Terraform: a list Berth cannot know', code: tf('layers = concat(var.base_layers, var.extra_layers)'), filename: 'main.tf' },
  ],
  invalid: [
    {
      name: 'API JSON',
      code: api(json(6)),
      filename: 'function.json',
      errors: [
        {
          messageId: 'tooMany',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 11,
          severity: 'error',
          message: 'orders uses 6 layers; Lambda allows at most 5, so the deployment is rejected. Merge layers, or package the dependencies in the function or a container image.',
        },
      ],
    },
    {
      name: 'CloudFormation',
      code: cfn(yamlList(7)),
      errors: [{ messageId: 'tooMany', line: 6, column: 7, endLine: 6, endColumn: 13 }],
    },
    {
      name: 'SAM: counted after the Globals merge',
      code: sam([yamlList(3, 'g')], ['Handler: app.handler', yamlList(3)]),
      errors: [{ messageId: 'tooManyMerged', line: 10, column: 7, endLine: 10, endColumn: 13, message: /^Fn uses 6 layers once SAM appends/ }],
    },
    {
      name: 'SAM: IgnoreGlobals naming another property still merges the Layers',
      code: sam([yamlList(3, 'g'), 'Timeout: 30'], ['Handler: app.handler', yamlList(3)], ['IgnoreGlobals: [Timeout]']),
      errors: [{ messageId: 'tooManyMerged', line: 12, column: 7, endLine: 12, endColumn: 13, message: /^Fn uses 6 layers once SAM appends/ }],
    },
    {
      name: 'SAM: all in Globals',
      code: sam([yamlList(6, 'g')], ['Handler: app.handler']),
      errors: [{ messageId: 'tooMany', line: 4, column: 5, endLine: 4, endColumn: 11 }],
    },
    {
      name: 'serverless provider',
      code: sls([yamlList(6).replace('Layers', 'layers')], ['handler: a.b']),
      filename: 'serverless.yml',
      errors: [{ messageId: 'tooMany', line: 4, column: 3, endLine: 4, endColumn: 9, message: /^api uses 6 layers/ }],
    },
    {
      name: 'Terraform: six',
      code: tf(`layers = [${arns(6).map((a) => `"${a}"`).join(', ')}]`),
      filename: 'main.tf',
      errors: [{ messageId: 'tooMany', line: 4, column: 3, endLine: 4, endColumn: 9, message: /^aws_lambda_function\.fn uses 6 layers/ }],
    },
    {
      name: 'Terraform: a list from a local',
      code: `${tf('layers = local.layers')}locals {\n  layers = [${arns(6).map((a) => `"${a}"`).join(', ')}]\n}\n`,
      filename: 'main.tf',
      errors: [{ messageId: 'tooMany', line: 4, column: 3, endLine: 4, endColumn: 9 }],
    },
  ],
});
