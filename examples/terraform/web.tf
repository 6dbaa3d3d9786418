# The web service runs on the cluster's EC2 instances in bridge mode (network_mode omitted).
resource "aws_ecs_task_definition" "web" {
  family = "shop-web"
  # The container definitions live in their own JSON file (web-containers.json).
  container_definitions = file("${path.module}/web-containers.json")
}

resource "aws_ecs_service" "web" {
  name                              = "shop-web"
  cluster                           = var.cluster_arn
  task_definition                   = aws_ecs_task_definition.web.arn
  desired_count                     = 2
  health_check_grace_period_seconds = 30

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "web"
    container_port   = 80
  }
}
