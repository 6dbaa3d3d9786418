/** ELBv2 helpers shared by the cfn/ load balancer rules. Pure. */
import { DEFAULT_LOAD_BALANCER_TYPE, type LoadBalancerType } from '../facts/cfnElb';
import type { Resource, Template } from '../model/template';
import { referenceGraph } from './graph';

/** The load balancer's type: `Type`, or application when omitted; undefined when given by an intrinsic. */
export function loadBalancerType(lb: Resource): LoadBalancerType | undefined {
  const type = lb.properties?.str('Type');
  if (!type) return DEFAULT_LOAD_BALANCER_TYPE;
  if (!type.known) return undefined;
  return type.value === 'application' || type.value === 'network' || type.value === 'gateway' ? type.value : undefined;
}

/** The template's load balancer a listener's LoadBalancerArn points at (`!Ref LB`). */
export function listenerLoadBalancer(template: Template, listener: Resource): Resource | undefined {
  const target = referenceGraph(template).resolveResourceRef(listener.properties?.value('LoadBalancerArn'));
  if (!target || target.via !== 'Ref') return undefined;
  const r = target.resource;
  return r.type?.known && r.type.value === 'AWS::ElasticLoadBalancingV2::LoadBalancer' ? r : undefined;
}
