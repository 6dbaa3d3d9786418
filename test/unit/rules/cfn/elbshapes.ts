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

/** The same in Terraform: an aws_lb and one aws_lb_listener forwarding to a target group. */
export const tfElb = (lbArgs: string, listenerArgs: string) => `resource "aws_lb" "main" {
${lbArgs}
}

resource "aws_lb_listener" "front" {
  load_balancer_arn = aws_lb.main.arn
${listenerArgs}
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}
`;

export const tfTwoSubnets = '  subnets = [aws_subnet.a.id, aws_subnet.b.id]';
