// Every package from CommonJS: Node >=20.19 and >=22.12 require() ES modules that have no top-level await.
const names = [
  "@emrkit/dsl",
  "@emrkit/dsl/testing",
  "@emrkit/runtime",
  "@emrkit/emulator",
  "@emrkit/codegen",
  "emrkit",
];
const failed = [];
for (const name of names) {
  try {
    const exports = require(name);
    if (Object.keys(exports).length === 0) failed.push(`${name}: no exports`);
  } catch (error) {
    failed.push(`${name}: ${error.code ?? ""} ${error.message.split("\n")[0]}`);
  }
}
if (failed.length > 0) {
  console.error(`require() failed on Node ${process.version}:\n  ${failed.join("\n  ")}`);
  process.exit(1);
}
console.log(`require() of ${names.length} entry points from CommonJS on Node ${process.version}`);
