// Trip investment map (招商地图).
// On /trip-maps: the region chips fill the regions field. On /trip-maps/{id}: reads the plan from the API,
// draws the route over the province outlines with ECharts (SVG renderer) and lists the stops day by day.
(function () {
  'use strict';

  var START_COLOR = '#b42318';
  var REFERRER_COLOR = '#52606d';
  var ALTERNATE_COLOR = '#9aa5b1';
  var RETURN_COLOR = '#7b8794';
  var DAY_COLORS = ['#2563eb', '#d97706', '#059669', '#7c3aed', '#db2777', '#0891b2', '#65a30d', '#9f1239', '#4f46e5', '#a16207'];
  var CHAIN_COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // Only a plain hex colour goes into a style attribute.
  function safeColor(c, fallback) {
    return typeof c === 'string' && /^#[0-9a-fA-F]{3,8}$/.test(c) ? c : fallback;
  }

  function has(x) { return x !== null && x !== undefined && x !== ''; }

  function fmtNum(x) {
    var n = Number(x);
    if (!has(x) || isNaN(n)) { return ''; }
    return String(Math.round(n * 10) / 10);
  }

  function fmtInt(x) {
    var n = Number(x);
    return !has(x) || isNaN(n) ? '' : String(Math.round(n));
  }

  function pad2(n) { return n < 10 ? '0' + n : String(n); }

  function fmtTime(iso) {
    if (!has(iso)) { return ''; }
    var d = new Date(iso);
    if (isNaN(d.getTime())) { return String(iso); }
    return d.getFullYear() + '-' + pad2(d.getMonth() + 1) + '-' + pad2(d.getDate()) + ' ' + pad2(d.getHours()) + ':' + pad2(d.getMinutes());
  }

  function splitNames(v) {
    return String(v || '').split(/[、,，;；\s]+/).filter(function (x) { return x; });
  }

  // ---------------------------------------------------------------- /trip-maps (form)

  function initForm() {
    var form = document.getElementById('trip-form');
    if (!form) { return; }
    var input = document.getElementById('regions');
    var chips = Array.prototype.slice.call(document.querySelectorAll('.region-chip'));

    function mark() {
      var names = splitNames(input.value);
      chips.forEach(function (c) {
        var on = names.indexOf(c.getAttribute('data-region')) >= 0;
        c.setAttribute('aria-pressed', on ? 'true' : 'false');
      });
    }
    chips.forEach(function (chip) {
      chip.addEventListener('click', function () {
        var name = chip.getAttribute('data-region');
        var names = splitNames(input.value);
        var at = names.indexOf(name);
        if (at >= 0) { names.splice(at, 1); } else { names.push(name); }
        input.value = names.join('、');
        mark();
      });
    });
    input.addEventListener('input', mark);
    mark();

    var submit = document.getElementById('trip-submit');
    form.addEventListener('submit', function () {
      if (submit) { submit.disabled = true; submit.textContent = '正在生成…'; }
    });
    // Coming back with the browser's back button shows the page as it was left: enable the button again.
    window.addEventListener('pageshow', function () {
      if (submit) { submit.disabled = false; submit.textContent = '生成行程'; }
    });

    document.querySelectorAll('#trip-list time[datetime]').forEach(function (t) {
      t.textContent = fmtTime(t.getAttribute('datetime'));
    });
  }

  // ---------------------------------------------------------------- /trip-maps/{id}

  function initTrip() {
    var el = document.getElementById('trip-map');
    if (!el) { return; }
    var apiUrl = el.getAttribute('data-api') || ('/api/v1/trip-maps/' + encodeURIComponent(el.getAttribute('data-trip') || ''));
    var geoUrl = el.getAttribute('data-geo') || '/geo/china-provinces.json';
    var firmBase = el.getAttribute('data-enterprise') || '/enterprises/';
    var wide = window.matchMedia ? window.matchMedia('(min-width: 960px)') : { matches: true };
    var finePointer = window.matchMedia ? window.matchMedia('(pointer: fine)').matches : true;

    var chart = null;
    var stops = [];      // one entry per stop: {key, day, label, color, stop, dataIndex}
    var byKey = {};
    var active = null;
    var STOP_SERIES = 2; // series order: route, return, stops, alternates, start

    function userError(message) { var e = new Error(message); e.userMessage = message; return e; }

    function readJson(r) {
      return r.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (ignored) { body = null; }
        if (!r.ok) {
          if (body && has(body.message)) { throw userError(String(body.message)); }
          if (r.status === 404) { throw userError('没有找到这个行程：编号可能有误，或行程已被删除。'); }
          throw userError('行程读取失败（错误 ' + r.status + '），请稍后重试。');
        }
        if (!body || typeof body !== 'object') { throw userError('行程数据格式有误，请刷新重试。'); }
        return body;
      });
    }

    function showError(message) {
      var box = document.getElementById('trip-error');
      box.textContent = message;
      box.hidden = false;
      document.getElementById('trip-totals').textContent = '';
      var layout = document.querySelector('.trip-layout');
      if (layout) { layout.hidden = true; }
      var buttons = document.querySelector('.toolbar .buttons');
      if (buttons) { buttons.hidden = true; }
      el.setAttribute('data-error', 'true');
    }

    function chainIndex(trip) {
      var m = {};
      (trip.chains || []).forEach(function (c, i) {
        m[c.id] = { name: c.name, color: safeColor(c.color, CHAIN_COLORS[i % CHAIN_COLORS.length]) };
      });
      return m;
    }

    function stopColor(s, chains) {
      if (s.kind === 'referrer') { return REFERRER_COLOR; }
      var c = has(s.chain) ? chains[s.chain] : null;
      return c ? c.color : CHAIN_COLORS[0];
    }

    function dayColor(i) { return DAY_COLORS[i % DAY_COLORS.length]; }

    function located(s) {
      return s && typeof s.lng === 'number' && typeof s.lat === 'number' && !isNaN(s.lng) && !isNaN(s.lat);
    }

    function firmName(s) {
      if (s.kind !== 'referrer' && has(s.code)) {
        return '<a href="' + esc(firmBase + encodeURIComponent(s.code)) + '">' + esc(s.name) + '</a>';
      }
      return esc(s.name);
    }

    function tagsHtml(s, chains) {
      var h = '';
      if (s.kind === 'referrer') {
        h += '<span class="tag off">引荐人' + (has(s.referrerKind) ? ' · ' + esc(s.referrerKind) : '') + '</span>';
      } else if (has(s.chainName)) {
        h += '<span class="tag chain-tag"><i class="chain-dot" style="background:' + stopColor(s, chains) + '"></i>' + esc(s.chainName) + '</span>';
      }
      if (s.mustVisit) { h += '<span class="tag warn">必访</span>'; }
      return h;
    }

    function detailsHtml(s) {
      var h = '';
      if (s.reasons && s.reasons.length) {
        h += '<ul class="reasons">' + s.reasons.map(function (r) { return '<li>' + esc(r) + '</li>'; }).join('') + '</ul>';
      }
      if (has(s.warmPath)) { h += '<p class="warm-path"><span class="label">引荐路径</span>' + esc(s.warmPath) + '</p>'; }
      if (has(s.contact)) {
        var c = String(s.contact);
        var tel = /^[0-9+()\- ]{5,}$/.test(c) ? '<a href="tel:' + esc(c.replace(/[^0-9+]/g, '')) + '">' + esc(c) + '</a>' : esc(c);
        h += '<p class="contact"><span class="label">联系</span>' + tel + '</p>';
      }
      if (has(s.address)) { h += '<p class="address"><span class="label">地址</span>' + esc(s.address) + '</p>'; }
      return h;
    }

    function whereHtml(s, extra) {
      var parts = [];
      if (s.city && has(s.city.name)) { parts.push(esc(s.city.name)); }
      if (has(s.fullName) && s.fullName !== s.name) { parts.push(esc(s.fullName)); }
      if (extra) { parts.push(extra); }
      return parts.length ? '<div class="muted stop-where">' + parts.join(' · ') + '</div>' : '';
    }

    function renderHeader(trip) {
      var t = trip.totals || {};
      var title = document.getElementById('trip-title');
      if (has(trip.title)) { title.textContent = trip.title; }
      var line = '共 ' + (has(t.days) ? t.days : (trip.days || []).length) + ' 天、' + (has(t.stops) ? t.stops : 0) + ' 站、'
        + (has(t.cities) ? t.cities : 0) + ' 个城市、总里程 ' + fmtNum(t.distanceKm) + ' 公里';
      if (has(t.naiveDistanceKm)) { line += '（按就近排序前 ' + fmtNum(t.naiveDistanceKm) + ' 公里）'; }
      if (has(t.returnKm)) { line += '、返程 ' + fmtNum(t.returnKm) + ' 公里'; }
      document.getElementById('trip-totals').textContent = line;

      var req = trip.request || {};
      var chains = chainIndex(trip);
      var meta = [];
      var startName = trip.start && has(trip.start.name) ? trip.start.name : req.start;
      if (has(startName)) { meta.push('出发地 ' + startName); }
      if (req.regions && req.regions.length) { meta.push('地区 ' + req.regions.join('、')); }
      meta.push('产业链 ' + (req.chains && req.chains.length
        ? req.chains.map(function (id) { return chains[id] ? chains[id].name : id; }).join('、') : '全部产业链'));
      if (req.mustVisit && req.mustVisit.length) { meta.push('必访 ' + req.mustVisit.join('、')); }
      if (has(trip.createdAt)) { meta.push('生成于 ' + fmtTime(trip.createdAt)); }
      if (has(trip.id)) { meta.push('编号 ' + trip.id); }
      document.getElementById('trip-meta').textContent = meta.join(' · ');
      document.getElementById('sample-notice').hidden = !trip.sample;
      document.getElementById('trip-rule').textContent = has(trip.rule) ? trip.rule : '';
    }

    function renderDays(trip) {
      var chains = chainIndex(trip);
      var days = trip.days || [];
      // Sequence numbers may run on across days or start again each day; labels must be unique on the map.
      var seen = {}, perDay = false;
      days.forEach(function (d) { (d.stops || []).forEach(function (s) { if (seen[s.seq]) { perDay = true; } seen[s.seq] = true; }); });
      stops = []; byKey = {};
      var html = days.map(function (d, di) {
        var color = dayColor(di);
        var list = d.stops || [];
        var cities = [];
        list.forEach(function (s) { if (s.city && has(s.city.name) && cities.indexOf(s.city.name) < 0) { cities.push(s.city.name); } });
        var parts = [list.length + ' 站'];
        if (has(d.distanceKm)) { parts.push('约 ' + fmtNum(d.distanceKm) + ' 公里'); }
        if (has(d.hours)) { parts.push('约 ' + fmtNum(d.hours) + ' 小时'); }
        var h = '<section class="trip-day" data-day="' + esc(d.day) + '" style="--day-color:' + color + '">'
          + '<h2><span class="day-swatch" style="background:' + color + '"></span>第 ' + esc(d.day) + ' 天 '
          + '<span class="muted">' + parts.join(' · ') + '</span></h2>'
          + (cities.length ? '<p class="muted day-cities">途经 ' + esc(cities.join('、')) + '</p>' : '');
        if (!list.length) { return h + '<p class="muted">这一天没有安排拜访。</p></section>'; }
        h += '<ol class="stops">' + list.map(function (s, si) {
          var key = d.day + '-' + si;
          var label = perDay ? d.day + '-' + s.seq : String(s.seq);
          var entry = { key: key, day: d.day, dayIndex: di, label: label, color: stopColor(s, chains), stop: s, dataIndex: -1 };
          stops.push(entry); byKey[key] = entry;
          var km = has(s.travelKmFromPrevious) ? '距上一站约 ' + fmtInt(s.travelKmFromPrevious) + ' 公里' : '';
          return '<li class="stop" tabindex="0" data-kind="' + esc(s.kind) + '" data-code="' + esc(has(s.code) ? s.code : '') + '" data-key="' + esc(key) + '"'
            + (located(s) ? '' : ' data-unplaced="true"') + '>'
            + '<span class="seq" style="background:' + entry.color + '">' + esc(label) + '</span>'
            + '<div class="stop-body"><div class="stop-head"><span class="stop-name">' + firmName(s) + '</span> '
            + (has(s.code) ? '<span class="muted">' + esc(s.code) + '</span> ' : '') + tagsHtml(s, chains)
            + (has(s.score) ? ' <span class="muted score">得分 ' + esc(s.score) + '</span>' : '') + '</div>'
            + whereHtml(s, km) + detailsHtml(s) + '</div></li>';
        }).join('') + '</ol>';
        if (di === days.length - 1 && has(trip.totals && trip.totals.returnKm) && trip.start) {
          h += '<p class="muted return-note">返程：约 ' + fmtNum(trip.totals.returnKm) + ' 公里回到' + esc(trip.start.name) + '。</p>';
        }
        return h + '</section>';
      }).join('');
      document.getElementById('days').innerHTML = html || '<p class="muted">没有排入任何一站：所选地区和产业链内没有找到可拜访的企业或引荐人。</p>';
      document.querySelectorAll('#days li.stop').forEach(function (li) {
        function go(ev) {
          if (ev.target.closest && ev.target.closest('a')) { return; } // links keep working
          select(li.getAttribute('data-key'), 'list');
        }
        li.addEventListener('click', go);
        li.addEventListener('keydown', function (ev) {
          if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); go(ev); }
        });
      });
    }

    function renderOthers(trip) {
      var chains = chainIndex(trip);
      var un = trip.unlocated || [];
      var unBox = document.getElementById('unlocated');
      unBox.hidden = !un.length;
      document.getElementById('unlocated-list').innerHTML = un.map(function (s) {
        return '<li class="firm" data-kind="' + esc(s.kind || 'enterprise') + '" data-code="' + esc(has(s.code) ? s.code : '') + '">'
          + '<div class="stop-head"><span class="stop-name">' + firmName(s) + '</span> '
          + (has(s.code) ? '<span class="muted">' + esc(s.code) + '</span> ' : '') + tagsHtml(s, chains)
          + (has(s.score) ? ' <span class="muted score">得分 ' + esc(s.score) + '</span>' : '') + '</div>'
          + '<div class="muted stop-where">' + (has(s.province) ? '省份：' + esc(s.province) : '省份不详') + '</div>'
          + detailsHtml(s) + '</li>';
      }).join('');

      var alt = trip.alternates || [];
      document.getElementById('alternates').hidden = !alt.length;
      document.getElementById('alternates-list').innerHTML = alt.map(function (s) {
        return '<li class="firm" data-kind="' + esc(s.kind || 'enterprise') + '" data-code="' + esc(has(s.code) ? s.code : '') + '">'
          + '<div class="stop-head"><span class="stop-name">' + firmName(s) + '</span> '
          + (has(s.code) ? '<span class="muted">' + esc(s.code) + '</span> ' : '') + tagsHtml(s, chains)
          + (has(s.score) ? ' <span class="muted score">得分 ' + esc(s.score) + '</span>' : '') + '</div>'
          + whereHtml(s, '') + detailsHtml(s) + '</li>';
      }).join('');
    }

    // ------------------------------------------------------------ map

    // Spreads markers that would overlap (same city centre, same building) on a small circle around their spot,
    // so each one stays visible and clickable. degLng/degLat: degrees per screen pixel.
    function spread(points, degLng, degLat) {
      var groups = [];
      var near = 18; // px
      points.forEach(function (p) {
        for (var i = 0; i < groups.length; i++) {
          var g = groups[i];
          if (Math.abs(g.lng - p.lng) / degLng < near && Math.abs(g.lat - p.lat) / degLat < near) { g.members.push(p); return; }
        }
        groups.push({ lng: p.lng, lat: p.lat, members: [p] });
      });
      groups.forEach(function (g) {
        var n = g.members.length;
        if (n === 1) { g.members[0].x = g.lng; g.members[0].y = g.lat; return; }
        var rPx = Math.max(19, n * 30 / (2 * Math.PI));
        g.members.forEach(function (p, i) {
          var a = -Math.PI / 2 + 2 * Math.PI * i / n;
          p.x = g.lng + Math.cos(a) * rPx * degLng;
          p.y = g.lat - Math.sin(a) * rPx * degLat;
        });
      });
    }

    function tooltipHtml(s, label, prefix) {
      var h = '<div class="trip-tip"><b>' + (label ? esc(label) + '. ' : '') + esc(prefix || '') + esc(s.name) + '</b>';
      if (has(s.fullName) && s.fullName !== s.name) { h += '<br>' + esc(s.fullName); }
      var where = [];
      if (s.city && has(s.city.name)) { where.push(esc(s.city.name)); }
      if (s.kind === 'referrer') { where.push('引荐人' + (has(s.referrerKind) ? '（' + esc(s.referrerKind) + '）' : '')); }
      else if (has(s.chainName)) { where.push(esc(s.chainName)); }
      if (has(s.travelKmFromPrevious)) { where.push('距上一站约 ' + fmtInt(s.travelKmFromPrevious) + ' 公里'); }
      if (where.length) { h += '<br>' + where.join(' · '); }
      (s.reasons || []).slice(0, 4).forEach(function (r) { h += '<br>· ' + esc(r); });
      if (has(s.warmPath)) { h += '<br>引荐路径：' + esc(s.warmPath); }
      return h + '</div>';
    }

    function drawMap(trip, geo) {
      echarts.registerMap('china', geo);
      var start = trip.start && located(trip.start) ? trip.start : null;
      var placed = stops.filter(function (e) { return located(e.stop); });
      var pts = placed.map(function (e) { return { lng: e.stop.lng, lat: e.stop.lat, entry: e }; });
      var startPt = start ? { lng: start.lng, lat: start.lat, start: true } : null;
      var all = startPt ? pts.concat([startPt]) : pts.slice();
      if (!all.length) { all = [{ lng: 116.95, lat: 31.05 }]; } // 桐城市, so an empty plan still shows a map

      // View: the box around the start and the stops, with a margin and a minimum size.
      var minLng = Infinity, maxLng = -Infinity, minLat = Infinity, maxLat = -Infinity;
      all.forEach(function (p) {
        minLng = Math.min(minLng, p.lng); maxLng = Math.max(maxLng, p.lng);
        minLat = Math.min(minLat, p.lat); maxLat = Math.max(maxLat, p.lat);
      });
      var padLng = Math.max((maxLng - minLng) * 0.12, 0.6), padLat = Math.max((maxLat - minLat) * 0.12, 0.5);
      minLng -= padLng; maxLng += padLng; minLat -= padLat; maxLat += padLat;
      var grow = function (lo, hi, least) { var d = least - (hi - lo); return d > 0 ? [lo - d / 2, hi + d / 2] : [lo, hi]; };
      var lngR = grow(minLng, maxLng, 3), latR = grow(minLat, maxLat, 2.4);
      var w = el.clientWidth || 600, hgt = el.clientHeight || 400, margin = 16;
      var aspect = 0.75; // ECharts' default aspectScale for geo
      var k = Math.min((w - 2 * margin) / ((lngR[1] - lngR[0]) * aspect), (hgt - 2 * margin) / (latR[1] - latR[0])); // px per degree of latitude
      spread(all, 1 / (k * aspect), 1 / k);

      placed.forEach(function (e, i) { e.dataIndex = i; e.x = pts[i].x; e.y = pts[i].y; });
      var perDayLabels = placed.some(function (e) { return e.label.indexOf('-') >= 0; });
      var size = perDayLabels ? 28 : 24;
      var stopData = placed.map(function (e) {
        var ref = e.stop.kind === 'referrer';
        return {
          name: e.stop.name, value: [e.x, e.y], key: e.key, label: { formatter: e.label },
          symbol: ref ? 'diamond' : 'circle', symbolSize: ref ? size + 4 : size,
          itemStyle: { color: e.color, opacity: 1, borderColor: e.stop.mustVisit ? '#1f2933' : '#fff', borderWidth: e.stop.mustVisit ? 2.5 : 1.5 }
        };
      });

      // Route: one polyline per day, each starting where the previous day ended (day 1 at the start point).
      var prev = startPt ? [startPt.x, startPt.y] : null;
      var routes = [];
      (trip.days || []).forEach(function (d, di) {
        var coords = prev ? [prev] : [];
        placed.forEach(function (e) { if (e.dayIndex === di) { coords.push([e.x, e.y]); } });
        if (coords.length > 1) {
          routes.push({ coords: coords, lineStyle: { color: dayColor(di), width: 3, opacity: 0.85 } });
        }
        if (coords.length) { prev = coords[coords.length - 1]; }
      });
      var back = [];
      if (startPt && placed.length && has(trip.totals && trip.totals.returnKm)) {
        back.push({ coords: [prev, [startPt.x, startPt.y]] });
      }

      var alternates = (trip.alternates || []).filter(located);
      var altData = alternates.map(function (s) {
        return { name: s.name, value: [s.lng, s.lat], raw: s };
      });
      var altShown = false;

      chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption({
        animation: false,
        backgroundColor: 'transparent',
        tooltip: {
          trigger: 'item', confine: true, enterable: false,
          extraCssText: 'max-width:300px;white-space:normal;word-break:break-all;font-size:13px;line-height:1.5;',
          formatter: function (p) {
            if (p.seriesId === 'start') { return '<b>出发地</b><br>' + esc(start ? start.name : ''); }
            if (p.seriesId === 'alternates') { return tooltipHtml(p.data.raw, '', '备选：'); }
            if (p.seriesId === 'stops') { var e = byKey[p.data.key]; return e ? tooltipHtml(e.stop, e.label, '') : ''; }
            return '';
          }
        },
        geo: {
          map: 'china', nameProperty: 'name', roam: finePointer, scaleLimit: { min: 0.5, max: 12 },
          boundingCoords: [[lngR[0], latR[1]], [lngR[1], latR[0]]],
          left: margin, right: margin, top: margin, bottom: margin,
          label: { show: false },
          itemStyle: { areaColor: '#f8f9fa', borderColor: '#9aa5b1', borderWidth: 0.8 },
          emphasis: { disabled: true }, select: { disabled: true }, selectedMode: false
        },
        series: [
          { id: 'route', type: 'lines', coordinateSystem: 'geo', polyline: true, silent: true, z: 2, data: routes },
          { id: 'return', type: 'lines', coordinateSystem: 'geo', polyline: true, silent: true, z: 2, data: back,
            lineStyle: { color: RETURN_COLOR, width: 2, type: 'dashed', opacity: 0.8 } },
          { id: 'stops', type: 'scatter', coordinateSystem: 'geo', z: 4, data: stopData, tooltip: { show: true },
            label: { show: true, position: 'inside', color: '#fff', fontSize: perDayLabels ? 10 : 11, fontWeight: 'bold' },
            emphasis: { scale: true, itemStyle: { borderColor: '#111', borderWidth: 3, shadowBlur: 6, shadowColor: 'rgba(0,0,0,.35)' } } },
          { id: 'alternates', type: 'scatter', coordinateSystem: 'geo', z: 3, data: [], symbol: 'circle', symbolSize: 10, tooltip: { show: true },
            itemStyle: { color: '#fff', opacity: 1, borderColor: ALTERNATE_COLOR, borderWidth: 2 } },
          { id: 'start', type: 'scatter', coordinateSystem: 'geo', z: 5, symbol: 'pin', symbolSize: 38, tooltip: { show: true },
            data: startPt ? [{ name: start.name, value: [startPt.x, startPt.y] }] : [],
            itemStyle: { color: START_COLOR, opacity: 1 },
            label: { show: true, position: 'inside', offset: [0, -3], formatter: '起', color: '#fff', fontSize: 12, fontWeight: 'bold' } }
        ]
      });

      chart.on('click', function (p) {
        if (p.seriesId === 'stops' && p.data) { select(p.data.key, 'map'); }
      });
      window.addEventListener('resize', function () { chart.resize(); });

      renderLegend(trip, placed, alternates.length, routes.length, back.length, function (show) {
        altShown = show;
        chart.setOption({ series: [{ id: 'alternates', data: altShown ? altData : [] }] });
      });
      el.setAttribute('data-ready', 'true');
      window.tripMap = { chart: chart, trip: trip, select: function (key) { select(key, 'list'); } };
    }

    function renderLegend(trip, placed, alternates, routeCount, hasReturn, toggleAlternates) {
      var chains = chainIndex(trip);
      var used = [], referrers = false;
      placed.forEach(function (e) {
        if (e.stop.kind === 'referrer') { referrers = true; }
        else if (has(e.stop.chain) && used.indexOf(e.stop.chain) < 0) { used.push(e.stop.chain); }
      });
      var items = [];
      if (trip.start) { items.push('<span class="lg"><i class="sym-start"></i>出发地 ' + esc(trip.start.name) + '</span>'); }
      used.forEach(function (id) {
        var c = chains[id];
        items.push('<span class="lg"><i class="chain-dot" style="background:' + (c ? c.color : CHAIN_COLORS[0]) + '"></i>' + esc(c ? c.name : id) + '</span>');
      });
      if (referrers) { items.push('<span class="lg"><i class="sym-referrer"></i>引荐人</span>'); }
      if (routeCount) {
        (trip.days || []).forEach(function (d, di) {
          items.push('<span class="lg"><i class="sym-line" style="background:' + dayColor(di) + '"></i>第 ' + esc(d.day) + ' 天</span>');
        });
      }
      if (hasReturn) { items.push('<span class="lg"><i class="sym-line dashed"></i>返程</span>'); }
      if (placed.some(function (e) { return e.stop.mustVisit; })) { items.push('<span class="lg"><i class="chain-dot must"></i>必访（黑框）</span>'); }
      if (alternates) {
        items.push('<label class="lg"><input type="checkbox" id="show-alternates"> 在地图上显示备选（' + alternates + '）</label>');
      }
      if (finePointer) { items.push('<button type="button" class="link-button" id="map-reset">复位地图</button>'); }
      var box = document.getElementById('trip-legend');
      box.innerHTML = items.join('');
      var cb = document.getElementById('show-alternates');
      if (cb) { cb.addEventListener('change', function () { toggleAlternates(cb.checked); }); }
      var reset = document.getElementById('map-reset');
      if (reset) {
        reset.addEventListener('click', function () {
          var opt = chart.getOption().geo[0];
          chart.setOption({ geo: { zoom: 1, center: null, boundingCoords: opt.boundingCoords } });
        });
      }
    }

    function inView(node) {
      var r = node.getBoundingClientRect();
      return r.bottom > 0 && r.top < (window.innerHeight || document.documentElement.clientHeight);
    }

    // Highlights one stop in the list and on the map. from: 'list' (the list was clicked) or 'map'.
    function select(key, from) {
      var e = byKey[key];
      if (!e) { return; }
      document.querySelectorAll('#days li.stop.active').forEach(function (x) { x.classList.remove('active'); });
      var li = document.querySelector('#days li.stop[data-key="' + key + '"]');
      if (li) { li.classList.add('active'); }
      if (chart) {
        if (active && active.dataIndex >= 0) { chart.dispatchAction({ type: 'downplay', seriesIndex: STOP_SERIES, dataIndex: active.dataIndex }); }
        if (e.dataIndex >= 0) {
          chart.dispatchAction({ type: 'highlight', seriesIndex: STOP_SERIES, dataIndex: e.dataIndex });
          chart.dispatchAction({ type: 'showTip', seriesIndex: STOP_SERIES, dataIndex: e.dataIndex });
        }
      }
      active = e;
      el.setAttribute('data-selected', key);
      if (from === 'list' && !inView(el) && el.scrollIntoView) { el.scrollIntoView({ behavior: 'smooth', block: 'start' }); }
      if (from === 'map' && li && wide.matches && li.scrollIntoView) { li.scrollIntoView({ behavior: 'smooth', block: 'nearest' }); }
    }

    var geoP = window.echarts
      ? fetch(geoUrl).then(function (r) { if (!r.ok) { throw new Error('geo ' + r.status); } return r.json(); })
      : Promise.reject(new Error('ECharts not loaded'));
    geoP.catch(function () { /* reported below, once the plan is in */ });

    fetch(apiUrl, { headers: { Accept: 'application/json' } })
      .then(readJson, function () { throw userError('网络连接失败，行程没有读取到，请检查网络后刷新重试。'); })
      .then(function (trip) {
        try {
          renderHeader(trip);
          renderDays(trip);
          renderOthers(trip);
        } catch (e) {
          if (window.console) { console.error(e); }
          throw userError('行程显示出错，请刷新重试，或查看打印版。');
        }
        function mapFailed(e) {
          if (window.console) { console.error(e); }
          if (chart) { chart.dispose(); chart = null; }
          el.innerHTML = '<p class="error">地图读取失败，请刷新重试；行程清单仍可查看。</p>';
          el.setAttribute('data-error', 'true');
        }
        return geoP.then(function (geo) {
          try { drawMap(trip, geo); } catch (e) { mapFailed(e); }
        }, mapFailed);
      })
      .catch(function (e) {
        if (window.console) { console.error(e); }
        showError(e && e.userMessage ? e.userMessage : '行程读取失败，请刷新重试。');
      });
  }

  initForm();
  initTrip();
})();
