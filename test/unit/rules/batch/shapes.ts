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

/**
 * aws_batch_job_definition in Terraform: argument lines (2-space) after name and type (lines 2–3), then
 * container_properties = jsonencode({…}) with its lines (4-space) after image (line 5 + top.length).
 */
export const tf = (top: string[], container: string[]) => `resource "aws_batch_job_definition" "job" {
  name = "etl"
  type = "container"
${top.map((p) => `  ${p}\n`).join('')}  container_properties = jsonencode({
    image = "busybox:1.36"
${container.map((p) => `    ${p}\n`).join('')}  })
}
`;

/** The same with container_properties as JSON in a heredoc: JSON lines (4-space) after "image" (line 5 + top.length). */
export const tfHeredoc = (top: string[], container: string[]) => `resource "aws_batch_job_definition" "job" {
  name = "etl"
  type = "container"
${top.map((p) => `  ${p}\n`).join('')}  container_properties = <<-EOF
    {
    "image": "busybox:1.36"${container.map((p) => `,\n    ${p}`).join('')}
    }
  EOF
}
`;

export const fargateTf = (container: string[]) => tf(['platform_capabilities = ["FARGATE"]'], container);
export const reqHcl = (vcpu: string, memory: string) => `resourceRequirements = [{ type = "VCPU", value = "${vcpu}" }, { type = "MEMORY", value = "${memory}" }]`;
