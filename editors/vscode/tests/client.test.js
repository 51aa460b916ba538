// The client starts `<python> -m netralrules lsp --stdio` with the settings as initialization
// options. VS Code and the LSP client library are replaced by stand-ins: this checks the wiring, not VS Code.
"use strict";

const test = require("node:test");
const assert = require("node:assert");
const Module = require("node:module");

const started = [];
const settings = { python: "${workspaceFolder}/.venv/bin/python", rulebookRoots: ["rules"], language: "en" };
const commands = {};
const vscode = {
  workspace: {
    workspaceFolders: [{ uri: { fsPath: "/work/repo" } }],
    getConfiguration: () => ({ get: (key) => settings[key] }),
    createFileSystemWatcher: (glob) => ({ glob }),
    onDidChangeConfiguration: () => ({ dispose() {} }),
  },
  commands: {
    registerCommand: (name, fn) => {
      commands[name] = fn;
      return { dispose() {} };
    },
    executeCommand: (name) => commands[name](),
  },
  window: { showErrorMessage: (message) => assert.fail(message) },
};
class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, serverOptions, clientOptions });
  }
  async start() {
    started.push(this);
  }
  async stop() {}
}
const stubs = { vscode, "vscode-languageclient/node": { LanguageClient, TransportKind: { stdio: 0 } } };
const load = Module._load;
Module._load = function (request, ...rest) {
  return request in stubs ? stubs[request] : load.call(this, request, ...rest);
};

test("activate starts the server from the configured Python over stdio", async () => {
  const extension = require("../extension.js");
  await extension.activate({ subscriptions: [] });
  assert.strictEqual(started.length, 1);
  const client = started[0];
  assert.strictEqual(client.serverOptions.command, "/work/repo/.venv/bin/python");
  assert.deepStrictEqual(client.serverOptions.args, ["-m", "netralrules", "lsp", "--stdio"]);
  assert.deepStrictEqual(client.clientOptions.initializationOptions, { rulebookRoots: ["rules"], language: "en" });
  assert.deepStrictEqual(client.clientOptions.documentSelector[0], { scheme: "file", language: "netralrules" });
  await commands["netralrules.restartServer"]();
  assert.strictEqual(started.length, 2);
});
