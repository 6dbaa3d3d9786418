# A queue worker: the function may run 120 s, but the queue hides a message for only 60 s, so Lambda rejects
# the event source mapping (the quick fix sets visibility_timeout_seconds to 720, six times the timeout).

resource "aws_sqs_queue" "jobs" {
  name                       = "orders-jobs"
  visibility_timeout_seconds = 60
  message_retention_seconds  = 345600
}

resource "aws_lambda_function" "worker" {
  function_name = "orders-worker"
  role          = aws_iam_role.report.arn
  runtime       = "nodejs22.x"
  handler       = "worker.handler"
  filename      = data.archive_file.report.output_path
  memory_size   = 512
  timeout       = 120
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn                   = aws_sqs_queue.jobs.arn
  function_name                      = aws_lambda_function.worker.arn
  batch_size                         = 10
  maximum_batching_window_in_seconds = 5
}
