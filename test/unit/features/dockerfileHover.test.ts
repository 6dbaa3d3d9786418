import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepare } from '../../../server/src/core/analyze';
import { dockerfileHoverAt } from '../../../server/src/core/features/dockerfileHover';

const TEXT = 'FROM public.ecr.aws/lambda/python:3.13\nUSER 1000\nEXPOSE 8080\nFROM node:20.18\nRUN echo hi\n';
const doc = prepare({ uri: 'file:///w/Dockerfile', text: TEXT });
const at = (needle: string) => dockerfileHoverAt(doc, TEXT.indexOf(needle) + 1);

describe('Dockerfile AWS hovers', () => {
  it('explains Lambda base images on FROM', () => {
    const hover = at('FROM public')!;
    assert.match(hover.markdown, /^`public\.ecr\.aws\/lambda\/python:3\.13` is an AWS base image for Lambda/);
    assert.match(hover.markdown, /\*\*Berth: /);
    assert.deepEqual(hover.span, { start: 0, end: TEXT.indexOf('\n') });
  });

  it('explains EXPOSE under each ECS network mode, and USER', () => {
    assert.match(at('EXPOSE')!.markdown, /^ECS ignores `EXPOSE`.*`awsvpc`.*`bridge`/s);
    assert.match(at('USER')!.markdown, /readonlyRootFilesystem/);
  });

  it('stays silent on other images and instructions (generic help is Docker\'s)', () => {
    assert.equal(at('FROM node'), undefined);
    assert.equal(at('RUN echo'), undefined);
  });
});
