import { pinRule } from './shared/pinRule';

export default pinRule({
  id: 'dockerfile/require-apt-pin',
  managers: ['apt-get', 'apt'],
  command: 'apt-get install',
  reference: 'https://docs.docker.com/build/building/best-practices/#apt-get',
  howToPin: 'Pin it as {name}=<version> (e.g. curl=7.88.1-10+deb12u5).',
});
