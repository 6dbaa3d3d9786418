import { pinRule } from './shared/pinRule';

export default pinRule({
  id: 'dockerfile/require-apk-pin',
  managers: ['apk'],
  command: 'apk add',
  reference: 'https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper',
  howToPin: 'Pin it as {name}=<version> or {name}~<minor>.',
});
