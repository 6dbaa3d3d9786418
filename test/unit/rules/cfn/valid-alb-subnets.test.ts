import rule from '../../../../server/src/core/rules/cfn/valid-alb-subnets';
import { runRuleTests } from '../../../helpers/ruleTester';
import { elb } from './elbshapes';

const http = '      Port: 80\n      Protocol: HTTP';

runRuleTests(rule, {
  valid: [
    { name: 'two subnets', code: elb('      Subnets: [!Ref SubnetA, !Ref SubnetB]', http) },
    { name: 'an NLB may have one', code: elb('      Type: network\n      Subnets: [subnet-a]', http) },
    { name: 'a list parameter is unknown', code: elb('      Subnets: !Ref Subnets', http) },
  ],
  invalid: [
    { name: 'one subnet, ALB by default', code: elb('      Subnets: [subnet-a]', http), errors: [{ messageId: 'tooFewSubnets', line: 6, column: 16, endLine: 6, endColumn: 26, message: /lists 1 subnet\(s\); an ALB needs subnets in at least 2/ }] },
    {
      name: 'one subnet mapping',
      code: elb('      Type: application\n      SubnetMappings:\n        - SubnetId: subnet-a', http),
      errors: [{ messageId: 'tooFewSubnets', line: 8, column: 9, endLine: 8, endColumn: 29 }],
    },
  ],
});
