/**
 * Elastic Load Balancing v2 as one model for every shape: load balancers, listeners and target groups from
 * CloudFormation (AWS::ElasticLoadBalancingV2::*) and Terraform (aws_lb, aws_lb_listener, aws_lb_target_group and
 * their aws_alb* aliases; builders in terraform/elb.ts). The ECS rules (a service's target group) and the ELB rules
 * read it, so each is written once.
 */
import { DEFAULT_LOAD_BALANCER_TYPE, type LoadBalancerType } from '../facts/cfnElb';
import type { Node, Pair } from '../parse/tree';
import { refTarget } from './ecs';
import { ObjView, type Located } from './located';
import { resourcesOfType, type Resource, type Template } from './template';

export interface ElbModel {
  readonly loadBalancers: readonly LoadBalancer[];
  readonly listeners: readonly Listener[];
  readonly targetGroups: readonly TargetGroup[];
}

interface ElbResource {
  readonly shape: 'cfn' | 'terraform';
  /** CloudFormation logical id; Terraform resource address (`aws_lb.main`). */
  readonly logicalId: string;
  /** Where findings about the resource as a whole land: the logical id, or the Terraform name label. */
  readonly anchor: Pair;
  /** The properties (CloudFormation, PascalCase) or the resource body (Terraform, snake_case). */
  readonly raw: ObjView;
}

/** A list of subnets as written, and how many it names (each item is one subnet, even when an expression). */
export interface SubnetList {
  /** Where to report about the list: the list itself when it has items, else its pair (or the one block). */
  readonly at: Node | Pair;
  readonly count: number;
}

export interface LoadBalancer extends ElbResource {
  /** Type (CloudFormation) / load_balancer_type (Terraform) as written; absent means application. */
  readonly type?: Located<string>;
  /** Subnets and SubnetMappings (subnet_mapping blocks), each whose length is known. */
  readonly subnetLists: readonly SubnetList[];
}

export interface Listener extends ElbResource {
  readonly protocol?: Located<string>;
  /** The load balancer it belongs to, when named by reference in the same template or module. */
  readonly loadBalancerRef?: string;
  /** False when no certificate is written (or an empty list), true when one is or may be (an expression). */
  readonly hasCertificate: boolean;
  /** The argument that holds the default certificate, as the user names it: Certificates, certificate_arn. */
  readonly certificateKey: string;
}

export interface TargetGroup extends ElbResource {
  /** TargetType / target_type as written; absent means instance. */
  readonly targetType?: Located<string>;
  readonly port?: Located<number>;
  readonly protocol?: Located<string>;
  /** HealthCheckPort (CloudFormation) / health_check.port (Terraform); absent means traffic-port. */
  readonly healthCheckPort?: Located<string>;
}

export const EMPTY_ELB: ElbModel = { loadBalancers: [], listeners: [], targetGroups: [] };

/** The load balancer's type: as written, or application when omitted; undefined when unknown or not one of them. */
export function loadBalancerType(lb: LoadBalancer): LoadBalancerType | undefined {
  if (!lb.type) return DEFAULT_LOAD_BALANCER_TYPE;
  if (!lb.type.known) return undefined;
  return lb.type.value === 'application' || lb.type.value === 'network' || lb.type.value === 'gateway' ? lb.type.value : undefined;
}

export function listenerLoadBalancer(elb: ElbModel, listener: Listener): LoadBalancer | undefined {
  return listener.loadBalancerRef === undefined ? undefined : elb.loadBalancers.find((lb) => lb.logicalId === listener.loadBalancerRef);
}

export function targetGroupNamed(elb: ElbModel | undefined, logicalId: string | undefined): TargetGroup | undefined {
  return logicalId === undefined ? undefined : elb?.targetGroups.find((tg) => tg.logicalId === logicalId);
}

// ---- CloudFormation ---------------------------------------------------------------------------

const ELB = 'AWS::ElasticLoadBalancingV2::';

export function elbFromTemplate(template: Template): ElbModel {
  const of = (type: string) => resourcesOfType(template, ELB + type).map((r) => ({ r, v: propertiesOf(r) }));
  return {
    loadBalancers: of('LoadBalancer').map(({ r, v }) => ({
      ...origin(r, v),
      type: v.str('Type'),
      subnetLists: ['Subnets', 'SubnetMappings'].flatMap((name) => {
        const pair = v.pair(name);
        // A list from a parameter or Fn::If is unknown; each item may itself be an intrinsic (still one subnet).
        if (!pair || pair.value.kind !== 'array') return [];
        return [{ at: pair.value.items.length ? pair.value : pair, count: pair.value.items.length }];
      }),
    })),
    listeners: of('Listener').map(({ r, v }) => {
      const certificates = v.value('Certificates');
      return {
        ...origin(r, v),
        protocol: v.str('Protocol'),
        loadBalancerRef: refTarget(v.value('LoadBalancerArn')),
        hasCertificate: certificates !== undefined && !(certificates.kind === 'array' && certificates.items.length === 0),
        certificateKey: v.key('certificates'),
      };
    }),
    targetGroups: of('TargetGroup').map(({ r, v }) => ({
      ...origin(r, v),
      targetType: v.str('TargetType'),
      port: v.num('Port'),
      protocol: v.str('Protocol'),
      healthCheckPort: v.str('HealthCheckPort'),
    })),
  };
}

function propertiesOf(r: Resource): ObjView {
  return r.properties ?? new ObjView({ kind: 'object', span: (r.node ?? r.pair.value).span, pairs: [] }, 'pascal');
}

function origin(r: Resource, raw: ObjView): ElbResource {
  return { shape: 'cfn', logicalId: r.logicalId, anchor: r.pair, raw };
}
