// Bundles the dashboard into dist/: index.html, app.js (src/main.js and
// leaflet), app.css (src/style.css with leaflet's CSS; the images it
// references copied beside it) and boundaries.geojson from the theatre
// pack. Everything the page loads is in dist/: no CDN, no tile server.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// Built beside dist/ and swapped in at the end, so that a server or a test
// reading dist/ meanwhile never sees it half written (at worst, for an
// instant, absent).
const final = join(here, 'dist');
const dist = join(here, `dist.tmp-${process.pid}`);
const pack = join(here, '..', 'data', 'theatres', 'south-caucasus');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
await esbuild.build({
  entryPoints: [
    { in: join(here, 'src', 'main.js'), out: 'app' },
    { in: join(here, 'src', 'style.css'), out: 'app' },
  ],
  outdir: dist,
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'iife',
  target: ['es2020'],
  loader: { '.png': 'file', '.svg': 'file' },
  assetNames: 'images/[name]',
  logLevel: 'warning',
});
cpSync(join(here, 'src', 'index.html'), join(dist, 'index.html'));
// Leaflet's default marker images, for any L.marker (we draw circle markers).
cpSync(join(here, 'node_modules', 'leaflet', 'dist', 'images'), join(dist, 'images'), { recursive: true });
cpSync(join(pack, 'boundaries.geojson'), join(dist, 'boundaries.geojson'));
const old = join(here, `dist.old-${process.pid}`);
rmSync(old, { recursive: true, force: true });
try { renameSync(final, old); } catch { /* no previous build */ }
renameSync(dist, final);
rmSync(old, { recursive: true, force: true });
console.log('web/build.mjs: dashboard built in', final);
