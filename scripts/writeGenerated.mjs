// @ts-check
// Writes a generated file, or with `check` only compares it (exit 1 when it is out of date).
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * `summary` follows "wrote <target>" after a write, e.g. "(3 types, 163 KB)".
 * @param {string} target @param {string} text @param {boolean} check @param {string} summary
 */
export function writeOrCheck(target, text, check, summary) {
  if (check) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      /* missing */
    }
    if (current !== text) {
      console.error(`${target} is out of date; regenerate it.`);
      process.exit(1);
    }
    console.log(`${target} is up to date.`);
    return;
  }
  writeFileSync(target, text);
  console.log(`wrote ${target} ${summary}`);
}
