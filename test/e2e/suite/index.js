// Entry point loaded by VS Code's extension host (extensionTestsPath): runs every *.test.js here.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { run } = require('./runner');

exports.run = () => run(
  fs.readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(__dirname, f)),
);
