/** Local Lambda code measured at the edge (sparse files and a hand-made zip keep the test small on disk). */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { measureLocalPath, zipUncompressedSize } from '../../server/src/io/measure';
import { buildCli, runCli } from './cliHarness';

const MB = 1024 * 1024;

/** A one-entry zip whose central directory claims `uncompressed` bytes. */
function zipClaiming(uncompressed: number): Buffer {
  const name = Buffer.from('index.js');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(uncompressed, 24);
  central.writeUInt16LE(name.length, 28);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(local.length + name.length, 16);
  return Buffer.concat([local, name, central, name, eocd]);
}

describe('measuring local code', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'berth-size-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('sums a folder, stopping early once it is over the limit', () => {
    mkdirSync(join(dir, 'big/sub'), { recursive: true });
    writeFileSync(join(dir, 'big/a.txt'), 'x');
    truncateSync(join(dir, 'big/a.txt'), 200 * MB);
    writeFileSync(join(dir, 'big/sub/b.txt'), 'y');
    truncateSync(join(dir, 'big/sub/b.txt'), 150 * MB);
    const info = measureLocalPath(join(dir, 'big'), { stopAboveBytes: 300 * MB, maxFiles: 100 });
    assert.deepEqual(info, { kind: 'folder', bytes: 350 * MB, partial: true });
    assert.deepEqual(measureLocalPath(join(dir, 'nothing-here')), { kind: 'missing', bytes: 0 });
  });

  it("reads a zip's unzipped size from its central directory", () => {
    writeFileSync(join(dir, 'fn.zip'), zipClaiming(260 * MB));
    assert.equal(zipUncompressedSize(join(dir, 'fn.zip')), 260 * MB);
    writeFileSync(join(dir, 'not.zip'), 'plain text');
    assert.equal(zipUncompressedSize(join(dir, 'not.zip')), undefined);
  });
});

describe('berth lint: local Lambda code over the unzipped package limit', () => {
  let project: string;
  before(async () => {
    await buildCli();
    project = mkdtempSync(join(tmpdir(), 'berth-size-project-'));
    mkdirSync(join(project, 'build'));
    writeFileSync(join(project, 'build/vendor.bin'), '');
    truncateSync(join(project, 'build/vendor.bin'), 320 * MB);
    writeFileSync(
      join(project, 'template.yaml'),
      'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.13\n      Handler: app.handler\n      CodeUri: build/\n',
    );
  });
  after(() => rmSync(project, { recursive: true, force: true }));

  it('warns on the CodeUri, with the measured size', () => {
    const result = runCli(['lint', 'template.yaml'], project);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.lines.filter((l) => l.includes('[lambda/valid-package-size]')), [
      'template.yaml:8:16: warning: The code folder build/ holds more than 320 MB, over the 250 MB Lambda allows for an unzipped deployment package (layers included), so the deployment is likely to be rejected. Leave out what the function does not need (tests, dev dependencies), move libraries into layers, or ship a container image (up to 10 GB). [lambda/valid-package-size]',
    ]);
  });
});
