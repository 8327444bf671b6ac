// Suggestions as you type, from /api/v1/search/suggest; works with touch and keyboard.
(function () {
  const input = document.getElementById('q');
  const list = document.getElementById('suggestions');
  if (!input || !list) return;
  let timer = null;
  let seq = 0;
  function hide() { list.hidden = true; list.innerHTML = ''; }
  input.addEventListener('input', function () {
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) { hide(); return; }
    timer = setTimeout(function () {
      const mine = ++seq;
      fetch('/api/v1/search/suggest?q=' + encodeURIComponent(text))
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) {
          if (mine !== seq) return;
          list.innerHTML = '';
          (data.suggestions || []).forEach(function (s) {
            const li = document.createElement('li');
            const a = document.createElement('a');
            a.href = '/enterprises/' + encodeURIComponent(s.code);
            a.textContent = s.name + '　' + s.code + (s.region ? '　' + s.region : '');
            li.appendChild(a);
            list.appendChild(li);
          });
          list.hidden = list.children.length === 0;
        })
        .catch(hide);
    }, 120);
  });
  document.addEventListener('click', function (e) { if (e.target !== input) hide(); });
})();
