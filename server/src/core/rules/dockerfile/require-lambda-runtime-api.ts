import { INTERPRETERS, LAMBDA_EXTENSIONS_DIR, LAMBDA_WEB_ADAPTER, LANGUAGE_IMAGES, RUNTIME_INTERFACE_CLIENTS, isLambdaBaseImage } from '../../facts/dockerfile';
import { argumentsSpan, commandWords, effectiveInstruction, flagsOf, rootFromOf, runCommands, type DockerfileModel } from '../../model/dockerfile';
import { baseName } from '../../parse/shell';
import { linkedTargets, type LambdaLink } from '../../workspace/dockerfileLinks';
import { defineRule } from '../defineRule';

const WHY =
  'Lambda starts the container and waits for it to ask the Lambda Runtime API for events; a process that never does makes every invoke fail (Runtime.InvalidEntrypoint or a timeout).';
const FIX =
  'Build on an AWS base image (public.ecr.aws/lambda/<runtime>), or install a runtime interface client (Python awslambdaric, Node.js aws-lambda-ric, …) and make it the ENTRYPOINT, e.g. ENTRYPOINT ["python", "-m", "awslambdaric"] with CMD ["app.handler"].';

export default defineRule({
  id: 'dockerfile/require-lambda-runtime-api',
  kinds: ['dockerfile'],
  severity: 'error',
  docs: {
    summary: 'Require images for Lambda to implement the Lambda Runtime API',
    concept: 'lambda-container-images',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/images-create.html',
  },
  messages: {
    noRuntimeClient: `Lambda function {function} runs this image, but it starts {what}, with no Lambda runtime interface client and not on an AWS Lambda base image. ${WHY} ${FIX}`,
    clientNotStarted: `Lambda function {function} runs this image, and a RUN installs a runtime interface client, but the image starts {what} instead of the client. ${WHY} Make the client the ENTRYPOINT, e.g. ENTRYPOINT ["python", "-m", "awslambdaric"] with CMD ["app.handler"].`,
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    const links = linkedTargets(ctx.uri, ctx.workspace).filter((l): l is LambdaLink => l.kind === 'lambda');
    // An ImageConfig.EntryPoint replaces the image's entrypoint: the Dockerfile alone cannot tell.
    const judged = links.filter((l) => !l.imageEntryPointPair);
    const rootFrom = rootFromOf(model);
    const image = rootFrom?.getImage();
    if (judged.length === 0 || !rootFrom || !image || image.includes('$') || isLambdaBaseImage(image)) return;
    if (copiesWebAdapter(model)) return;

    const entrypoint = effectiveInstruction(model, 'ENTRYPOINT');
    const cmd = effectiveInstruction(model, 'CMD');
    const mentionsClient = (text: string) => RUNTIME_INTERFACE_CLIENTS.some((re) => re.test(text));
    let at;
    let what: string;
    const starter = entrypoint ?? cmd;
    if (starter) {
      const words = commandWords(model, starter);
      if (words.some((w) => mentionsClient(w.text))) return;
      const program = baseName(words[0]?.text ?? '').replace(/[\d.]+$/, '');
      // A binary or script may embed the client (Go, Rust, .NET): only interpreters are judged.
      if (!INTERPRETERS.has(program)) return;
      at = argumentsSpan(model, starter);
      what = `${words.map((w) => w.text).join(' ')} (${starter.getKeyword()})`;
    } else {
      const repository = (rootFrom.getImageName() ?? '').split('/').pop() ?? '';
      const range = rootFrom.getImageRange();
      if (!LANGUAGE_IMAGES.has(repository) || !range) return;
      at = model.span(range);
      what = `the default command of ${image}`;
    }
    const installsClient = runCommands(model, model.finalChain).some((r) => r.command.words.some((w) => mentionsClient(w.text)));
    for (const link of judged) {
      ctx.report({
        at,
        messageId: installsClient ? 'clientNotStarted' : 'noRuntimeClient',
        data: { function: link.logicalId, what },
        related: [{ at: link.span, uri: link.uri, message: `Lambda function ${link.logicalId} runs the image built from this Dockerfile.` }],
      });
    }
  },
});

/**
 * The image copies the Lambda Web Adapter into /opt/extensions/ (COPY --from=…/aws-lambda-adapter:… /lambda-adapter
 * /opt/extensions/lambda-adapter): the adapter answers the Runtime API for the web app the image starts.
 */
function copiesWebAdapter(model: DockerfileModel): boolean {
  return model.finalChain.some((stage) =>
    stage.instructions.some((instruction) => {
      const keyword = instruction.getKeyword();
      if (keyword !== 'COPY' && keyword !== 'ADD') return false;
      const words = model.execWords(instruction)?.map((w) => w.text) ?? instruction.getArguments().map((a) => a.getValue());
      const destination = words[words.length - 1] ?? '';
      if (!destination.startsWith(LAMBDA_EXTENSIONS_DIR)) return false;
      const from = flagsOf(instruction, 'from').map((f) => f.getValue() ?? '');
      return [...from, ...words].some((w) => LAMBDA_WEB_ADAPTER.test(w));
    }),
  );
}
