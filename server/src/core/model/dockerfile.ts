import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import type { Span } from '../parse/tree';
import type { LineIndex } from '../text/lineIndex';

/** A Dockerfile parsed by dockerfile-ast, plus the offset conversion its line/character ranges need. */
export interface DockerfileModel {
  readonly ast: Dockerfile;
  /** dockerfile-ast speaks LSP ranges; rules report spans (offsets). */
  span(range: { start: { line: number; character: number }; end: { line: number; character: number } }): Span;
}

export function buildDockerfile(text: string, lines: LineIndex): DockerfileModel {
  const ast = DockerfileParser.parse(text);
  return {
    ast,
    span: (range) => ({ start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) }),
  };
}
