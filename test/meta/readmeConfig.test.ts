/** The README's sample `.berthrc.yaml` blocks are read by the real config reader without a problem or a warning. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { readBerthrc } from '../../server/src/core/config/berthrc';
import { isKnownRuleId } from '../../server/src/io/berthrc';

const SECTIONS = ['rules', 'exclude', 'limits', 'deploy'];

/** Every ```yaml block whose first key is a .berthrc.yaml section, with its line in the README. */
function berthrcBlocks(readme: string): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = [];
  for (const match of readme.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)) {
    const firstKey = /^([A-Za-z]+):/m.exec(match[1]!)?.[1];
    if (firstKey && SECTIONS.includes(firstKey)) blocks.push({ line: readme.slice(0, match.index).split('\n').length + 1, text: match[1]! });
  }
  return blocks;
}

it('every sample .berthrc.yaml in the README reads without problems or warnings (no unknown rule ids)', () => {
  const blocks = berthrcBlocks(readFileSync(join(__dirname, '../../README.md'), 'utf8'));
  assert.ok(blocks.length >= 2, 'the README shows the rules/exclude/limits sample and the deploy targets sample');
  for (const block of blocks) {
    const read = readBerthrc(block.text, { isKnownRule: isKnownRuleId });
    const problems = [...read.errors, ...read.warnings, ...read.targetErrors].map((p) => p.message);
    assert.deepEqual(problems, [], `README.md, the yaml block at line ${block.line}`);
  }
});
