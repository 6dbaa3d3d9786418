import type { Env } from 'dockerfile-ast';
import { runCommands } from '../../model/dockerfile';
import type { ShellWord } from '../../parse/shell';
import { defineRule } from '../defineRule';

/** curl short options that take a value: letters after them in a bundle belong to the value. */
const CURL_VALUE_OPTIONS = new Set('ACDEHKPQTXbcdehmoruwxyz'.split(''));

/** Environment variables that switch certificate checks off, with the values that do it. */
const INSECURE_ENV: Readonly<Record<string, RegExp>> = {
  NODE_TLS_REJECT_UNAUTHORIZED: /^0$/,
  PYTHONHTTPSVERIFY: /^0$/,
  GIT_SSL_NO_VERIFY: /^(1|true|yes)$/i,
  CURL_INSECURE: /^(1|true|yes)$/i,
  NPM_CONFIG_STRICT_SSL: /^false$/i,
};

function curlInsecure(words: readonly ShellWord[]): ShellWord | undefined {
  for (const w of words.slice(1)) {
    if (w.text === '--insecure' || w.text === '-k') return w;
    if (/^-[A-Za-z]+$/.test(w.text)) {
      for (const letter of w.text.slice(1)) {
        if (letter === 'k') return w;
        if (CURL_VALUE_OPTIONS.has(letter)) break;
      }
    }
  }
  return undefined;
}

export default defineRule({
  id: 'dockerfile/no-insecure-tls',
  kinds: ['dockerfile'],
  severity: 'warning',
  docs: {
    summary: 'Disallow turning off TLS certificate checks',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.docker.com/build/building/best-practices/',
  },
  messages: {
    insecureFlag:
      '{what} turns off TLS certificate checks, so anyone on the network path can swap what is downloaded into this image. Remove it; if a private CA is the reason, install its certificate (e.g. COPY it to /usr/local/share/ca-certificates and run update-ca-certificates).',
    insecureEnv:
      '{name}={value} turns off TLS certificate checks for every process that reads it{scope}, so anyone on the network path can tamper with downloads and API calls. Remove it; install your CA certificate instead.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    for (const run of runCommands(model)) {
      const cmd = run.command;
      const words = cmd.words;
      let flag: ShellWord | undefined;
      if (cmd.name === 'curl') flag = curlInsecure(words);
      else if (cmd.name === 'wget') flag = words.find((w) => w.text === '--no-check-certificate');
      else if (/^pip[\d.]*$/.test(cmd.name) || /^python[\d.]*$/.test(cmd.name)) flag = words.find((w) => w.text === '--trusted-host' || w.text.startsWith('--trusted-host='));
      else if ((cmd.name === 'npm' || cmd.name === 'yarn') && words[1]?.text === 'config' && words[2]?.text === 'set') {
        const i = words.findIndex((w) => /^strict-ssl(=false)?$/.test(w.text));
        if (i !== -1 && (words[i]!.text === 'strict-ssl=false' || words[i + 1]?.text === 'false')) flag = words[i];
      } else if (cmd.name === 'git') {
        flag = words.find((w, i) => /^http\.sslverify=false$/i.test(w.text) || (/^http\.sslverify$/i.test(w.text) && words[i + 1]?.text === 'false'));
      }
      if (flag) ctx.report({ at: flag.span, messageId: 'insecureFlag', data: { what: `${cmd.name} ${flag.text}` } });
      for (const assignment of cmd.assignments) {
        const [name, ...rest] = assignment.text.split('=');
        const value = rest.join('=');
        if (name && INSECURE_ENV[name]?.test(value)) ctx.report({ at: assignment.span, messageId: 'insecureEnv', data: { name, value, scope: ' in this command' } });
      }
    }
    for (const instruction of model.ast.getInstructions()) {
      if (instruction.getKeyword() !== 'ENV') continue;
      for (const property of (instruction as Env).getProperties()) {
        const name = property.getName();
        const value = property.getValue();
        const range = property.getRange();
        if (value !== null && INSECURE_ENV[name]?.test(value)) ctx.report({ at: model.span(range), messageId: 'insecureEnv', data: { name, value, scope: ' in the image, at build time and at run time' } });
      }
    }
  },
});
