resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "512"

  container_definitions = jsonencode([{
    name                   = "api"
    image                  = "public.ecr.aws/docker/library/python:3.13"
    essential              = true
    readonlyRootFilesystem = true
    portMappings           = [{ containerPort = 8000, hostPort = 8000 }]
  }])
}
