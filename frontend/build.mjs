// Builds the card into the one ES module the integration serves (and HACS users get
// without a build), and the exercise pictures next to it. Reproducible: the same sources
// and lockfile give the same bytes.
//   node build.mjs           write custom_components/desk_coach/frontend/desk-coach-card.js
//                            and custom_components/desk_coach/frontend/pictures/<id>.svg|png
//   node build.mjs --check   fail if the committed bundle or pictures differ from the sources
import { Resvg } from "@resvg/resvg-js";
import { build } from "esbuild";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const OUTPUT = here("../custom_components/desk_coach/frontend/desk-coach-card.js");
const PICTURES = here("pictures/");
const PICTURES_OUTPUT = here("../custom_components/desk_coach/frontend/pictures/");
const PNG_WIDTH = 480; // 2x the 240×120 viewBox
const check = process.argv.includes("--check");
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

if (check) {
  const committed = await readFile(OUTPUT).catch(() => Buffer.alloc(0));
  if (!Buffer.from(bundle).equals(committed)) {
    console.error(
      "The committed card bundle differs from frontend/src: run `npm run build` in frontend/ and commit it.",
    );
    process.exitCode = 1;
  } else {
    console.log(`Card bundle is up to date (${bundle.length} bytes).`);
  }
} else {
  await writeFile(OUTPUT, bundle);
  console.log(`Wrote ${OUTPUT} (${bundle.length} bytes).`);
}

// Pictures: each frontend/pictures/<id>.svg is served as is, plus a PNG rendition with a
// transparent background for places that cannot show SVG. The pictures have no text, so
// resvg loads no system fonts and the PNG bytes depend only on the SVG and resvg's version.
const pictures = new Map(); // file name -> bytes
for (const name of (await readdir(PICTURES)).filter((n) => n.endsWith(".svg")).sort()) {
  const svg = await readFile(PICTURES + name);
  const options = { fitTo: { mode: "width", value: PNG_WIDTH }, font: { loadSystemFonts: false } };
  pictures.set(name, svg);
  pictures.set(name.replace(/\.svg$/, ".png"), new Resvg(svg, options).render().asPng());
}
const present = await readdir(PICTURES_OUTPUT).catch(() => []);
const stale = present.filter((name) => !pictures.has(name));

if (check) {
  const wrong = [];
  for (const [name, bytes] of pictures) {
    const committed = await readFile(PICTURES_OUTPUT + name).catch(() => null);
    if (committed === null) wrong.push(`${name} (missing)`);
    else if (!committed.equals(bytes)) wrong.push(`${name} (differs)`);
  }
  wrong.push(...stale.map((name) => `${name} (no source in frontend/pictures)`));
  if (wrong.length) {
    console.error(
      `The committed pictures differ from frontend/pictures: ${wrong.join(", ")}. ` +
        "Run `npm run build` in frontend/ and commit custom_components/desk_coach/frontend/pictures.",
    );
    process.exitCode = 1;
  } else {
    console.log(`Pictures are up to date (${pictures.size} files).`);
  }
} else {
  await mkdir(PICTURES_OUTPUT, { recursive: true });
  for (const name of stale) await rm(PICTURES_OUTPUT + name);
  for (const [name, bytes] of pictures) await writeFile(PICTURES_OUTPUT + name, bytes);
  console.log(`Wrote ${pictures.size} pictures to ${PICTURES_OUTPUT}.`);
}
