// Terraform inputs and floors: generated .tf modules of about n lines (task definitions with jsonencode() container
// definitions, services, Lambda functions, SQS queues), the bare tree-sitter parse of such a file (the floor the
// edit → diagnostics time is compared with), and the WASM's first load in a fresh process.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const BLOCKS = [
  (i) => `resource "aws_ecs_task_definition" "app${i}" {
  family                   = "app${i}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([
    {
      name         = "web"
      image        = "public.ecr.aws/nginx/nginx:1.27"
      essential    = true
      memoryReservation = 64
      portMappings = [{ containerPort = 8080, hostPort = 8080 }]
    }
  ])
}
`,
  (i) => `resource "aws_ecs_service" "app${i}" {
  name            = "app${i}"
  cluster         = var.cluster_arn
  task_definition = aws_ecs_task_definition.app${i}.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  network_configuration {
    subnets = var.subnet_ids
  }
}
`,
  (i) => `resource "aws_lambda_function" "fn${i}" {
  function_name = "fn${i}"
  role          = var.role_arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "fn.zip"
  memory_size   = 512
  timeout       = 30
}
`,
  (i) => `resource "aws_sqs_queue" "q${i}" {
  name                       = "q${i}"
  visibility_timeout_seconds = 180
}
`,
];

/** A module's main.tf of about `lines` lines. */
export function terraformOfLines(lines) {
  let text = 'variable "cluster_arn" {\n  type = string\n}\n\nvariable "subnet_ids" {\n  type = list(string)\n}\n\nvariable "role_arn" {\n  type = string\n}\n\n';
  for (let i = 0; text.split('\n').length < lines; i++) text += `${BLOCKS[i % BLOCKS.length](i)}\n`;
  return text;
}

const requireServer = (root) => createRequire(path.join(root, 'server', 'package.json'));

/** tree-sitter with the Terraform grammar, loaded in this process: the bare parse, freeing each tree. */
export async function bareTreeSitter(root) {
  const require = requireServer(root);
  const { Parser, Language } = require('web-tree-sitter');
  await Parser.init({ wasmBinary: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')) });
  const parser = new Parser();
  parser.setLanguage(await Language.load(readFileSync(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'))));
  return (text) => parser.parse(text).delete();
}

/** The WASM's first load (runtime + grammar) in a fresh node process, `runs` times: milliseconds each. */
export function wasmFirstLoad(root, runs) {
  const require = requireServer(root);
  const script = `
const t = performance.now();
const { Parser, Language } = require(${JSON.stringify(require.resolve('web-tree-sitter'))});
const { readFileSync } = require('node:fs');
Parser.init({ wasmBinary: readFileSync(${JSON.stringify(require.resolve('web-tree-sitter/web-tree-sitter.wasm'))}) })
  .then(() => Language.load(readFileSync(${JSON.stringify(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'))})))
  .then(() => process.stdout.write(String(performance.now() - t)));`;
  return Array.from({ length: runs }, () => Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
}
