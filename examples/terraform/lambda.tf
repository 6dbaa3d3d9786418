# A report function with deliberate mistakes (examples/README.md lists them):
# - memory_size 20000 MB is over Lambda's 10,240 MB maximum (the quick fix writes 10240);
# - python3.9 is a deprecated runtime (the quick fix moves it to the current Python);
# - its timeout comes from var.report_timeout, which lambda.auto.tfvars sets to 2400 s: over the 1,800 s
#   maximum. Berth reports it here, where it is used, and points at the value in lambda.auto.tfvars.

variable "report_timeout" {
  description = "Seconds a report may run."
  type        = number
  default     = 300
}

data "archive_file" "report" {
  type        = "zip"
  source_dir  = "${path.module}/src/report"
  output_path = "${path.module}/build/report.zip"
}

resource "aws_iam_role" "report" {
  name = "orders-report"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
  })
}

resource "aws_lambda_function" "report" {
  function_name    = "orders-report"
  role             = aws_iam_role.report.arn
  runtime          = "python3.9"
  handler          = "report.handler"
  filename         = data.archive_file.report.output_path
  source_code_hash = data.archive_file.report.output_base64sha256
  memory_size      = 20000
  timeout          = var.report_timeout

  environment {
    variables = {
      TABLE_NAME = "orders"
    }
  }
}
