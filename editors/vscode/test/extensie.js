// The client without VS Code: `vscode` and the language client are stand-ins that record what
// extension.js asks of them. Checks that it starts `<regelwerk.pad> lsp` over stdio for .rw files,
// passes the delay to the server, and stops the client again.
"use strict";

const assert = require("assert");
const Module = require("module");
const path = require("path");

const started = [];
const settings = { pad: "/opt/regelwerk/.venv/bin/regelwerk", vertragingMs: 80 };
const fakes = {
  vscode: {
    workspace: {
      getConfiguration: (section) => {
        assert.strictEqual(section, "regelwerk");
        return { get: (key) => settings[key] };
      },
      createFileSystemWatcher: (glob) => ({ glob }),
      onDidChangeConfiguration: () => ({ dispose() {} }),
    },
    window: { showErrorMessage() {}, showInformationMessage() {} },
  },
  "vscode-languageclient/node": {
    TransportKind: { stdio: 0 },
    LanguageClient: class {
      constructor(id, name, server, client) {
        Object.assign(this, { id, name, server, client, running: false });
        started.push(this);
      }
      start() {
        this.running = true;
        return Promise.resolve();
      }
      stop() {
        this.running = false;
        return Promise.resolve();
      }
    },
  },
};
const load = Module._load;
Module._load = function (request, parent, isMain) {
  return request in fakes ? fakes[request] : load.call(this, request, parent, isMain);
};

(async () => {
  const extension = require(path.join(__dirname, "..", "extension.js"));
  const context = { subscriptions: [] };
  await extension.activate(context);
  assert.strictEqual(started.length, 1);
  const client = started[0];
  assert.deepStrictEqual(client.server.run, { command: settings.pad, args: ["lsp"], transport: 0 });
  assert.deepStrictEqual(client.client.documentSelector, [{ scheme: "file", language: "regelwerk" }]);
  assert.deepStrictEqual(client.client.initializationOptions, { vertraging_ms: 80 });
  assert.ok(client.running);
  await extension.deactivate();
  assert.ok(!client.running);
  console.log("extensie: start '" + settings.pad + " lsp' voor .rw-bestanden en stopt weer");
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
