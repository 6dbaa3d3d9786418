import type { ObjectNode, Pair } from '../parse/tree';
import { ObjView, type Located } from './located';

/**
 * One Lambda function, whichever shape it was written in. Values merged from SAM Globals or
 * serverless.yml `provider` keep the node where they were written, so findings land there.
 */
export interface LambdaFunction {
  readonly shape: 'api' | 'cfn' | 'sam' | 'serverless';
  readonly logicalId?: string;
  readonly raw: ObjView;
  readonly functionName?: Located<string>;
  readonly runtime?: Located<string>;
  readonly handler?: Located<string>;
  readonly memorySize?: Located<number>;
  readonly timeout?: Located<number>;
  readonly packageType?: Located<string>;
}

export function buildLambdaFromApi(node: ObjectNode): LambdaFunction {
  return fromPascal(node, 'api');
}

export function buildLambdaFromCfn(node: ObjectNode, logicalId: string, _resourcePair?: Pair): LambdaFunction {
  return { ...fromPascal(node, 'cfn'), logicalId };
}

function fromPascal(node: ObjectNode, shape: 'api' | 'cfn'): LambdaFunction {
  // Lambda's API and CloudFormation both use PascalCase property names.
  const v = new ObjView(node, 'camel');
  return {
    shape,
    raw: v,
    functionName: v.str('FunctionName'),
    runtime: v.str('Runtime'),
    handler: v.str('Handler'),
    memorySize: v.num('MemorySize'),
    timeout: v.num('Timeout'),
    packageType: v.str('PackageType'),
  };
}
