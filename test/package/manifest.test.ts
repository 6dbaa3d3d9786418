/** The extension manifest and the .vsix contents (what VS Code and code-server 4.100.3 will accept). */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DOCUMENT_KINDS } from '../../server/src/core/kinds/detect';
import { readZip } from '../helpers/zip';

const ROOT = join(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  publisher: string;
  engines: { vscode: string };
  main: string;
  bin: Record<string, string>;
  activationEvents: string[];
  workspaces: string[];
  version: string;
  icon: string;
  galleryBanner: { color: string; theme: string };
  repository: { type: string; url: string };
  bugs: { url: string };
  homepage: string;
  categories: string[];
  keywords: string[];
  devDependencies: Record<string, string>;
  contributes: { configuration: { properties: Record<string, unknown> } };
};

describe('extension manifest', () => {
  it('is named berth and installs into VS Code 1.100 (code-server 4.100.3)', () => {
    assert.equal(manifest.name, 'berth');
    assert.equal(manifest.publisher, 'berth');
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.match(manifest.devDependencies['@types/vscode']!, /^~?1\.100\./);
    assert.match(manifest.devDependencies['@vscode/vsce']!, /^\^3\./);
    assert.equal(manifest.main, './dist/client.js');
    assert.equal(manifest.bin.berth, 'dist/cli.js');
    assert.deepEqual(manifest.workspaces, ['client', 'server']);
  });

  it('activates only on the languages it serves (commands activate implicitly)', () => {
    assert.deepEqual(
      manifest.activationEvents.filter((e) => !e.startsWith('onCommand:') && !e.startsWith('onView:')),
      ['onLanguage:json', 'onLanguage:jsonc', 'onLanguage:yaml', 'onLanguage:dockerfile', 'onLanguage:terraform', 'onLanguage:terraform-vars', 'onLanguage:opentofu', 'onLanguage:opentofu-vars', 'onLanguage:hcl', 'workspaceContains:**/*.template'],
    );
  });

  it('contributes the Terraform language ids without a grammar, beside HashiCorp\'s extension', () => {
    const { languages, grammars } = (manifest as unknown as { contributes: { languages: { id: string; extensions: string[]; configuration?: string }[]; grammars: { language?: string }[] } }).contributes;
    // The ids and extensions HashiCorp's Terraform extension uses, so a .tf file is `terraform` with or without it;
    // no grammar for them (two grammars for one language: the last registered wins, and it would not be theirs).
    assert.deepEqual(languages.map((l) => [l.id, l.extensions]), [['terraform', ['.tf', '.tofu']], ['terraform-vars', ['.tfvars']]]);
    assert.deepEqual(grammars.filter((g) => g.language !== undefined), []);
    // Only comments and brackets, which merge with theirs field by field (VS Code's combineLanguageConfigurations).
    const configuration = JSON.parse(readFileSync(join(ROOT, languages[0]!.configuration!), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(configuration).sort(), ['brackets', 'comments']);
  });

  it('documents the berth.* settings the server reads', () => {
    for (const key of ['berth.rules', 'berth.exclude', 'berth.validation.debounceMs']) {
      assert.ok(manifest.contributes.configuration.properties[key], `missing setting ${key}`);
    }
  });

  it('berth.kinds is one object of ticks, one per kind the core detects (the Settings UI shows it as a list of checkboxes)', () => {
    const kinds = manifest.contributes.configuration.properties['berth.kinds'] as {
      type: string;
      additionalProperties: boolean;
      properties: Record<string, { type: string; default: boolean }>;
      default: Record<string, boolean>;
    };
    assert.equal(kinds.type, 'object');
    assert.equal(kinds.additionalProperties, false);
    assert.deepEqual(Object.keys(kinds.properties).sort(), [...DOCUMENT_KINDS].sort());
    for (const [kind, schema] of Object.entries(kinds.properties)) assert.deepEqual([schema.type, schema.default, kinds.default[kind]], ['boolean', true, true], kind);
    // Keys such as berth.kinds.ecs-service would read "Kinds: Ecs-service" in the Settings UI.
    assert.deepEqual(Object.keys(manifest.contributes.configuration.properties).filter((key) => key.startsWith('berth.kinds.')), []);
  });
});

/** The categories the Marketplace accepts (vsce's list, 3.x). */
const MARKETPLACE_CATEGORIES = [
  'AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps', 'Language Packs', 'Linters',
  'Machine Learning', 'Notebooks', 'Other', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization',
];

describe('marketplace listing', () => {
  it('has an icon (PNG, at least 128 x 128), a gallery banner, repository, bug tracker and homepage URLs', () => {
    const png = readFileSync(join(ROOT, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.ok(width >= 128 && width === height, `icon is ${width} x ${height}`);
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    assert.equal(manifest.repository.url, 'https://github.com/berth-tools/berth');
    assert.equal(manifest.bugs.url, `${manifest.repository.url}/issues`);
    assert.equal(manifest.homepage, `${manifest.repository.url}#readme`);
  });

  it('lists Marketplace categories and at most 30 keywords', () => {
    assert.deepEqual(manifest.categories.filter((c) => !MARKETPLACE_CATEGORIES.includes(c)), []);
    assert.ok(manifest.keywords.length > 0 && manifest.keywords.length <= 30);
    assert.equal(new Set(manifest.keywords).size, manifest.keywords.length);
  });

  it('the CHANGELOG has a section for this version', () => {
    assert.match(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## ${manifest.version.replace(/\./g, '\\.')}\\b`, 'm'));
  });

  it('vsce packages it offline without the missing-repository and licence escapes, with the links the listing shows', () => {
    assert.ok(existsSync(join(ROOT, 'dist/server.js')), 'build first (npm test does)');
    const out = join(mkdtempSync(join(tmpdir(), 'berth-vsix-')), 'berth.vsix');
    execFileSync(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '-o', out], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    const files = readZip(readFileSync(out));
    const vsixManifest = files.get('extension.vsixmanifest')!.toString('utf8');
    assert.match(vsixManifest, /<Icon>extension\/client\/media\/icon\.png<\/Icon>/);
    assert.match(vsixManifest, /Links\.Support" Value="https:\/\/github\.com\/berth-tools\/berth\/issues"/);
    assert.match(vsixManifest, /Branding\.Color" Value="#[0-9a-f]{6}"/i);
    assert.match(vsixManifest, /<License>extension\/LICENSE\.txt<\/License>/);
    assert.ok(files.has('extension/changelog.md'));
    // The README's relative links become absolute, so they work on the Marketplace page.
    const readme = files.get('extension/readme.md')!.toString('utf8');
    assert.doesNotMatch(readme, /\]\((?!https?:|#|mailto:)[^)]+\)/);
    assert.match(readme, /\]\(https:\/\/github\.com\/berth-tools\/berth\/blob\/HEAD\/server\/src\/core\/rules\//);
  });
});

describe('.vsix contents', () => {
  it('ships only dist/, schemas/, snippets/, syntaxes/, the icon, README, LICENSE, CHANGELOG and package.json', () => {
    assert.ok(existsSync(join(ROOT, 'dist/server.js')), 'build first (npm test does)');
    const listed = execFileSync(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const allowed = /^(dist\/(client|berthrc|server|cli|cli-main|deploy)\.js|dist\/(web-tree-sitter|tree-sitter-terraform)\.wasm|dist\/walkthrough\/[a-z-]+\.md|schemas\/.+\.json|snippets\/.+\.json|syntaxes\/.+\.json|client\/media\/icon\.png|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/;
    assert.deepEqual(listed.filter((f) => !allowed.test(f)), []);
    for (const required of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/client.js', 'dist/berthrc.js', 'dist/server.js', 'dist/cli.js', 'dist/cli-main.js', 'dist/web-tree-sitter.wasm', 'dist/tree-sitter-terraform.wasm']) {
      assert.ok(listed.includes(required), `${required} is missing from the .vsix`);
    }
    assert.ok(listed.some((f) => f.startsWith('schemas/api/')), 'schemas are missing from the .vsix');
    // Every file the manifest points at ships.
    const walkthroughs = (manifest as unknown as { contributes: { walkthroughs?: { steps: { media: { markdown?: string } }[] }[] } }).contributes.walkthroughs ?? [];
    for (const step of walkthroughs.flatMap((w) => w.steps)) {
      if (step.media.markdown) assert.ok(listed.includes(step.media.markdown), `${step.media.markdown} is missing from the .vsix`);
    }
    const snippets = (manifest as unknown as { contributes: { snippets?: { path: string }[] } }).contributes.snippets ?? [];
    for (const snippet of snippets) assert.ok(listed.includes(snippet.path.replace(/^\.\//, '')), `${snippet.path} is missing from the .vsix`);
  });
});

describe('bundles', () => {
  it('the server and the CLI never load the AWS SDK: only dist/deploy.js does, on the first deploy', () => {
    for (const bundle of ['dist/server.js', 'dist/cli.js', 'dist/cli-main.js', 'dist/client.js', 'dist/mcp.js', 'dist/action.js']) {
      const text = readFileSync(join(ROOT, bundle), 'utf8');
      assert.equal(/@aws-sdk\/|@smithy\//.test(text), false, `${bundle} contains AWS SDK code`);
    }
    assert.match(readFileSync(join(ROOT, 'dist/deploy.js'), 'utf8'), /@aws-sdk\/client-ecs/);
  });

  it('only dist/mcp.js holds the MCP SDK (berth mcp requires it on that command), and it holds no AWS SDK', () => {
    for (const bundle of ['dist/server.js', 'dist/cli.js', 'dist/cli-main.js', 'dist/client.js', 'dist/deploy.js', 'dist/action.js']) {
      assert.equal(/@modelcontextprotocol\/sdk/.test(readFileSync(join(ROOT, bundle), 'utf8')), false, `${bundle} contains the MCP SDK`);
    }
    const mcp = readFileSync(join(ROOT, 'dist/mcp.js'), 'utf8');
    assert.match(mcp, /@modelcontextprotocol\/sdk/);
    assert.equal(/@aws-sdk\/|@smithy\//.test(mcp), false, 'dist/mcp.js contains AWS SDK code');
  });

  it('dist/client.js holds no YAML parser: the .berthrc.yaml reader is dist/berthrc.js, required on first use, so activation does not load it', () => {
    // The `yaml` package's own message for an unresolved alias, in any build of it.
    const marker = /Unresolved alias \(the anchor must be set before the alias\)/;
    assert.match(readFileSync(join(ROOT, 'dist/berthrc.js'), 'utf8'), marker);
    assert.doesNotMatch(readFileSync(join(ROOT, 'dist/client.js'), 'utf8'), marker);
  });

  it('every bundle is ASCII-only (one other character makes V8 keep the whole source as UTF-16)', () => {
    for (const bundle of ['dist/server.js', 'dist/cli.js', 'dist/cli-main.js', 'dist/client.js', 'dist/berthrc.js', 'dist/deploy.js', 'dist/mcp.js', 'dist/action.js']) {
      const text = readFileSync(join(ROOT, bundle), 'utf8');
      const at = text.search(/[^\x00-\x7f]/);
      assert.equal(at, -1, `${bundle} has a non-ASCII character at offset ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`);
    }
  });
});
