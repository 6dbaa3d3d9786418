/**
 * ECS Express Mode (model/express.ts): an Express service runs a Fargate task ECS writes from its settings, so the
 * task definition rules about what Express lets a user set fire on it with their own ids (their tables hold the
 * cases, from expressShapes.ts); here, the kind, the silence of the other rules, the schema, hover and completion.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyze, prepare } from '../../../../server/src/core/analyze';
import { completionsAt } from '../../../../server/src/core/features/completion';
import { hoverAt } from '../../../../server/src/core/features/hover';
import { loadHclParser } from '../../../../server/src/io/hclGrammar';
import { expressApi as api, expressCfn as cfn, expressTf as tf } from './expressShapes';

before(() => loadHclParser());

describe('ECS Express Mode: the document and what else it gets', () => {
  const ids = (filename: string, text: string) => analyze({ uri: `file:///w/${filename}`, text }).findings.map((f) => f.ruleId);

  it('create-express-gateway-service input is its own kind; a clean one has no finding (task-only rules stay silent)', () => {
    const text = api('\n  "executionRoleArn": "arn:aws:iam::123456789012:role/exec",\n  "cpu": "512",\n  "memory": "1024",', '"image": "nginx:1.27", "containerPort": 8080');
    assert.equal(prepare({ uri: 'file:///w/express.json', text }).kind, 'ecs-express-service');
    assert.deepEqual(ids('express.json', text), []);
  });

  it('a template with only an Express service has no finding from the task definition rules', () => {
    assert.deepEqual(ids('template.yaml', cfn("\n      Cpu: '512'\n      Memory: '1024'")), []);
  });

  it('the schema rule reports a key the Express API does not have', () => {
    const findings = analyze({ uri: 'file:///w/express.json', text: api('\n  "desiredCount": 2,') }).findings;
    assert.deepEqual(findings.map((f) => f.ruleId), ['schema/valid-api-input']);
  });

  it('hover on memory lists the Fargate sizes for the cpu set (API and CloudFormation)', () => {
    const text = api('\n  "cpu": "512",\n  "memory": "1024",');
    const md = hoverAt(prepare({ uri: 'file:///w/express.json', text }), text.indexOf('"memory"') + 2)!.markdown;
    assert.ok(md.includes('Fargate memory with cpu 512 (0.5 vCPU): 1024–4096 MiB in steps of 1024.'), md);
    const yaml = cfn("\n      Cpu: '2048'\n      Memory: '4096'");
    const cfnMd = hoverAt(prepare({ uri: 'file:///w/template.yaml', text: yaml }), yaml.indexOf('Memory:') + 2)!.markdown;
    assert.ok(cfnMd.includes('Fargate memory with cpu 2048 (2 vCPU):'), cfnMd);
    const port = api('', '"image": "nginx:1.27", "containerPort": 8080');
    assert.ok(hoverAt(prepare({ uri: 'file:///w/express.json', text: port }), port.indexOf('"containerPort"') + 2)!.markdown.includes('Range: 0–65535'));
  });

  it('Terraform: a clean aws_ecs_express_gateway_service has no finding; hover documents its arguments with the Express API', () => {
    const text = tf('\n  execution_role_arn      = aws_iam_role.exec.arn\n  cpu                     = "512"\n  memory                  = "1024"', '    image          = "nginx:1.27"\n    container_port = 8080\n\n    secret {\n      name       = "T"\n      value_from = "arn:aws:ssm:us-east-1:123456789012:parameter/t"\n    }');
    assert.deepEqual(ids('main.tf', text), []);
    const doc = prepare({ uri: 'file:///w/main.tf', text });
    assert.equal(doc.model?.expressServices?.length, 1);
    const hover = (word: string) => hoverAt(doc, text.indexOf(word) + 2)!.markdown;
    assert.ok(hover('memory  ').includes('Fargate memory with cpu 512 (0.5 vCPU): 1024–4096 MiB in steps of 1024.'));
    assert.match(hover('value_from'), /^\*\*value_from\*\* \(`valueFrom` in the ECS API\)/);
    assert.match(hover('infrastructure_role_arn'), /CreateExpressGatewayService only\./);
  });

  it('completion offers the Fargate memory sizes for the cpu set (API and CloudFormation)', () => {
    const at = (filename: string, text: string) => {
      const offset = text.indexOf('|');
      const clean = text.slice(0, offset) + text.slice(offset + 1);
      return completionsAt(prepare({ uri: `file:///w/${filename}`, text: clean }), offset, {}).map((e) => e.label);
    };
    assert.deepEqual(at('express.json', api('\n  "cpu": "1024",\n  "memory": "|",')), ['2048', '3072', '4096', '5120', '6144', '7168', '8192']);
    assert.deepEqual(at('template.yaml', cfn("\n      Cpu: '256'\n      Memory: |")), ['512', '1024', '2048']);
  });
});
