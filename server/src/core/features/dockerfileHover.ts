import type { PreparedDocument } from '../analyze';
import { getConcept } from '../docs/concepts';
import { isLambdaBaseImage } from '../facts/dockerfile';
import type { Span } from '../parse/tree';

export interface DockerfileHover {
  readonly markdown: string;
  readonly span: Span;
}

/**
 * AWS-aware hovers in Dockerfiles only: what Lambda base images are, how EXPOSE maps under each ECS network
 * mode, why a non-root USER matters. Generic instruction help is left to Docker's own language server.
 */
export function dockerfileHoverAt(doc: PreparedDocument, offset: number): DockerfileHover | undefined {
  const model = doc.model?.dockerfile;
  if (!model) return undefined;
  for (const instruction of model.ast.getInstructions()) {
    const span = model.span(instruction.getRange());
    if (offset < span.start || offset > span.end) continue;
    const keyword = instruction.getKeyword().toUpperCase();
    if (keyword === 'FROM') {
      const image = instruction.getArguments().find((a) => !a.getValue().startsWith('--'))?.getValue();
      if (image && isLambdaBaseImage(image)) return explain('lambda-container-images', span, `\`${image}\` is an AWS base image for Lambda: it already contains the runtime interface client and sets the entrypoint, so \`CMD\` only names the handler, e.g. \`CMD ["app.handler"]\`.`);
      return undefined;
    }
    if (keyword === 'EXPOSE') {
      return explain(
        'network-modes',
        span,
        'ECS ignores `EXPOSE`: only the task definition\'s `portMappings` open ports. With `awsvpc` (Fargate) and `host`, the container port is the host port; with `bridge`, leave `hostPort` out (or 0) so ECS picks a free host port for each task and the load balancer learns it (dynamic port mapping).',
      );
    }
    if (keyword === 'USER') {
      return explain(
        'dockerfile-best-practices',
        span,
        'A non-root user limits what a compromised process can do. With `readonlyRootFilesystem: true` in the task definition the user needs no write access to the image either; give it a writable volume or `/tmp` for scratch files. Lambda base images set their own user.',
      );
    }
    return undefined;
  }
  return undefined;
}

function explain(conceptId: string, span: Span, lead: string): DockerfileHover {
  const concept = getConcept(conceptId);
  const more = concept ? `\n\n---\n**Berth: ${concept.title}.** ${concept.summary} [AWS docs](${concept.awsDocs})` : '';
  return { markdown: `${lead}${more}`, span };
}
