import { pinRule } from './shared/pinRule';

export default pinRule({
  id: 'dockerfile/require-npm-pin',
  managers: ['npm'],
  command: 'npm install',
  reference: 'https://docs.npmjs.com/cli/commands/npm-install',
  howToPin: 'Pin it as {name}@<version>.',
});
