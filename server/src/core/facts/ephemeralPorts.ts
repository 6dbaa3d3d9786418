/**
 * Host ports Docker picks from for dynamic port mapping (hostPort 0 or absent, bridge network mode).
 * Source: PortMapping.hostPort, https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html
 * (the kernel's ip_local_port_range; on the ECS-optimized AMI 32768–61000; when it cannot be read, 49153–65535).
 * Checked 2026-11-23.
 */
export const EPHEMERAL_PORT_RANGE_ECS_AMI = { min: 32768, max: 61000 } as const;
export const EPHEMERAL_PORT_RANGE_FALLBACK = { min: 49153, max: 65535 } as const;
