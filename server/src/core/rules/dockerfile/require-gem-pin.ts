import { pinRule } from './shared/pinRule';

export default pinRule({
  id: 'dockerfile/require-gem-pin',
  managers: ['gem'],
  command: 'gem install',
  reference: 'https://guides.rubygems.org/command-reference/#gem-install',
  howToPin: 'Pin it as {name}:<version> or -v <version>.',
});
