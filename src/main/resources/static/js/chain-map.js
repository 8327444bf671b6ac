// Chain map (产业链图谱): segments left to right, nodes coloured by status, click for makers.
(function () {
  'use strict';
  var el = document.getElementById('chain-map');
  if (!el || !window.echarts) { return; }
  var chainId = el.getAttribute('data-chain');
  var COLORS = { STRONG: '#2f855a', WEAK: '#d69e2e', MISSING: '#c53030' };
  var SEGMENTS = { upstream: '上游', midstream: '中游', downstream: '下游' };
  var COL_W = 300, ROW_H = 58, BOX_W = 190, BOX_H = 44;
  var chart = null, option = null, data = null;

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function layout(map) {
    var nodes = [], links = [], maxRows = 0;
    map.nodes.forEach(function (top, col) {
      var row = 0;
      function place(n, depth, parent) {
        var x = col * COL_W + (depth - 1) * 14;
        var y = row * ROW_H;
        row++;
        nodes.push({
          id: n.id, name: n.name, x: x, y: y, value: n.makers,
          symbol: 'rect', symbolSize: [BOX_W - (depth - 1) * 28, depth === 1 ? BOX_H + 6 : BOX_H],
          itemStyle: { color: depth === 1 ? '#fff' : COLORS[n.status], borderColor: COLORS[n.status], borderWidth: depth === 1 ? 3 : 1 },
          label: {
            show: true, color: depth === 1 ? '#1f2933' : '#fff', fontSize: depth === 1 ? 14 : 12, lineHeight: 16,
            fontWeight: depth === 1 ? 'bold' : 'normal',
            formatter: n.name + '\n本地 ' + n.localFirms.length + ' · 全国 ' + n.makers + ' · ' + n.statusWords
          },
          raw: n
        });
        if (parent) { links.push({ source: parent.id, target: n.id, lineStyle: { color: '#cbd2d9', width: 1 } }); }
        n.children.forEach(function (c) { place(c, depth + 1, n); });
      }
      place(top, 1, null);
      maxRows = Math.max(maxRows, row);
    });
    for (var i = 0; i + 1 < map.nodes.length; i++) {
      links.push({ source: map.nodes[i].id, target: map.nodes[i + 1].id,
        lineStyle: { color: '#b42318', width: 3, curveness: 0 }, symbol: ['none', 'arrow'], symbolSize: 12 });
    }
    return { nodes: nodes, links: links, rows: maxRows };
  }

  function buildOption(map, lay, animation) {
    return {
      animation: animation,
      backgroundColor: '#ffffff',
      title: { text: map.name + '产业链图谱（' + map.home.name + '）', left: 'center', top: 4, textStyle: { fontSize: 16 } },
      tooltip: { formatter: function (p) {
        if (p.dataType !== 'node') { return ''; }
        var n = p.data.raw;
        return esc(n.name) + '：' + esc(n.statusWords) + '<br>本地企业 ' + n.localFirms.length + '（规上 ' + n.aboveScale + '）<br>全国企业 ' + n.makers
          + '<br>产品 ' + n.products + (n.productExamples.length ? '：' + esc(n.productExamples.slice(0, 4).join('、')) : '');
      } },
      series: [{
        type: 'graph', layout: 'none', roam: false, top: 76, bottom: 36, left: 110, right: 110,
        edgeSymbol: ['none', 'none'], data: lay.nodes, links: lay.links,
        emphasis: { focus: 'none', itemStyle: { borderColor: '#1f2933', borderWidth: 2 } }
      }]
    };
  }

  var panelSeq = 0;
  function showPanel(n) {
    var panel = document.getElementById('node-panel');
    var html = '<h3 id="panel-title">' + esc(n.name) + ' <span class="status s-' + n.status + '">' + esc(n.statusWords) + '</span></h3>'
      + '<p class="muted">' + SEGMENTS[n.segment] + ' · 产品 ' + n.products + '（有企业生产 ' + n.productsMade + '）· 全国企业 ' + n.makers + '</p>';
    html += '<h4>本地企业（' + n.localFirms.length + '）</h4>';
    html += n.localFirms.length ? '<ul id="panel-local">' + n.localFirms.map(function (f) {
      return '<li>' + esc(f.name) + (f.aboveScale ? ' <span class="tag">规上</span>' : '') + (f.carrier ? ' <span class="muted">' + esc(f.carrier) + '</span>' : '')
        + (f.enterpriseCode ? ' <a href="/enterprises/' + encodeURIComponent(f.enterpriseCode) + '">' + esc(f.enterpriseCode) + '</a>' : '') + '</li>';
    }).join('') + '</ul>' : '<p class="missing-note">本市没有该环节的企业。</p>';
    if (n.provinces.length) {
      html += '<p class="muted">主要省份：' + n.provinces.map(function (p) { return esc(p.name) + ' ' + p.count; }).join('、') + '</p>';
    }
    html += '<h4>全国生产企业（本地在前，按规模代理分）</h4><div id="panel-makers" class="muted">正在读取…</div>';
    panel.innerHTML = html;
    var mine = ++panelSeq;
    fetch('/api/v1/chains/' + encodeURIComponent(chainId) + '/nodes/' + encodeURIComponent(n.id) + '/makers?limit=30')
      .then(function (r) { return r.json(); })
      .then(function (m) {
        if (mine !== panelSeq) { return; } // another node was chosen meanwhile: its makers go in the box, not these
        var box = document.getElementById('panel-makers');
        if (!box) { return; }
        if (!m.makers || !m.makers.length) { box.textContent = '没有企业。'; return; }
        box.className = '';
        box.innerHTML = '<p class="muted">共 ' + m.total + ' 家，列出前 ' + m.makers.length + ' 家</p><ol>' + m.makers.map(function (h, i) {
          return '<li' + (i < 5 && !h.local ? ' class="head"' : '') + '><a href="/enterprises/' + encodeURIComponent(h.code) + '">' + esc(h.name) + '</a> '
            + (h.local ? '<span class="tag warn">本地</span>' : '') + '<span class="muted">' + esc(h.code)
            + (h.province ? ' · ' + esc(h.province.name) : '') + ' · ' + h.score + '</span></li>';
        }).join('') + '</ol>';
      })
      .catch(function () {
        var box = document.getElementById('panel-makers');
        if (box && mine === panelSeq) { box.textContent = '读取失败，请稍后重试。'; }
      });
  }

  function download(name, href) {
    var a = document.createElement('a');
    a.href = href; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
  }

  function exportSvg() {
    var svg = chart.renderToSVGString();
    var blob = new Blob([svg], { type: 'image/svg+xml;charset=utf-8' });
    var url = URL.createObjectURL(blob);
    download(data.name + '产业链图谱.svg', url);
    setTimeout(function () { URL.revokeObjectURL(url); }, 2000);
    return svg;
  }

  function exportPng() {
    // A canvas chart off screen, drawn without animation, gives a real PNG.
    var off = document.createElement('div');
    off.style.cssText = 'position:absolute;left:-10000px;top:0;width:' + Math.max(el.clientWidth, 900) + 'px;height:' + el.clientHeight + 'px';
    document.body.appendChild(off);
    var c = echarts.init(off, null, { renderer: 'canvas' });
    c.setOption(buildOption(data, layout(data), false));
    var url = c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    c.dispose(); off.remove();
    download(data.name + '产业链图谱.png', url);
    return url;
  }

  var recNode = null;
  var recSeq = 0;
  function loadRecommendations() {
    var mine = ++recSeq;
    var table = document.getElementById('recommendations');
    if (!table) { return; }
    var region = document.getElementById('rec-region').value.trim();
    var url = '/api/v1/chains/' + encodeURIComponent(chainId) + '/recommendations?limit=20'
      + (recNode ? '&node=' + encodeURIComponent(recNode.id) : '') + (region ? '&region=' + encodeURIComponent(region) : '');
    document.getElementById('rec-node-label').textContent = recNode ? '环节：' + recNode.name : '全链';
    table.innerHTML = '<tr><td class="muted">正在计算…</td></tr>';
    fetch(url).then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (res) {
        if (mine !== recSeq) { return; } // a newer request (another link, another region) has replaced this one
        if (!res.ok) { table.innerHTML = '<tr><td class="error">' + esc(res.body.message) + '</td></tr>'; return; }
        var t = res.body.targets;
        if (!t.length) { table.innerHTML = '<tr><td class="muted">没有推荐。</td></tr>'; return; }
        table.innerHTML = '<tr><th>序</th><th>企业</th><th>省份</th><th>得分</th><th>依据（各部分相加为得分）</th></tr>' + t.map(function (x, i) {
          return '<tr class="rec"><td>' + (i + 1) + '</td><td><a href="/enterprises/' + encodeURIComponent(x.code) + '">' + esc(x.name) + '</a> <span class="muted">' + esc(x.code) + '</span></td><td>'
            + esc(x.province || '') + '</td><td>' + x.score + '</td><td>' + x.parts.map(function (p) {
              return '<span class="tag">' + esc(p.name) + ' ' + p.value + '</span>' + esc(p.evidence);
            }).join('<br>') + '</td></tr>';
        }).join('');
      })
      .catch(function () { table.innerHTML = '<tr><td class="error">推荐读取失败，请稍后重试。</td></tr>'; });
  }
  var recForm = document.getElementById('rec-form');
  if (recForm) {
    recForm.addEventListener('submit', function (ev) { ev.preventDefault(); loadRecommendations(); });
  }

  fetch('/api/v1/chains/' + encodeURIComponent(chainId))
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
    .then(function (map) {
      data = map;
      var lay = layout(map);
      el.style.height = Math.max(380, lay.rows * ROW_H + 130) + 'px';
      chart = echarts.init(el, null, { renderer: 'svg' });
      option = buildOption(map, lay, true);
      chart.setOption(option);
      chart.on('click', function (p) {
        if (p.dataType === 'node') { showPanel(p.data.raw); recNode = p.data.raw.level === 1 ? null : p.data.raw; loadRecommendations(); }
      });
      loadRecommendations();
      window.addEventListener('resize', function () { chart.resize(); });
      window.chainMap = { chart: chart, exportSvg: exportSvg, exportPng: exportPng, show: function (id) {
        lay.nodes.forEach(function (x) { if (x.id === id) { showPanel(x.raw); } });
      } };
      document.getElementById('export-svg').addEventListener('click', exportSvg);
      document.getElementById('export-png').addEventListener('click', exportPng);
      document.querySelectorAll('#node-table tr[data-node]').forEach(function (tr) {
        tr.addEventListener('click', function () { window.chainMap.show(tr.getAttribute('data-node')); });
      });
      el.setAttribute('data-ready', 'true');
    })
    .catch(function () { el.innerHTML = '<p class="error">图谱读取失败，请刷新重试。下方表格仍可查看。</p>'; });
})();
