import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectiveProperty } from '../../../server/src/core/model/template';
import { possibleValues, resolveString, resolveValue } from '../../../server/src/core/template/resolve';
import { templateOf } from './helpers';

const yaml = `Transform: AWS::Serverless-2016-10-31
Parameters:
  Env:
    Type: String
    Default: prod
  Size:
    Type: Number
    Default: '512'
  Subnets:
    Type: CommaDelimitedList
    Default: 'subnet-a, subnet-b'
  NoDefault:
    Type: String
Mappings:
  Regions:
    us-east-1:
      Ami: ami-123
    eu-west-1:
      Ami: ami-456
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Globals:
  Function:
    Runtime: python3.12
    MemorySize: !Ref Size
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
  Other:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
  V:
    Type: Test
    Properties:
      Literal: plain
      Number: 3
      RefDefault: !Ref Env
      RefNumber: !Ref Size
      RefList: !Ref Subnets
      RefNoDefault: !Ref NoDefault
      RefPseudo: !Ref AWS::Region
      Sub: !Sub 'site-\${Env}-\${!Literal}'
      SubMap: !Sub ['\${A}-\${B}', { A: x, B: !Ref Env }]
      SubAttr: !Sub '\${Fn.Arn}'
      SubRegion: !Sub '\${AWS::Region}'
      Map: !FindInMap [Regions, us-east-1, Ami]
      MapRegion: !FindInMap [Regions, !Ref AWS::Region, Ami]
      MapMissing: !FindInMap [Regions, ap-south-1, Ami]
      Join: !Join ['-', [a, !Ref Env, 1]]
      JoinUnknown: !Join ['-', [a, !Ref AWS::StackName]]
      Select: !Select [1, [x, y, z]]
      SelectOut: !Select [5, [x]]
      Split: !Split [',', 'a,b']
      SelectSplit: !Select [1, !Split ['-', !Sub '\${Env}-x']]
      SelectList: !Select [0, !Ref Subnets]
      If: !If [IsProd, big, small]
      IfNoValue: !If [IsProd, !Ref AWS::NoValue, small]
      IfUnknown: !If [IsProd, !Ref AWS::AccountId, small]
      Object: { A: 1, B: !If [IsProd, !Ref AWS::NoValue, 2] }
      GetAtt: !GetAtt Fn.Arn
`;

describe('static resolution', () => {
  const t = templateOf(yaml);
  const props = t.resourcesById.get('V')!.properties!;
  const r = (name: string) => resolveValue(t, props.value(name));

  it('literals are known and not assumed', () => {
    assert.deepEqual(r('Literal'), { kind: 'known', value: 'plain', assumedDefault: false });
    assert.deepEqual(r('Number'), { kind: 'known', value: 3, assumedDefault: false });
  });

  it('Ref to a parameter with a Default gives the Default, marked assumed', () => {
    assert.deepEqual(r('RefDefault'), { kind: 'known', value: 'prod', assumedDefault: true });
    assert.deepEqual(r('RefNumber'), { kind: 'known', value: 512, assumedDefault: true });
    assert.deepEqual(r('RefList'), { kind: 'known', value: ['subnet-a', 'subnet-b'], assumedDefault: true });
  });

  it('Ref to a parameter without Default, a pseudo-parameter or GetAtt is unknown', () => {
    for (const name of ['RefNoDefault', 'RefPseudo', 'GetAtt', 'SubAttr', 'SubRegion', 'JoinUnknown']) assert.deepEqual(r(name), { kind: 'unknown' }, name);
  });

  it('Sub with known parts, ${!Literal} kept literally, and a variable map', () => {
    assert.deepEqual(r('Sub'), { kind: 'known', value: 'site-prod-${Literal}', assumedDefault: true });
    assert.deepEqual(r('SubMap'), { kind: 'known', value: 'x-prod', assumedDefault: true });
  });

  it('FindInMap with literal keys; unknown keys or a missing entry stay unknown', () => {
    assert.deepEqual(r('Map'), { kind: 'known', value: 'ami-123', assumedDefault: false });
    assert.deepEqual(r('MapRegion'), { kind: 'unknown' });
    assert.deepEqual(r('MapMissing'), { kind: 'unknown' });
  });

  it('Join, Select and Split of known parts', () => {
    assert.deepEqual(r('Join'), { kind: 'known', value: 'a-prod-1', assumedDefault: true });
    assert.deepEqual(r('Select'), { kind: 'known', value: 'y', assumedDefault: false });
    assert.deepEqual(r('SelectOut'), { kind: 'unknown' });
    assert.deepEqual(r('Split'), { kind: 'known', value: ['a', 'b'], assumedDefault: false });
    assert.deepEqual(r('SelectSplit'), { kind: 'known', value: 'x', assumedDefault: true });
    assert.deepEqual(r('SelectList'), { kind: 'known', value: 'subnet-a', assumedDefault: true });
  });

  it('If gives both branches; AWS::NoValue is a branch of its own; an unknown branch makes it unknown', () => {
    assert.deepEqual(r('If'), {
      kind: 'either',
      values: [
        { value: 'big', assumedDefault: false },
        { value: 'small', assumedDefault: false },
      ],
    });
    assert.deepEqual(possibleValues(t, props.value('IfNoValue')), [
      { value: null, noValue: true, assumedDefault: false },
      { value: 'small', assumedDefault: false },
    ]);
    assert.deepEqual(r('IfUnknown'), { kind: 'unknown' });
    assert.deepEqual(possibleValues(t, props.value('Object'))?.map((a) => a.value), [{ A: 1 }, { A: 1, B: 2 }]);
  });

  it('resolveString refuses assumed defaults unless allowed', () => {
    assert.equal(resolveString(t, props.value('Literal')), 'plain');
    assert.equal(resolveString(t, props.value('RefDefault')), undefined);
    assert.equal(resolveString(t, props.value('RefDefault'), { allowAssumedDefault: true }), 'prod');
    assert.equal(resolveString(t, props.value('If')), undefined);
  });

  it('SAM Globals: a function property falls back to Globals and resolves there', () => {
    const fn = t.resourcesById.get('Fn')!;
    const other = t.resourcesById.get('Other')!;
    const runtime = effectiveProperty(t, fn, 'Runtime')!;
    assert.equal(runtime.fromGlobals, true);
    assert.equal(resolveString(t, runtime.pair.value), 'python3.12');
    assert.equal(resolveString(t, effectiveProperty(t, other, 'Runtime')!.pair.value), 'nodejs20.x');
    assert.equal(effectiveProperty(t, other, 'Runtime')!.fromGlobals, false);
    assert.deepEqual(resolveValue(t, effectiveProperty(t, fn, 'MemorySize')!.pair.value), { kind: 'known', value: 512, assumedDefault: true });
    assert.equal(effectiveProperty(t, fn, 'Timeout'), undefined);
    assert.equal(effectiveProperty(t, t.resourcesById.get('V')!, 'Runtime'), undefined);
  });

});
