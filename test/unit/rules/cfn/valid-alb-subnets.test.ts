import rule from '../../../../server/src/core/rules/cfn/valid-alb-subnets';
import { runRuleTests } from '../../../helpers/ruleTester';
import { elb, tfElb } from './elbshapes';

const http = '      Port: 80\n      Protocol: HTTP';
const tfHttp = '  port     = 80\n  protocol = "HTTP"';

runRuleTests(rule, {
  valid: [
    { name: 'two subnets', code: elb('      Subnets: [!Ref SubnetA, !Ref SubnetB]', http) },
    { name: 'an NLB may have one', code: elb('      Type: network\n      Subnets: [subnet-a]', http) },
    { name: 'a list parameter is unknown', code: elb('      Subnets: !Ref Subnets', http) },
    { name: 'Terraform: two subnets', filename: 'main.tf', code: tfElb('  subnets = [aws_subnet.a.id, aws_subnet.b.id]', tfHttp) },
    { name: 'Terraform: a network load balancer may have one', filename: 'main.tf', code: tfElb('  load_balancer_type = "network"\n  subnets            = ["subnet-a"]', tfHttp) },
    { name: 'Terraform: subnets from a variable are unknown', filename: 'main.tf', code: tfElb('  subnets = var.public_subnets', tfHttp) },
    { name: 'Terraform: subnets from a for expression are unknown', filename: 'main.tf', code: tfElb('  subnets = [for s in aws_subnet.public : s.id]', tfHttp) },
    { name: 'Terraform: a variable with two subnets', filename: 'main.tf', code: tfElb('  subnets = var.subnets', tfHttp) + 'variable "subnets" {\n  default = ["subnet-a", "subnet-b"]\n}\n' },
    { name: 'Terraform: two subnet_mapping blocks', filename: 'main.tf', code: tfElb('  subnet_mapping {\n    subnet_id = "subnet-a"\n  }\n  subnet_mapping {\n    subnet_id = "subnet-b"\n  }', tfHttp) },
    { name: 'Terraform: dynamic subnet_mapping blocks are unknown', filename: 'main.tf', code: tfElb('  subnet_mapping {\n    subnet_id = "subnet-a"\n  }\n  dynamic "subnet_mapping" {\n    for_each = var.more\n    content {\n      subnet_id = subnet_mapping.value\n    }\n  }', tfHttp) },
    { name: 'Terraform: the type from a variable without a value is unknown', filename: 'main.tf', code: tfElb('  load_balancer_type = var.type\n  subnets            = ["subnet-a"]', tfHttp) },
  ],
  invalid: [
    { name: 'one subnet, ALB by default', code: elb('      Subnets: [subnet-a]', http), errors: [{ messageId: 'tooFewSubnets', line: 6, column: 16, endLine: 6, endColumn: 26, message: /lists 1 subnet\(s\); an ALB needs subnets in at least 2/ }] },
    {
      name: 'one subnet mapping',
      code: elb('      Type: application\n      SubnetMappings:\n        - SubnetId: subnet-a', http),
      errors: [{ messageId: 'tooFewSubnets', line: 8, column: 9, endLine: 8, endColumn: 29 }],
    },
    {
      name: 'Terraform: one subnet, application by default',
      filename: 'main.tf',
      code: tfElb('  subnets = [aws_subnet.a.id]', tfHttp),
      errors: [{ messageId: 'tooFewSubnets', line: 2, column: 13, endLine: 2, endColumn: 30, severity: 'error', message: /lists 1 subnet\(s\); an ALB needs subnets in at least 2/ }],
    },
    {
      name: 'Terraform: aws_alb, the older name, with an empty list',
      filename: 'main.tf',
      code: tfElb('  load_balancer_type = "application"\n  subnets            = []', tfHttp).replace('resource "aws_lb" "main"', 'resource "aws_alb" "main"'),
      errors: [{ messageId: 'tooFewSubnets', line: 3, column: 3, endLine: 3, endColumn: 10, message: /lists 0 subnet\(s\)/ }],
    },
    {
      name: 'Terraform: one subnet_mapping block',
      filename: 'main.tf',
      code: tfElb('  subnet_mapping {\n    subnet_id = "subnet-a"\n  }', tfHttp),
      errors: [{ messageId: 'tooFewSubnets', line: 2, column: 3, endLine: 2, endColumn: 17 }],
    },
    {
      name: 'Terraform: a list from a variable default is reported where it is written',
      filename: 'main.tf',
      code: tfElb('  subnets = var.subnets', tfHttp) + 'variable "subnets" {\n  default = ["subnet-a"]\n}\n',
      errors: [{ messageId: 'tooFewSubnets', line: 15, column: 13, endLine: 15, endColumn: 25 }],
    },
    {
      name: 'Terraform: the one subnet comes from terraform.tfvars',
      filename: 'main.tf',
      code: tfElb('  subnets = [var.subnet]', tfHttp) + 'variable "subnet" {}\n',
      workspace: [{ filename: 'terraform.tfvars', code: 'subnet = "subnet-a"\n' }],
      errors: [{ messageId: 'tooFewSubnets', line: 2, column: 13, endLine: 2, endColumn: 25 }],
    },
  ],
});
