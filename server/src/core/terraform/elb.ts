/**
 * Terraform's ELBv2 resources → the one ELB model (model/elb.ts): aws_lb, aws_lb_listener, aws_lb_target_group
 * and their aws_alb* aliases. Arguments are snake_case; `load_balancer_type` and `subnet_mapping` are named in
 * facts/terraform.ts; a target group's health check port is `health_check { port }`.
 */
import { TERRAFORM_NAMES } from '../facts/terraform';
import type { Listener, LoadBalancer, SubnetList, TargetGroup } from '../model/elb';
import { ObjView } from '../model/located';
import { hasDynamicBlock, referencedAddress, resourceLabelPair, type ResolvedResource } from './resources';

function view(r: ResolvedResource): ObjView {
  return new ObjView(r.body, 'snake', TERRAFORM_NAMES[r.resource.type]);
}

function origin(r: ResolvedResource, raw: ObjView) {
  return { shape: 'terraform', logicalId: r.resource.address, anchor: resourceLabelPair(r.resource), raw } as const;
}

export function loadBalancerFromTerraform(r: ResolvedResource): LoadBalancer {
  const v = view(r);
  const subnetLists: SubnetList[] = [];
  const subnets = v.pair('subnets');
  // A list from a variable or a `for` expression is unknown; each item is one subnet, even an expression.
  if (subnets?.value.kind === 'array') subnetLists.push({ at: subnets.value.items.length ? subnets.value : subnets, count: subnets.value.items.length });
  const mappings = v.node.pairs.filter((p) => p.key === v.key('subnetMappings'));
  const blocks = mappings.flatMap((p) => (p.value.kind === 'array' ? p.value.items : [p.value]));
  // `dynamic "subnet_mapping"` adds blocks Berth cannot count.
  if (mappings.length > 0 && !hasDynamicBlock(v, 'subnetMappings') && blocks.every((b) => b.kind === 'object')) subnetLists.push({ at: mappings[0]!, count: blocks.length });
  return { ...origin(r, v), type: v.str('type'), subnetLists };
}

export function listenerFromTerraform(r: ResolvedResource): Listener {
  const v = view(r);
  const certificate = v.value('certificateArn');
  return {
    ...origin(r, v),
    protocol: v.str('protocol'),
    loadBalancerRef: referencedAddress(v.value('loadBalancerArn')),
    hasCertificate: certificate !== undefined && !(certificate.kind === 'scalar' && (certificate.value === null || certificate.value === '')),
    certificateKey: v.key('certificateArn'),
  };
}

export function targetGroupFromTerraform(r: ResolvedResource): TargetGroup {
  const v = view(r);
  return {
    ...origin(r, v),
    targetType: v.str('targetType'),
    port: v.num('port'),
    protocol: v.str('protocol'),
    healthCheckPort: v.obj('healthCheck')?.str('port'),
  };
}
