/**
 * Package managers seen in Dockerfile RUNs, and which of their options take a value. Option names come from
 * each tool's manual (apt-get(8), apk(8), pip install --help, npm-install(1), gem install --help, dnf(8));
 * checked 2026-11-23.
 */
export type Manager = 'apt-get' | 'apt' | 'apk' | 'pip' | 'npm' | 'gem' | 'yum' | 'dnf';

/** Options that take a separate value, per manager (so the value is not taken for a package). */
export const OPTIONS_WITH_VALUE: Readonly<Record<Manager, ReadonlySet<string>>> = {
  'apt-get': new Set(['-o', '-c', '-t', '--option', '--config-file', '--target-release', '--default-release']),
  apt: new Set(['-o', '-c', '-t', '--option', '--config-file', '--target-release', '--default-release']),
  apk: new Set(['-X', '--repository', '-p', '--root', '--arch', '-t', '--virtual', '--repositories-file', '--keys-dir', '--cache-dir']),
  pip: new Set([
    '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target',
    '--prefix', '--root', '--trusted-host', '--platform', '--python-version', '--implementation', '--abi', '--src', '--upgrade-strategy', '--progress-bar',
    '--log', '--cache-dir', '--only-binary', '--no-binary', '--proxy', '--retries', '--timeout', '--cert', '--client-cert', '--global-option', '--config-settings', '-C',
  ]),
  npm: new Set(['--prefix', '--registry', '--cache', '-w', '--workspace', '--omit', '--include', '--tag']),
  gem: new Set(['-v', '--version', '-n', '--bindir', '-i', '--install-dir', '-s', '--source', '--platform', '-P', '--trust-policy', '--document', '--build-root']),
  yum: new Set(['-c', '--config', '--enablerepo', '--disablerepo', '--releasever', '--installroot', '--exclude', '-x', '--setopt']),
  dnf: new Set(['-c', '--config', '--enablerepo', '--disablerepo', '--releasever', '--installroot', '--exclude', '-x', '--setopt', '--repo', '--repoid']),
};

export const MANAGER_NAMES: Readonly<Record<string, Manager>> = {
  'apt-get': 'apt-get',
  apt: 'apt',
  apk: 'apk',
  pip: 'pip',
  npm: 'npm',
  gem: 'gem',
  yum: 'yum',
  dnf: 'dnf',
  microdnf: 'dnf',
  tdnf: 'dnf',
};
