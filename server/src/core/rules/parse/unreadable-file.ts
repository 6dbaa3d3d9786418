import { defineFrontEndRule } from '../defineRule';

/** Reported by `berth lint` itself (cli/lint.ts) for a path it cannot read; the editor's index logs such files instead. */
export default defineFrontEndRule({
  id: 'parse/unreadable-file',
  severity: 'error',
  docs: { summary: 'Require every file and folder that berth lint is given to be readable' },
  messages: {
    file: 'This file cannot be read ({reason}); it was not checked.',
    folder: 'This folder cannot be read ({reason}); the files in it were not checked.',
  },
});
