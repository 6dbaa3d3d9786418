/** Minimal Batch job definitions in each shape, for the Batch rule tests. */

/** RegisterJobDefinition JSON: top-level property lines, then containerProperties lines. */
export const api = (top: string[], container: string[]) => `{
  "jobDefinitionName": "etl",
  "type": "container",
${top.map((p) => `  ${p},`).join('\n')}
  "containerProperties": {
    "image": "busybox:1.36"${container.map((p) => `,\n    ${p}`).join('')}
  }
}`;

/** AWS::Batch::JobDefinition: property lines (6-space), then ContainerProperties lines (8-space). */
export const cfn = (top: string[], container: string[]) => `Resources:
  Job:
    Type: AWS::Batch::JobDefinition
    Properties:
      Type: container
${top.map((p) => `      ${p}\n`).join('')}      ContainerProperties:
        Image: busybox:1.36
${container.map((p) => `        ${p}\n`).join('')}`;

export const fargateApi = (container: string[]) => api(['"platformCapabilities": ["FARGATE"]'], container);
export const fargateCfn = (container: string[]) => cfn(['PlatformCapabilities: [FARGATE]'], container);
export const req = (vcpu: string, memory: string) => `"resourceRequirements": [{ "type": "VCPU", "value": "${vcpu}" }, { "type": "MEMORY", "value": "${memory}" }]`;
export const reqYaml = (vcpu: string, memory: string) => [`ResourceRequirements:`, `  - { Type: VCPU, Value: "${vcpu}" }`, `  - { Type: MEMORY, Value: "${memory}" }`];
