// The enterprise page's live panels: where the firm stands as a target, the warm paths to it, and its projects.
(function () {
  var box = document.getElementById('target-of');
  var code = box.getAttribute('data-code');
  var api = '/api/v1/enterprises/' + encodeURIComponent(code);
  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; }); }
  function json(r) { return r.json().then(function (j) { if (!r.ok) { throw new Error(j.message || r.status); } return j; }); }

  fetch(api + '/target-of').then(json).then(function (list) {
    if (!list.length) { box.innerHTML = '<p class="muted">不在本市各产业链的推荐前 200 名中（本地企业和已签约企业不作推荐）。</p>'; return; }
    box.innerHTML = '<table id="target-table"><tr><th>产业链</th><th>排名</th><th>得分</th><th>依据</th><th>跟进记录</th></tr>' + list.map(function (s) {
      return '<tr><td><a href="/chains/' + encodeURIComponent(s.chain) + '">' + esc(s.chainName) + '</a></td><td>' + s.rank + ' / ' + s.of + '</td><td>' + s.target.score
        + '</td><td>' + s.target.parts.map(function (p) { return '<span class="tag">' + esc(p.name) + ' ' + p.value + '</span>' + esc(p.evidence); }).join('<br>')
        + '</td><td>' + s.target.history.map(function (h) { return esc(h.status) + ' ' + esc(h.by) + ' ' + esc(String(h.at).slice(0, 10)) + (h.reason ? '：' + esc(h.reason) : ''); }).join('<br>') + '</td></tr>';
    }).join('') + '</table>';
  }).catch(function () { box.innerHTML = '<p class="error">读取失败，请稍后重试。</p>'; });

  var signals = document.getElementById('signals');
  function money(y) { return y == null ? '' : y >= 1e8 ? String(Math.round(y / 1e6) / 100) + ' 亿元' : (y / 1e4).toFixed(0) + ' 万元'; }
  if (signals) {
    fetch('/api/v1/signals?size=20&enterprise=' + encodeURIComponent(code)).then(json).then(function (page) {
      if (!page.items || !page.items.length) { signals.innerHTML = '<p class="muted">暂无从新闻中读出的动态。</p>'; return; }
      signals.innerHTML = '<table id="signal-table"><tr><th>日期</th><th>动态</th><th>金额</th><th>地点</th><th>摘要</th><th>来源</th></tr>' + page.items.map(function (s) {
        return '<tr><td>' + esc(s.date) + '</td><td><span class="tag">' + esc(s.typeName) + '</span></td><td>' + esc(money(s.amountYuan))
          + '</td><td>' + esc(s.region ? s.region.name : '') + '</td><td>' + esc(s.snippet) + '</td><td>'
          + (/^https?:\/\//.test(s.url) ? '<a rel="noopener" target="_blank" href="' + esc(s.url) + '">' + esc(s.title || s.url) + '</a>' : esc(s.url)) + '</td></tr>';
      }).join('') + '</table>' + (page.total > page.items.length ? '<p class="muted">共 ' + page.total + ' 条，显示最新 ' + page.items.length + ' 条。</p>' : '');
    }).catch(function () { signals.innerHTML = '<p class="error">读取失败，请稍后重试。</p>'; });
  }

  var warm = document.getElementById('warm-paths');
  fetch(api + '/warm-paths?limit=10').then(json).then(function (w) {
    if (!w.paths.length) { warm.innerHTML = '<p class="muted">引荐人名单中暂无通向该企业的关系。</p>'; return; }
    warm.innerHTML = '<table id="warm-table"><tr><th>序</th><th>路径</th><th>强度</th><th>各跳</th></tr>' + w.paths.map(function (p, i) {
      return '<tr class="warm"><td>' + (i + 1) + '</td><td>' + esc(p.text) + '</td><td>' + p.strength + '</td><td>' + p.hops.map(function (h) {
        return esc(h.from.name) + ' ' + esc(h.relation) + ' ' + esc(h.to.name) + '：' + h.strength + '（' + esc(h.when) + '）';
      }).join('<br>') + '</td></tr>';
    }).join('') + '</table><p class="muted">' + esc(w.rule) + '</p>';
  }).catch(function (e) { warm.innerHTML = '<p class="error">' + esc(e.message) + '</p>'; });

  var projects = document.getElementById('projects');
  function loadProjects() {
    fetch('/api/v1/projects?enterprise=' + encodeURIComponent(code)).then(json).then(function (list) {
      if (!list.length) { projects.innerHTML = '<p class="muted">尚无项目。</p>'; return; }
      projects.innerHTML = '<table id="project-table"><tr><th>项目</th><th>产业链</th><th>阶段</th><th>投资额（亿元）</th><th>引荐人</th><th>进展</th></tr>' + list.map(function (p) {
        return '<tr><td>' + esc(p.name) + ' <span class="muted">' + esc(p.id) + '</span></td><td>' + esc(p.chainName || p.chain || '') + '</td><td>' + esc(p.stage) + '</td><td>'
          + (p.investmentYuan == null ? '' : (p.investmentYuan / 1e8).toFixed(2)) + '</td><td>' + p.referrers.map(function (r) {
            var credited = p.credits.some(function (c) { return c.referrer === r; });
            return esc(r) + (credited ? '（已记功）' : '');
          }).join('、') + '</td><td>' + p.moves.map(function (m) { return esc(m.stage) + ' ' + esc(m.date) + ' ' + esc(m.by); }).join('<br>')
          + (p.corrections || []).map(function (c) {
            return '<br><span class="muted">已撤销：' + esc(c.stage) + ' ' + esc(c.date) + '（' + esc(c.undoneBy) + '：' + esc(c.reason) + '）</span>';
          }).join('') + '</td></tr>';
      }).join('') + '</table>';
    }).catch(function (e) { projects.innerHTML = '<p class="error">' + esc(e.message) + '</p>'; });
  }
  loadProjects();

  fetch('/api/v1/chains').then(json).then(function (chains) {
    var select = document.getElementById('project-chain');
    (chains.chains || chains).forEach(function (c) {
      var o = document.createElement('option'); o.value = c.id; o.textContent = c.name; select.appendChild(o);
    });
  }).catch(function () { });

  var form = document.getElementById('project-form');
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = form.elements;
    var message = document.getElementById('project-message');
    var body = { enterprise: code, name: f.namedItem('name').value, chain: f.chain.value || null, stage: f.stage.value, by: f.by.value,
      investmentYuan: f.investment.value ? Number(f.investment.value) * 1e8 : null,
      referrers: f.referrers.value ? f.referrers.value.split(/[、,，;；\s]+/).filter(Boolean) : [] };
    fetch('/api/v1/projects', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(json).then(function (p) { message.textContent = '已登记：' + p.name + '（' + p.stage + '）'; message.className = ''; loadProjects(); })
      .catch(function (e) { message.textContent = e.message; message.className = 'error'; });
  });
})();
