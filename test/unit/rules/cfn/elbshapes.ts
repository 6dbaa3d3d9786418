/** A load balancer and one listener. */
export const elb = (lbProps: string, listenerProps: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  LB:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
${lbProps}
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref LB
      DefaultActions:
        - Type: forward
          TargetGroupArn: !Ref TG
${listenerProps}
`;

export const twoSubnets = '      Subnets: [subnet-a, subnet-b]';
