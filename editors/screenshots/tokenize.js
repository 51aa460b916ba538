// Tokenize a rules file with the extension's TextMate grammar, as VS Code does (vscode-textmate and
// the Oniguruma WASM that vscode-tmgrammar-test installs in editors/vscode/node_modules).
// Usage: node tokenize.js FILE > tokens.json   (one array per line: [start, end, scopes])
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const modules = path.join(__dirname, "..", "vscode", "node_modules");
const vsctm = require(path.join(modules, "vscode-textmate"));
const oniguruma = require(path.join(modules, "vscode-oniguruma"));

async function main() {
  const wasm = fs.readFileSync(path.join(modules, "vscode-oniguruma", "release", "onig.wasm")).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () => {
      const file = path.join(__dirname, "..", "vscode", "syntaxes", "netralrules.tmLanguage.json");
      return vsctm.parseRawGrammar(fs.readFileSync(file, "utf8"), file);
    },
  });
  const grammar = await registry.loadGrammar("source.netralrules");
  const lines = fs.readFileSync(process.argv[2], "utf8").split("\n");
  let stack = vsctm.INITIAL;
  const out = [];
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, stack);
    out.push(result.tokens.map((t) => [t.startIndex, Math.min(t.endIndex, line.length), t.scopes]));
    stack = result.ruleStack;
  }
  process.stdout.write(JSON.stringify(out));
}

main();
