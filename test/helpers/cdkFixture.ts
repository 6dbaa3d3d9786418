/**
 * The CDK app of test/fixtures/cdk/app with its synthesized cdk.out, copied to a temporary folder. The fixture
 * keeps `<app>` where `cdk synth` wrote the app's absolute path; the copy has its own path there, as a synth of
 * that folder would.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CDK_FIXTURE = join(__dirname, '..', 'fixtures', 'cdk', 'app');

export function cdkApp(): string {
  const app = join(mkdtempSync(join(tmpdir(), 'berth-cdk-')), 'app');
  cpSync(CDK_FIXTURE, app, { recursive: true });
  const out = join(app, 'cdk.out');
  for (const name of readdirSync(out).filter((n) => n.endsWith('.json'))) {
    writeFileSync(join(out, name), readFileSync(join(out, name), 'utf8').split('<app>').join(app));
  }
  return app;
}
