// The grammar against every .rw file of the repository: each is tokenized as VS Code would, and
// what the analyst sees must match what the compiler reads:
// - no character is marked invalid (outside tests/fixtures/, where files are broken on purpose);
// - a definition keyword at the start of a line is coloured as one;
// - every amount (€ 1.234,56), date, legal reference and own-line comment has its scope.
"use strict";

const fs = require("fs");
const path = require("path");
const vsctm = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const here = __dirname;
const root = path.resolve(here, "..", "..", "..");
const SKIP = new Set([".git", ".venv", "node_modules", "build", "site", "__pycache__"]);
// Files that hold mistakes on purpose (the compiler's and this grammar's own tests).
const BROKEN_ON_PURPOSE = [path.join("tests", "fixtures"), path.join("editors", "vscode", "test")];
const DEFINITIONS = /^(regeling|module|artikel|gebruik|invoer|parameter|keuze|gegevens|tabel|regel|uitvoer|test)\b/;

function ruleFiles(folder) {
  const found = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith(".")) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...ruleFiles(full));
    else if (entry.name.endsWith(".rw")) found.push(full);
  }
  return found.sort();
}

async function grammar() {
  const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () =>
      vsctm.parseRawGrammar(
        fs.readFileSync(path.join(here, "..", "syntaxes", "regelwerk.tmLanguage.json"), "utf8"),
        "regelwerk.tmLanguage.json"
      ),
  });
  return registry.loadGrammar("source.regelwerk");
}

function scopesAt(tokens, column) {
  const token = tokens.find((t) => t.startIndex <= column && column < t.endIndex);
  return token ? token.scopes : [];
}

function has(scopes, name) {
  return scopes.some((s) => s.startsWith(name));
}

async function main() {
  const tm = await grammar();
  const problems = [];
  let lineCount = 0;
  const files = ruleFiles(root);
  for (const file of files) {
    const relative = path.relative(root, file);
    const brokenOnPurpose = BROKEN_ON_PURPOSE.some((folder) => relative.startsWith(folder));
    const lines = fs.readFileSync(file, "utf8").split(/\r?\n/);
    let state = vsctm.INITIAL;
    lines.forEach((line, index) => {
      lineCount += 1;
      const result = tm.tokenizeLine(line, state);
      state = result.ruleStack;
      const where = `${relative}:${index + 1}`;
      const complain = (what) => problems.push(`${where}: ${what}\n    ${line}`);
      if (!brokenOnPurpose) {
        for (const token of result.tokens) {
          if (has(token.scopes, "invalid")) {
            complain(`'${line.slice(token.startIndex, token.endIndex)}' gemarkeerd als ongeldig`);
          }
        }
      }
      const scopesOf = (column) => scopesAt(result.tokens, column);
      if (DEFINITIONS.test(line) && !has(scopesOf(0), "keyword.other.definition")) {
        complain("sleutelwoord van een definitie niet herkend");
      }
      if (/^\s*#/.test(line)) {
        if (!has(scopesOf(line.indexOf("#")), "comment")) complain("opmerking niet herkend");
        return;
      }
      const checks = [
        [/€[ \t]*[0-9]/g, "constant.numeric.money", "bedrag"],
        [/(?<![\w-])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![\w-])/g, "constant.numeric.date", "datum"],
        [/\[[^\]\n]*\]/g, "markup.underline.link.reference", "verwijzing"],
      ];
      for (const [pattern, scope, what] of checks) {
        for (const match of line.matchAll(pattern)) {
          const scopes = scopesOf(match.index);
          if (has(scopes, "string") || has(scopes, "comment")) continue;
          // a date or amount inside a reference ("[nieuwsblad 2022-09-29]") is part of the reference
          if (scope !== "markup.underline.link.reference" && has(scopes, "markup.underline.link.reference")) continue;
          if (!has(scopes, scope)) complain(`${what} '${match[0]}' niet herkend (${scopes.join(" ")})`);
        }
      }
    });
  }
  if (problems.length) {
    console.error(problems.slice(0, 40).join("\n"));
    console.error(`${problems.length} problemen in de grammatica`);
    process.exit(1);
  }
  console.log(`grammatica: ${files.length} .rw-bestanden, ${lineCount} regels gekleurd zoals de compiler ze leest`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
