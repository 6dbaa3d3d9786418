# The load balancer in front of both services.
resource "aws_lb" "main" {
  name               = "shop"
  load_balancer_type = "application"
  subnets            = var.public_subnet_ids
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.main.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

# The web tasks run in bridge mode on EC2 instances: they register as instances.
resource "aws_lb_target_group" "web" {
  name     = "shop-web"
  port     = 80
  protocol = "HTTP"
  vpc_id   = var.vpc_id
}

# The api tasks run on Fargate in awsvpc mode (api.tf). Deliberate: no target_type, which means instance.
resource "aws_lb_target_group" "api" {
  name     = "shop-api"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = var.vpc_id
}
