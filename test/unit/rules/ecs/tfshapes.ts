/**
 * Terraform shapes for the ECS rule tables: a task definition whose container definitions are written with
 * jsonencode(), in a heredoc, or in a JSON file read with file(); a service. Each starts on line 1 of its file.
 */

/** `aws_ecs_task_definition.app` with task-level arguments (one per line, indented) and jsonencode'd containers. */
export const tfTask = (args: string, containers: string) => `resource "aws_ecs_task_definition" "app" {
  family = "app"
${args}
  container_definitions = jsonencode(${containers})
}
`;

/** The same with the containers as JSON in a heredoc. */
export const tfTaskHeredoc = (args: string, json: string) => `resource "aws_ecs_task_definition" "app" {
  family = "app"
${args}
  container_definitions = <<-EOF
    ${json}
  EOF
}
`;

/** The same with the containers read from containers.json. */
export const tfTaskFile = (args: string) => `resource "aws_ecs_task_definition" "app" {
  family = "app"
${args}
  container_definitions = file("\${path.module}/containers.json")
}
`;

/** Fargate arguments that every Fargate rule accepts. */
export const fargate = `  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.execution.arn`;

/** `aws_ecs_service.app` running aws_ecs_task_definition.app, with extra arguments. */
export const tfService = (args: string) => `resource "aws_ecs_service" "app" {
  name            = "app"
  task_definition = aws_ecs_task_definition.app.arn
${args}
}
`;
