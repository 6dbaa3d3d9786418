/**
 * Elastic Load Balancing v2 facts.
 * Sources (checked 2026-11-23):
 * - Listener protocols per load balancer type: AWS::ElasticLoadBalancingV2::Listener `Protocol`
 *   (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-listener.html):
 *   "For Application Load Balancers, the supported protocols are HTTP and HTTPS. For Network Load Balancers, the
 *   supported protocols are TCP, TLS, UDP, TCP_UDP, QUIC, and TCP_QUIC."
 * - Certificates required for HTTPS and TLS listeners:
 *   https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html
 * - An Application Load Balancer needs subnets in at least two Availability Zones:
 *   https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html
 */

export type LoadBalancerType = 'application' | 'network' | 'gateway';

/** `Type` omitted means an Application Load Balancer. */
export const DEFAULT_LOAD_BALANCER_TYPE: LoadBalancerType = 'application';

export const LISTENER_PROTOCOLS: Readonly<Record<'application' | 'network', readonly string[]>> = {
  application: ['HTTP', 'HTTPS'],
  network: ['TCP', 'TLS', 'UDP', 'TCP_UDP', 'QUIC', 'TCP_QUIC'],
};

export const PROTOCOLS_NEEDING_CERTIFICATE: readonly string[] = ['HTTPS', 'TLS'];

export const ALB_MIN_SUBNETS = 2;
