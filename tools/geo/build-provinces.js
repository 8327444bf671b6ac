#!/usr/bin/env node
/*
 * Builds src/main/resources/static/geo/china-provinces.json (China's 34
 * province-level divisions as a GeoJSON FeatureCollection, for ECharts 5's
 * registerMap) from the map data shipped in the npm package echarts 4.9.0
 * (map/json/china.json; ECharts 5 no longer ships maps), installed OUTSIDE
 * this repository, and the vendored gazetteer (codes and full names).
 *
 * Usage (see src/main/resources/static/geo/README.md):
 *   node tools/geo/build-provinces.js --modules /tmp/geo/node_modules
 *        [--out FILE] [--regions FILE] [--tolerance DEG] [--no-diaoyu]
 *
 * Steps: decode ECharts' compressed coordinates -> close rings -> map each
 * feature to its regions.csv PROVINCE row (code + full name) -> simplify
 * (Douglas-Peucker on the arcs between shared-border junctions, so that
 * neighbouring provinces keep identical borders) -> round to 3 decimals ->
 * wind rings as RFC 7946 wants -> check -> write. Nothing is written if a
 * check fails (exit status 1). Needs only Node.js (>= 14).
 */
'use strict';

const fs = require('fs');
const path = require('path');

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const opts = {
    modules: process.env.GEO_NODE_MODULES || path.join(process.cwd(), 'node_modules'),
    out: path.resolve(__dirname, '../../src/main/resources/static/geo/china-provinces.json'),
    regions: path.resolve(__dirname, '../../src/main/resources/gazetteer/regions.csv'),
    tolerance: 0.01,
    diaoyu: true,
  };
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--modules') opts.modules = argv[++i];
    else if (a === '--out') opts.out = argv[++i];
    else if (a === '--regions') opts.regions = argv[++i];
    else if (a === '--tolerance') opts.tolerance = Number(argv[++i]);
    else if (a === '--no-diaoyu') opts.diaoyu = false;
    else if (a === '-h' || a === '--help') {
      console.log('usage: node build-provinces.js --modules DIR/node_modules [--out FILE] '
        + '[--regions FILE] [--tolerance DEG] [--no-diaoyu]');
      process.exit(0);
    } else {
      console.error('unknown argument: ' + a);
      process.exit(2);
    }
  }
  if (!(opts.tolerance >= 0)) {
    console.error('--tolerance must be a number >= 0 (degrees)');
    process.exit(2);
  }
  opts.modules = path.resolve(opts.modules);
  opts.out = path.resolve(opts.out);
  opts.regions = path.resolve(opts.regions);
  return opts;
}

const EXPECTED_VERSION = { echarts: '4.9.0' };
const SOURCE_FILE = 'map/json/china.json';

// ECharts' own runtime fix for 钓鱼岛 (src/coord/geo/fix/diaoyuIsland, in 4.9.0
// and still in 5.3.1): when a map is registered as 'china', it adds this
// rectangle to the region named exactly '台湾'. Our feature is named '台湾省',
// so the runtime fix no longer fires; adding the same rectangle here keeps the
// drawing identical to what ECharts draws from its own china.json.
// --no-diaoyu leaves it out.
const DIAOYU_FIX_RING = [
  [123.45165252685547, 25.73527164402261], [123.49731445312499, 25.73527164402261],
  [123.49731445312499, 25.750734064600884], [123.45165252685547, 25.750734064600884],
  [123.45165252685547, 25.73527164402261],
];

// How far (degrees) a gazetteer centre point may lie outside its polygon and
// still pass (0.05 deg ~ 5 km). Points on the coast or in a small enclave
// fall just outside a simplified outline.
const CENTRE_TOLERANCE_DEG = 0.05;
const MAX_BYTES = 600 * 1024;

// ------------------------------------------------------------------- inputs
function readPackage(modules, name) {
  const dir = path.join(modules, name);
  const pkgFile = path.join(dir, 'package.json');
  if (!fs.existsSync(pkgFile)) {
    console.error(`package ${name} not found under ${modules} (see the README: npm install ${name}@${EXPECTED_VERSION[name]})`);
    process.exit(1);
  }
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  if (pkg.version !== EXPECTED_VERSION[name]) {
    console.warn(`WARNING: ${name} is ${pkg.version}, the committed file was built from ${EXPECTED_VERSION[name]}`);
  }
  return { dir, version: pkg.version, license: pkg.license };
}

