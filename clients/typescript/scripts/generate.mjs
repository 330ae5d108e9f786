// Regenerates src/signal-client.ts from openapi/signal.v1.json with NSwag (scripts/update-openapi runs it), or with
// --check compares a fresh generation with the checked-in file and fails when they differ.
// Usage: node scripts/generate.mjs "<NSwag command, e.g. dotnet …/dotnet-nswag.dll>" [--check]
import { execSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const [nswag, mode] = process.argv.slice(2);
if (!nswag) {
  console.error('usage: node scripts/generate.mjs "<NSwag command>" [--check]');
  process.exit(2);
}

const here = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const contract = resolve(here, "../../openapi/signal.v1.json");
const target = join(here, "src", "signal-client.ts");
const work = mkdtempSync(join(tmpdir(), "signal-ts-"));
const extension = join(work, "extension.ts");
const output = join(work, "signal-client.ts");
try {
  // NSwag moves imports of the extension code to the top of the file: the hand-written base comes from its own module.
  writeFileSync(extension, 'import { SignalClientBase, type SignalClientConfig } from "./client-base.js";\n');
  const options = [
    `/input:"${contract}"`, `/output:"${output}"`, `/extensionCode:"${extension}"`,
    "/template:Fetch", "/typeScriptVersion:5.0", "/typeStyle:Interface", "/dateTimeType:String", "/enumStyle:StringLiteral",
    "/operationGenerationMode:MultipleClientsFromOperationId", "/className:{controller}Client",
    "/clientBaseClass:SignalClientBase", "/configurationClass:SignalClientConfig", "/useGetBaseUrlMethod:true",
    "/useTransformOptionsMethod:true", "/useTransformResultMethod:true", "/generateOptionalParameters:true",
    "/markOptionalProperties:true", "/nullValue:Null", "/exceptionClass:SignalApiException", "/wrapDtoExceptions:true",
  ];
  execSync(`${nswag} openapi2tsclient ${options.join(" ")}`, { stdio: ["ignore", "ignore", "inherit"] });

  // The fetch template falls back to `window`, which Node lacks; globalThis is the window in a browser and the global
  // object (with fetch) in Node 18+.
  const generated = readFileSync(output, "utf8").replaceAll("window as any", "globalThis as any");
  if (mode === "--check") {
    if (generated !== readFileSync(target, "utf8")) {
      console.error("src/signal-client.ts is not what openapi/signal.v1.json generates: run scripts/update-openapi and commit it.");
      process.exit(1);
    }
    console.log("src/signal-client.ts is up to date with openapi/signal.v1.json.");
  } else {
    writeFileSync(target, generated);
    console.log(`wrote ${target}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
