// Validates OSCAL JSON files against the NIST schemas in ../shared/schemas/oscal/.
// Usage: node validate-oscal.mjs SCHEMA_FILE DOCUMENT_FILE...
// Exit 0 when every document is valid, 1 otherwise (errors printed with their JSON paths).
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const [schemaFile, ...docs] = process.argv.slice(2);
if (!schemaFile || docs.length === 0) {
  console.error("usage: node validate-oscal.mjs SCHEMA_FILE DOCUMENT_FILE...");
  process.exit(2);
}
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")));
let failed = 0;
for (const file of docs) {
  const doc = JSON.parse(readFileSync(file, "utf8"));
  if (validate(doc)) {
    console.log(`valid: ${file}`);
  } else {
    failed++;
    console.log(`INVALID: ${file}`);
    for (const e of validate.errors.slice(0, 20)) {
      console.log(`  ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
    }
  }
}
process.exit(failed ? 1 : 0);