/** PROVINCE rows of regions.csv: code -> {code, name, shortName, lng, lat}. */
function readProvinces(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);
  const header = lines[0].split(',');
  const col = (n) => {
    const i = header.indexOf(n);
    if (i < 0) throw new Error(`${file}: no column ${n}`);
    return i;
  };
  const [iCode, iName, iShort, iLevel, iLng, iLat] =
    ['code', 'name', 'shortName', 'level', 'lng', 'lat'].map(col);
  const out = new Map();
  for (const line of lines.slice(1)) {
    const f = line.split(','); // the gazetteer has no quoted fields
    if (f[iLevel] !== 'PROVINCE') continue;
    out.set(f[iCode], {
      code: f[iCode], name: f[iName], shortName: f[iShort],
      lng: f[iLng] === '' ? null : Number(f[iLng]),
      lat: f[iLat] === '' ? null : Number(f[iLat]),
    });
  }
  return out;
}

// ------------------------------------------------- ECharts' compressed format
// Same algorithm as echarts 4.9.0 lib/coord/geo/parseGeoJson.js (decode):
// each ring is a string of UTF-16 code units, two per point, zigzag- and
// delta-encoded from geometry.encodeOffsets, in units of 1/UTF8Scale degree.
// We keep the integers (exact, so shared vertices compare equal) and divide
// only when writing.
function decodeRing(str, offset) {
  const ring = [];
  let px = offset[0];
  let py = offset[1];
  for (let i = 0; i < str.length; i += 2) {
    let x = str.charCodeAt(i) - 64;
    let y = str.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    px += x;
    py += y;
    ring.push([px, py]);
  }
  return ring;
}

/** -> array of polygons, each an array of rings of integer [x, y]. */
function decodeGeometry(g, encoded) {
  let polys;
  if (g.type === 'Polygon') polys = [g.coordinates];
  else if (g.type === 'MultiPolygon') polys = g.coordinates;
  else throw new Error('unexpected geometry type ' + g.type);
  if (!encoded) return polys.map((p) => p.map((r) => r.map((q) => q.slice())));
  const offs = g.type === 'Polygon' ? [g.encodeOffsets] : g.encodeOffsets;
  return polys.map((p, i) => p.map((r, k) => decodeRing(r, offs[i][k])));
}

const same = (a, b) => a[0] === b[0] && a[1] === b[1];
const key = (q) => q[0] + ',' + q[1];

/** Open ring (no repeated closing point), consecutive duplicates removed. */
function openRing(ring) {
  const r = [];
  for (const q of ring) if (r.length === 0 || !same(r[r.length - 1], q)) r.push(q);
  while (r.length > 1 && same(r[0], r[r.length - 1])) r.pop();
  return r;
}

// ---------------------------------------------------------- simplification
// Douglas-Peucker on a polyline (array of [x, y]); returns kept indices flags.
function douglasPeucker(pts, tol) {
  const keep = new Array(pts.length).fill(false);
  keep[0] = true;
  keep[pts.length - 1] = true;
  const tol2 = tol * tol;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    if (b - a < 2) continue;
    const [ax, ay] = pts[a];
    const [bx, by] = pts[b];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let best = -1;
    let bestD = -1;
    for (let i = a + 1; i < b; i++) {
      const [x, y] = pts[i];
      let d2;
      if (len2 === 0) d2 = (x - ax) ** 2 + (y - ay) ** 2;
      else {
        let t = ((x - ax) * dx + (y - ay) * dy) / len2;
        t = Math.max(0, Math.min(1, t));
        d2 = (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2;
      }
      if (d2 > bestD) { bestD = d2; best = i; }
    }
    if (bestD > tol2) {
      keep[best] = true;
      stack.push([a, best], [best, b]);
    }
  }
  return keep;
}

const cmpPt = (a, b) => (a[0] - b[0]) || (a[1] - b[1]);

