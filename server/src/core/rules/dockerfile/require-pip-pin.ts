import { pinRule } from './shared/pinRule';

export default pinRule({
  id: 'dockerfile/require-pip-pin',
  managers: ['pip'],
  command: 'pip install',
  reference: 'https://pip.pypa.io/en/stable/topics/repeatable-installs/',
  howToPin: 'Pin it as {name}==<version>, or a requirements/constraints file (-r / -c).',
});
