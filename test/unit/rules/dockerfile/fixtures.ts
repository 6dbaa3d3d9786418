/** Workspace files shared by the cross-file Dockerfile rule tests. */

export function samTemplate(options: { architectures?: string; command?: string; handler?: string; entryPoint?: string; context?: string } = {}): { filename: string; code: string } {
  const lines = [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  HelloFunction:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      PackageType: Image',
  ];
  if (options.architectures) lines.push(`      Architectures: [${options.architectures}]`);
  if (options.handler) lines.push(`      Handler: ${options.handler}`);
  if (options.command || options.entryPoint) lines.push('      ImageConfig:');
  if (options.command) lines.push(`        Command: ["${options.command}"]`);
  if (options.entryPoint) lines.push(`        EntryPoint: ["${options.entryPoint}"]`);
  lines.push('    Metadata:', `      DockerContext: ${options.context ?? './hello'}`, '      Dockerfile: Dockerfile', '');
  return { filename: 'template.yaml', code: lines.join('\n') };
}

export function taskDefinition(container: Record<string, unknown>, extra: Record<string, unknown> = {}): { filename: string; code: string } {
  return { filename: 'task.json', code: JSON.stringify({ family: 'web', ...extra, containerDefinitions: [{ name: 'web', image: 'web:1', ...container }] }, null, 2) };
}

export function serverlessYml(options: { architecture?: string; path?: string; file?: string } = {}): { filename: string; code: string } {
  const lines = [
    'service: hello',
    'provider:',
    '  name: aws',
    ...(options.architecture ? [`  architecture: ${options.architecture}`] : []),
    '  ecr:',
    '    images:',
    '      helloimage:',
    `        path: ${options.path ?? './hello'}`,
    ...(options.file ? [`        file: ${options.file}`] : []),
    'functions:',
    '  hello:',
    '    image:',
    '      name: helloimage',
    '',
  ];
  return { filename: 'serverless.yml', code: lines.join('\n') };
}