/**
 * Topology-preserving simplification of all rings of all features.
 * A vertex is a junction (always kept) where the set of features using it
 * changes along the ring, or where 3+ features meet. Between two junctions
 * the run is simplified with Douglas-Peucker in a canonical direction, so the
 * two provinces sharing a border get exactly the same simplified border.
 * Rings with no junction (islands, lone outlines) get two fixed anchors: the
 * smallest vertex and the vertex farthest from it.
 */
function simplifyAll(features, tolUnits) {
  const users = new Map(); // vertex key -> Set of feature indexes
  features.forEach((f, fi) => {
    for (const poly of f.polys) for (const ring of poly) for (const q of ring) {
      const k = key(q);
      if (!users.has(k)) users.set(k, new Set());
      users.get(k).add(fi);
    }
  });
  const sig = (q) => [...users.get(key(q))].sort((a, b) => a - b).join('|');

  let before = 0;
  let after = 0;
  for (const f of features) {
    f.polys = f.polys.map((poly) => poly.map((ring) => {
      const n = ring.length;
      before += n;
      if (tolUnits <= 0 || n <= 3) { after += n; return ring; }
      const sigs = ring.map(sig);
      const fixed = ring.map((q, i) => users.get(key(q)).size >= 3
        || sigs[i] !== sigs[(i + n - 1) % n] || sigs[i] !== sigs[(i + 1) % n]);
      if (!fixed.some(Boolean)) {
        let lo = 0;
        for (let i = 1; i < n; i++) if (cmpPt(ring[i], ring[lo]) < 0) lo = i;
        let far = lo === 0 ? 1 : 0;
        let farD = -1;
        for (let i = 0; i < n; i++) {
          const d = (ring[i][0] - ring[lo][0]) ** 2 + (ring[i][1] - ring[lo][1]) ** 2;
          if (d > farD || (d === farD && cmpPt(ring[i], ring[far]) < 0)) { farD = d; far = i; }
        }
        fixed[lo] = true;
        fixed[far] = true;
      }
      const anchors = [];
      for (let i = 0; i < n; i++) if (fixed[i]) anchors.push(i);
      const keep = new Array(n).fill(false);
      for (let j = 0; j < anchors.length; j++) {
        const a = anchors[j];
        const b = j + 1 < anchors.length ? anchors[j + 1] : anchors[0] + n;
        const idx = [];
        for (let i = a; i <= b; i++) idx.push(i % n);
        let run = idx.map((i) => ring[i]);
        // canonical direction: from the smaller end point to the larger one
        const reversed = cmpPt(run[0], run[run.length - 1]) > 0;
        if (reversed) run = run.slice().reverse();
        let flags = douglasPeucker(run, tolUnits);
        if (reversed) flags = flags.slice().reverse();
        flags.forEach((k, m) => { if (k) keep[idx[m]] = true; });
      }
      let out = ring.filter((_, i) => keep[i]);
      if (out.length < 3) out = ring; // never collapse a ring (tiny islands stay)
      after += out.length;
      return out;
    }));
  }
  return { before, after };
}

// ---------------------------------------------------------------- geometry
function ringArea(ring) { // signed, closed ring; > 0 = counter-clockwise
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return s / 2;
}

function pointInRing(pt, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > pt[1]) !== (yj > pt[1])
      && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function pointInPolygons(pt, polys) {
  return polys.some((p) => pointInRing(pt, p[0]) && !p.slice(1).some((h) => pointInRing(pt, h)));
}

