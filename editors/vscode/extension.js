// The VS Code client of `netralrules lsp`: starts the server from the configured Python over
// stdio and hands it the `.nr` documents. Everything else (diagnostics, hover, completion,
// navigation, formatting, code actions, the rule-case lens) is the server's.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function serverOptions(config) {
  const folder = vscode.workspace.workspaceFolders ? vscode.workspace.workspaceFolders[0].uri.fsPath : undefined;
  const python = (config.get("python") || "python3").replace("${workspaceFolder}", folder || "");
  return {
    command: python,
    args: ["-m", "netralrules", "lsp", "--stdio"],
    transport: TransportKind.stdio,
    options: folder ? { cwd: folder } : undefined,
  };
}

async function start() {
  const config = vscode.workspace.getConfiguration("netralrules");
  client = new LanguageClient("netralrules", "netralrules", serverOptions(config), {
    documentSelector: [
      { scheme: "file", language: "netralrules" },
      { scheme: "untitled", language: "netralrules" },
    ],
    initializationOptions: {
      rulebookRoots: config.get("rulebookRoots") || [],
      language: config.get("language") || "auto",
    },
    synchronize: {
      // Rules files created or deleted outside the editor, and rule cases (for the code lens).
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{nr,yaml,yml}"),
    },
  });
  await client.start();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("netralrules.restartServer", async () => {
      if (client) {
        await client.stop();
      }
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("netralrules")) {
        await vscode.commands.executeCommand("netralrules.restartServer");
      }
    })
  );
  try {
    await start();
  } catch (error) {
    vscode.window.showErrorMessage(
      `netralrules: server bahasa tidak dapat dijalankan / the language server could not start (${error}). ` +
        "Pasang / install: pip install 'netralrules[lsp]', lalu atur / then set netralrules.python."
    );
  }
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
