// Preloaded (NODE_OPTIONS=--require) by test/hostile/security.test.ts into every node process of a test run;
// it arms itself only in the language server (dist/server.js). Every way out to the network then throws,
// and each attempt, and the arming itself, is appended to the file named by BERTH_NO_NETWORK_LOG.
const path = require('node:path');
const fs = require('node:fs');

const main = process.argv[1] ? path.basename(process.argv[1]) : '';
const logFile = process.env.BERTH_NO_NETWORK_LOG;
if (main === 'server.js' && logFile) {
  const record = (line) => fs.appendFileSync(logFile, `${line}\n`);
  const deny = (name) =>
    function denied() {
      const stack = new Error().stack.split('\n').slice(2, 6).join(' <- ');
      record(`attempt ${process.pid} ${name} ${stack}`);
      throw new Error(`network access is disabled in this test (${name})`);
    };
  const net = require('node:net');
  const tls = require('node:tls');
  const http = require('node:http');
  const https = require('node:https');
  const dns = require('node:dns');
  const http2 = require('node:http2');
  net.connect = deny('net.connect');
  net.createConnection = deny('net.createConnection');
  net.Socket.prototype.connect = deny('net.Socket#connect');
  tls.connect = deny('tls.connect');
  http.request = deny('http.request');
  http.get = deny('http.get');
  https.request = deny('https.request');
  https.get = deny('https.get');
  http2.connect = deny('http2.connect');
  dns.lookup = deny('dns.lookup');
  dns.resolve = deny('dns.resolve');
  dns.promises.lookup = deny('dns.promises.lookup');
  dns.promises.resolve = deny('dns.promises.resolve');
  globalThis.fetch = deny('fetch');
  record(`armed ${process.pid}`);
}
