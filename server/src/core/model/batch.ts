import type { ObjectNode } from '../parse/tree';
import { ObjView, type KeyStyle, type Located } from './located';
import type { Origin } from './ecs';

/** An AWS Batch job definition: RegisterJobDefinition JSON or AWS::Batch::JobDefinition. */
export interface JobDefinition extends Origin {
  readonly raw: ObjView;
  readonly jobDefinitionName?: Located<string>;
  readonly type?: Located<string>;
  readonly platformCapabilities: Located<string>[];
  readonly containerProperties?: ObjView;
}

export function buildJobDefinition(node: ObjectNode, origin: Origin): JobDefinition {
  const style: KeyStyle = origin.shape === 'cfn' ? 'pascal' : 'camel';
  const v = new ObjView(node, style);
  return {
    ...origin,
    raw: v,
    jobDefinitionName: v.str('jobDefinitionName'),
    type: v.str('type'),
    platformCapabilities: v.strings('platformCapabilities'),
    containerProperties: v.obj('containerProperties'),
  };
}
