// The Regelwerk extension: starts `regelwerk lsp` (the path is the setting regelwerk.pad) and
// connects VS Code to it. All language knowledge is in the server; this file only starts it.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("regelwerk");
  const command = settings.get("pad") || "regelwerk";
  const server = { command, args: ["lsp"], transport: TransportKind.stdio };
  client = new LanguageClient(
    "regelwerk",
    "Regelwerk",
    { run: server, debug: server },
    {
      documentSelector: [{ scheme: "file", language: "regelwerk" }],
      initializationOptions: { vertraging_ms: settings.get("vertragingMs") },
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.rw") },
    }
  );
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("regelwerk")) {
        vscode.window.showInformationMessage(
          "Regelwerk: herstart VS Code (of 'Developer: Reload Window') om de nieuwe instelling te gebruiken."
        );
      }
    })
  );
  return client.start().catch((error) => {
    vscode.window.showErrorMessage(
      `Regelwerk: de taalserver '${command} lsp' start niet (${error.message}). ` +
        "Stel het pad in met de instelling regelwerk.pad."
    );
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
