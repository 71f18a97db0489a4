// Builds the card into the one ES module the integration serves (and HACS users get
// without a build). Reproducible: the same sources and lockfile give the same bytes.
//   node build.mjs           write custom_components/desk_coach/frontend/desk-coach-card.js
//   node build.mjs --check   fail if the committed bundle differs from the sources
import { build } from "esbuild";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const OUTPUT = here("../custom_components/desk_coach/frontend/desk-coach-card.js");
const pkg = JSON.parse(await readFile(here("package.json"), "utf8"));

const result = await build({
  entryPoints: [here("src/desk-coach-card.ts")],
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "eof",
  charset: "utf8",
  write: false,
  logLevel: "warning",
  banner: {
    js: `/* Desk Coach card ${pkg.version}: built from frontend/src by \`npm run build\`; do not edit. */`,
  },
});
const bundle = result.outputFiles[0].contents;

if (process.argv.includes("--check")) {
  const committed = await readFile(OUTPUT).catch(() => Buffer.alloc(0));
  if (!Buffer.from(bundle).equals(committed)) {
    console.error(
      "The committed card bundle differs from frontend/src: run `npm run build` in frontend/ and commit it.",
    );
    process.exit(1);
  }
  console.log(`Card bundle is up to date (${bundle.length} bytes).`);
} else {
  await writeFile(OUTPUT, bundle);
  console.log(`Wrote ${OUTPUT} (${bundle.length} bytes).`);
}