function distToSegment(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function distToOutline(pt, polys) {
  let best = Infinity;
  for (const p of polys) for (const r of p) {
    for (let i = 0; i + 1 < r.length; i++) best = Math.min(best, distToSegment(pt, r[i], r[i + 1]));
  }
  return best;
}

// -------------------------------------------------------------------- main
function main() {
  const opts = parseArgs(process.argv);
  const echarts = readPackage(opts.modules, 'echarts');
  const srcPath = path.join(echarts.dir, SOURCE_FILE);
  if (!fs.existsSync(srcPath)) {
    console.error(`${srcPath} not found (ECharts 5 no longer ships maps; install echarts@4.9.0)`);
    process.exit(1);
  }
  const src = JSON.parse(fs.readFileSync(srcPath, 'utf8'));
  const scale = src.UTF8Scale == null ? 1024 : src.UTF8Scale;
  const encoded = !!src.UTF8Encoding;
  const unit = encoded ? scale : 1;
  const provinces = readProvinces(opts.regions);
  const errors = [];

  // 1. decode and join to the gazetteer
  const features = [];
  const degenerate = [];
  let sourceRings = 0;
  for (const sf of src.features) {
    const id = String(sf.id || (sf.properties && sf.properties.id) || '');
    const srcName = sf.properties && sf.properties.name;
    const prov = provinces.get(id);
    if (!prov) { errors.push(`source feature ${id} ${srcName}: no PROVINCE row with that code`); continue; }
    if (prov.shortName !== srcName && prov.name !== srcName) {
      errors.push(`source feature ${id}: name ${srcName} does not match ${prov.name} / ${prov.shortName}`);
    }
    // Rings with fewer than 3 distinct points have no area: the source's
    // generaliser collapsed some islets to a 2-point line. GeoJSON has no
    // valid polygon for them, so they are dropped (and counted).
    const polys = decodeGeometry(sf.geometry, encoded)
      .map((p) => p.map(openRing).filter((r) => {
        if (r.length >= 3) return true;
        degenerate.push(`${prov.code} ${srcName} [${r.map((q) => q.map((v) => (v / unit).toFixed(3)).join(' ')).join(' - ')}]`);
        return false;
      }))
      .filter((p) => p.length > 0);
    sourceRings += sf.geometry.type === 'Polygon' ? sf.geometry.coordinates.length
      : sf.geometry.coordinates.reduce((s, p) => s + p.length, 0);
    features.push({ prov, srcName, polys });
  }
  const seen = new Set();
  for (const f of features) {
    if (seen.has(f.prov.code)) errors.push(`duplicate feature for ${f.prov.code}`);
    seen.add(f.prov.code);
  }
  const missing = [...provinces.keys()].filter((c) => !seen.has(c));
  for (const c of missing) errors.push(`no feature for PROVINCE ${c} ${provinces.get(c).name}`);

  // 2. simplify (in source units), then round to 3 decimals
  let droppedAfterRounding = 0;
  const sharedBefore = sharedVertexKeys(features);
  const counts = simplifyAll(features, opts.tolerance * unit);
  const sharedAfter = sharedVertexKeys(features);
  // a shared vertex that survives on one side of a border only = a gap
  let oneSided = 0;
  for (const [k, n] of sharedBefore) if (sharedAfter.has(k) && sharedAfter.get(k) !== n) oneSided++;

  const round3 = (v) => Math.round(v * 1000) / 1000;
  for (const f of features) {
    f.geom = f.polys.map((poly) => poly.map((ring) => {
      const r = [];
      for (const q of ring) {
        const p = [round3(q[0] / unit), round3(q[1] / unit)];
        if (r.length === 0 || !same(r[r.length - 1], p)) r.push(p);
      }
      while (r.length > 1 && same(r[0], r[r.length - 1])) r.pop();
      r.push(r[0].slice());
      return r;
    }).filter((r) => {
      if (r.length >= 4) return true;
      droppedAfterRounding++;
      return false;
    }));
    f.geom = f.geom.filter((p) => p.length > 0);
    if (opts.diaoyu && f.srcName === '台湾') {
      f.geom.push([DIAOYU_FIX_RING.map((q) => [round3(q[0]), round3(q[1])])]);
    }
    // RFC 7946: exterior rings counter-clockwise, holes clockwise
    for (const poly of f.geom) {
      poly.forEach((ring, i) => {
        const a = ringArea(ring);
        if ((i === 0 && a < 0) || (i > 0 && a > 0)) ring.reverse();
      });
    }
  }

  // 3. checks
  let points = 0;
  let polygons = 0;
  for (const f of features) {
    if (f.geom.length === 0) errors.push(`${f.prov.code}: empty geometry`);
    polygons += f.geom.length;
    for (const poly of f.geom) for (const ring of poly) {
      points += ring.length;
      if (ring.length < 4 || !same(ring[0], ring[ring.length - 1])) errors.push(`${f.prov.code}: bad ring`);
      for (const [x, y] of ring) {
        if (!(x >= 73 && x <= 136 && y >= 3 && y <= 54)) errors.push(`${f.prov.code}: point ${x},${y} outside China's box`);
      }
    }
  }
  features.sort((a, b) => a.prov.code.localeCompare(b.prov.code));

  console.log(`source: echarts ${echarts.version} (${echarts.license}) ${SOURCE_FILE}, `
    + `${src.features.length} features, UTF8Encoding=${encoded}, scale=${scale}`);
  console.log(`source rings ${sourceRings}; dropped ${degenerate.length} zero-area rings (islets or border slivers collapsed to a `
    + `2-point line in the source), ${droppedAfterRounding} more after rounding`);
  for (const d of degenerate) console.log('  dropped ' + d);
  console.log(`simplification: tolerance ${opts.tolerance} deg, vertices ${counts.before} -> ${counts.after}; `
    + `shared border vertices ${sharedBefore.size}, kept on one side only: ${oneSided}`);
  console.log(`output: ${features.length} features, ${polygons} polygons, ${points} positions (closed rings)`
    + (opts.diaoyu ? '; 台湾省 includes ECharts\' 钓鱼岛 fix rectangle' : ''));

  console.log('\ncentre check (regions.csv lng/lat of each PROVINCE against its outline, '
    + `tolerance ${CENTRE_TOLERANCE_DEG} deg):`);
  let inside = 0;
  let near = 0;
  for (const f of features) {
    const { lng, lat } = f.prov;
    let status;
    if (lng == null || lat == null) {
      status = 'NO POINT';
      errors.push(`${f.prov.code}: no centre point in regions.csv`);
    } else if (pointInPolygons([lng, lat], f.geom)) {
      status = 'inside';
      inside++;
    } else {
      const d = distToOutline([lng, lat], f.geom);
      if (d <= CENTRE_TOLERANCE_DEG) { status = `outside by ${d.toFixed(3)} deg (within tolerance)`; near++; } else {
        status = `OUTSIDE by ${d.toFixed(3)} deg`;
        errors.push(`${f.prov.code} ${f.prov.name}: centre ${lng},${lat} ${status}`);
      }
    }
    const n = f.geom.reduce((s, p) => s + p.reduce((t, r) => t + r.length, 0), 0);
    console.log(`  ${f.prov.code} ${f.prov.name.padEnd(8, '　')} polygons ${String(f.geom.length).padStart(2)}  `
      + `positions ${String(n).padStart(4)}  ${status}`);
  }
  console.log(`  -> ${inside} inside, ${near} within tolerance, ${features.length - inside - near} failing`);

  // 4. write: one feature per line, properties {code, name}, sorted by code
  const lines = features.map((f) => JSON.stringify({
    type: 'Feature',
    properties: { code: f.prov.code, name: f.prov.name },
    geometry: f.geom.length === 1
      ? { type: 'Polygon', coordinates: f.geom[0] }
      : { type: 'MultiPolygon', coordinates: f.geom },
  }));
  const text = '{"type":"FeatureCollection","features":[\n' + lines.join(',\n') + '\n]}\n';
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_BYTES) errors.push(`output is ${bytes} bytes, over ${MAX_BYTES}`);
  if (features.length !== provinces.size) errors.push(`${features.length} features, ${provinces.size} PROVINCE rows`);

  if (errors.length) {
    console.error('\nchecks FAILED, nothing written:');
    for (const e of errors) console.error('  ' + e);
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, text);
  console.log(`\nall checks passed; wrote ${opts.out} (${bytes} bytes, ${features.length} features)`);
}

/** vertex key -> number of features using it, for vertices used by 2+ features. */
function sharedVertexKeys(features) {
  const m = new Map();
  features.forEach((f) => {
    const own = new Set();
    for (const poly of f.polys) for (const ring of poly) for (const q of ring) own.add(key(q));
    for (const k of own) m.set(k, (m.get(k) || 0) + 1);
  });
  for (const [k, n] of m) if (n < 2) m.delete(k);
  return m;
}

main();
