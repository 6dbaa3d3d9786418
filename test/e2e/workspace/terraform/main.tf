# A Fargate task definition with a size Fargate does not offer: 0.25 vCPU takes at most 2 GB.
resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "4096"
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"

  container_definitions = jsonencode([
    {
      name                   = "web"
      image                  = "public.ecr.aws/nginx/nginx:1.27"
      essential              = true
      readonlyRootFilesystem = true
      portMappings           = [{ containerPort = 80, hostPort = 80 }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/web"
          awslogs-region        = "eu-west-1"
          awslogs-stream-prefix = "web"
        }
      }
    }
  ])
}
