import type { Add } from 'dockerfile-ast';
import { flagsOf } from '../../model/dockerfile';
import { defineRule } from '../defineRule';

const REMOTE = /^(https?:\/\/|git@|git:\/\/|ssh:\/\/)/i;
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst|gz|bz2|xz|zst)$/i;
/** Flags only ADD understands: replacing ADD with COPY would drop their meaning. */
const ADD_ONLY_FLAGS = ['checksum', 'keep-git-dir', 'unpack'];

export default defineRule({
  id: 'dockerfile/prefer-copy',
  kinds: ['dockerfile'],
  severity: 'warning',
  docs: {
    summary: 'Prefer COPY to ADD for local files and folders',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.docker.com/build/building/best-practices/#add-or-copy',
  },
  messages: {
    preferCopy:
      'ADD copies {source} like COPY, but also downloads URLs and unpacks local archives, so a file renamed to .tar.gz later changes what the image contains. Use COPY for local files and folders; keep ADD for URLs and archives you mean to unpack.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    for (const instruction of model.ast.getInstructions()) {
      if (instruction.getKeyword() !== 'ADD') continue;
      const add = instruction as Add;
      const exec = model.execWords(add);
      const args = exec ? exec.map((w) => w.text) : add.getArguments().map((a) => a.getValue());
      if (args.length < 2 || args.some((a) => a.startsWith('<<'))) continue;
      const sources = args.slice(0, -1);
      if (sources.some((s) => REMOTE.test(s) || ARCHIVE.test(s) || s.includes('$'))) continue;
      const keywordSpan = model.span(add.getInstructionRange());
      const safe = !ADD_ONLY_FLAGS.some((name) => flagsOf(add, name).length > 0);
      const written = ctx.text.slice(keywordSpan.start, keywordSpan.end);
      ctx.report({
        at: keywordSpan,
        messageId: 'preferCopy',
        data: { source: sources.join(' ') },
        fix: safe ? { title: 'Replace ADD with COPY', edits: [{ span: keywordSpan, newText: written === written.toLowerCase() ? 'copy' : 'COPY' }] } : undefined,
      });
    }
  },
});
