// Review of a parsed plan: an editable table over the plan JSON, submitted as JSON (all or nothing on the server).
(function () {
  'use strict';

  const plan = JSON.parse(document.getElementById('plan-data').textContent);
  const directory = JSON.parse(document.getElementById('directory-data').textContent);
  const tbody = document.getElementById('tasks');
  // Tasks the reading is unsure of come first; the plan keeps its printed order when it is submitted.
  (plan.tasks || []).forEach((task, index) => { task.printedOrder = index; });
  const flagged = (task) => (task.review && task.review.attention.length > 0 ? 0 : 1);
  (plan.tasks || []).sort((a, b) => flagged(a) - flagged(b)
    || ((a.review ? a.review.confidence : 1) - (b.review ? b.review.confidence : 1)) || a.printedOrder - b.printedOrder);
  const COMPARATORS = ['>=', '<=', '='];
  const FIELD_LABELS = {
    number: '编号', title: '任务名称', content: '任务内容', deadline: '完成时限', leadUnit: '牵头单位', coUnits: '配合单位',
    indicators: '协议指标', milestones: '节点', issuer: '发文机关', year: '年度', tasks: '任务',
  };

  const compact = (name) => (name || '').replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
  const unitNames = new Map(directory.units.map((u) => [u.id, u.name]));
  const known = new Map();
  directory.units.forEach((u) => {
    known.set(compact(u.name), { kind: 'unit', hint: u.name });
    (u.aliases || []).forEach((a) => known.set(compact(a), { kind: 'unit', hint: a + ' = ' + u.name }));
  });
  const retired = new Map((directory.retired || []).map((r) => [compact(r.name), r.id]));
  directory.groups.forEach((g) => known.set(compact(g.token), {
    kind: 'group', hint: g.token + ' = ' + g.memberIds.map((id) => unitNames.get(id) || id).join('、'),
  }));

  const datalist = document.getElementById('unit-names');
  [...directory.units.map((u) => u.name), ...directory.groups.map((g) => g.token)].forEach((name) => {
    const option = document.createElement('option');
    option.value = name;
    datalist.appendChild(option);
  });

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => {
      if (key === 'class') node.className = value;
      else if (key.startsWith('on')) node.addEventListener(key.substring(2), value);
      else if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value === true ? '' : value);
    });
    children.flat().forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(child ?? '')));
    return node;
  }

  function units(task) {
    return task.leadUnit ? [task.leadUnit, ...(task.coUnits || [])] : [...(task.coUnits || [])];
  }

  function setUnits(task, list) {
    task.leadUnit = list.length ? list[0] : null;
    task.coUnits = list.slice(1);
  }

  const suggestions = directory.suggestions || {};

  /** The directory name a suggestion stands for: "市人力资源和社会保障局（市人社局）" is 市人力资源和社会保障局. */
  function suggestedName(suggestion) {
    if (known.has(compact(suggestion))) return suggestion;
    const base = suggestion.replace(/（[^（）]*）$/, '');
    return known.has(compact(base)) ? base : null;
  }

  /** One click maps a printed name to a directory name in every task of the plan. */
  function replaceEverywhere(printed, name) {
    plan.tasks.forEach((task) => {
      const list = units(task).map((unit) => (compact(unit) === compact(printed) ? name : unit));
      setUnits(task, list.filter((unit, i) => list.findIndex((u) => compact(u) === compact(unit)) === i));
    });
    render();
  }

  /** A printed name the directory does not know becomes a new unit, without leaving the review. */
  function addUnitForm(printed) {
    const problems = el('ul', { class: 'problems' });
    const id = el('input', { type: 'text', class: 'new-unit-id', placeholder: '单位编码，如 hrss', size: 14 });
    const name = el('input', { type: 'text', class: 'new-unit-name', value: printed, size: 18 });
    const kind = el('select', { class: 'new-unit-kind' }, el('option', { value: '' }, '类别'),
      (directory.kinds || []).map((k) => el('option', { value: k.name }, k.label)));
    const form = el('span', { class: 'add-unit-form' }, id, name, kind);
    form.append(el('button', {
      type: 'button', class: 'save-unit',
      onclick: async () => {
        const csrf = document.querySelector('meta[name="_csrf"]');
        const header = document.querySelector('meta[name="_csrf_header"]');
        const headers = { 'Content-Type': 'application/json' };
        if (csrf && header) headers[header.content] = csrf.content;
        const response = await fetch(form.closest('[data-directory-url]')?.dataset.directoryUrl || '/directory/units', {
          method: 'POST', headers, body: JSON.stringify({ id: id.value, name: name.value, kind: kind.value,
            aliases: compact(name.value) === compact(printed) ? '' : printed }),
        });
        const answer = await response.json().catch(() => ({ problems: ['保存失败（' + response.status + '）'] }));
        if (!response.ok) {
          problems.replaceChildren(...(answer.problems || [answer.message || '保存失败']).map((p) => el('li', {}, p)));
          return;
        }
        known.set(compact(answer.name), { kind: 'unit', hint: answer.name });
        (answer.aliases || []).forEach((a) => known.set(compact(a), { kind: 'unit', hint: a + ' = ' + answer.name }));
        replaceEverywhere(printed, answer.name);
      },
    }, '添加到名录'), problems);
    return form;
  }

  function unknownActions(name) {
    const actions = el('span', { class: 'unknown-actions' });
    // a retired unit's name is not added again: the unit is restored, or the task names a unit in use
    const retiredId = retired.get(compact(name));
    const addButton = retiredId
      ? el('span', { class: 'retired-note' }, '该单位已停用，请改为现用单位，或',
        el('a', { href: '/directory/units/' + encodeURIComponent(retiredId), target: '_blank', class: 'link' },
          '到单位名录恢复启用'))
      : el('button', { type: 'button', class: 'link add-as-unit',
        onclick: (e) => e.target.replaceWith(addUnitForm(name)) }, '添加为新单位');
    const show = (list) => list.map(suggestedName).filter((s) => s).forEach((suggestion) => {
      addButton.before(el('button', { type: 'button', class: 'link use-suggestion', 'data-suggestion': suggestion,
        onclick: () => replaceEverywhere(name, suggestion) }, '改为“' + suggestion + '”'));
    });
    actions.append(addButton);
    const known = suggestions[compact(name)];
    if (known) {
      show(known);
    } else {
      // a name typed on this page: ask the directory for close matches
      const base = document.querySelector('[data-directory-url]')?.dataset.directoryUrl || '/directory/units';
      fetch(base.replace(/units$/, 'suggest') + '?name=' + encodeURIComponent(name), { credentials: 'same-origin' })
        .then((response) => (response.ok ? response.json() : []))
        .then((list) => { suggestions[compact(name)] = list; show(list); })
        .catch(() => {});
    }
    return actions;
  }

  function chip(task, name, index, rerender) {
    const info = known.get(compact(name)) || { kind: 'unknown',
      hint: retired.has(compact(name)) ? '该单位已在单位名录中停用：请改为现用单位，或请协调员恢复启用' : '单位名录中没有此单位' };
    const lead = index === 0;
    const node = chipOf(task, name, index, rerender, info, lead);
    return info.kind === 'unknown' ? el('span', { class: 'unknown-unit' }, node, unknownActions(name)) : node;
  }

  function chipOf(task, name, index, rerender, info, lead) {
    return el('span', { class: 'chip ' + info.kind + (lead ? ' lead' : ''), title: info.hint, 'data-unit': name },
      el('button', {
        type: 'button', class: 'make-lead', title: lead ? '牵头单位' : '设为牵头单位',
        onclick: () => { const list = units(task); list.splice(index, 1); list.unshift(name); setUnits(task, list); rerender(); },
      }, lead ? '★' : '☆'),
      name,
      el('button', {
        type: 'button', class: 'remove', title: '移除',
        onclick: () => { const list = units(task); list.splice(index, 1); setUnits(task, list); rerender(); },
      }, '×'));
  }

  function unitsCell(task) {
    const cell = el('td', { class: 'units' });
    const rerender = () => cell.replaceWith(unitsCell(task));
    units(task).forEach((name, index) => cell.append(chip(task, name, index, rerender)));
    const input = el('input', { type: 'text', list: 'unit-names', class: 'add-unit', placeholder: '添加单位' });
    input.addEventListener('change', () => {
      const name = compact(input.value);
      if (name && !units(task).map(compact).includes(name)) {
        setUnits(task, [...units(task), name]);
        rerender();
      }
    });
    cell.append(input);
    return cell;
  }

  function indicatorsCell(task) {
    const cell = el('td', { class: 'indicators' });
    const rerender = () => cell.replaceWith(indicatorsCell(task));
    task.indicators = task.indicators || [];
    task.indicators.forEach((indicator, index) => {
      const number = (field) => el('input', {
        type: 'number', step: 'any', min: '0', class: field, value: indicator[field] ?? '',
        oninput: (e) => { indicator[field] = e.target.value === '' ? null : Number(e.target.value); },
      });
      cell.append(el('div', { class: 'indicator', title: indicator.text || '' },
        el('input', { type: 'text', class: 'name', size: 10, placeholder: '指标名称', value: indicator.name || '',
          oninput: (e) => { indicator.name = e.target.value; } }),
        el('select', { class: 'comparator', onchange: (e) => { indicator.comparator = e.target.value; } },
          COMPARATORS.map((c) => el('option', { value: c, selected: c === indicator.comparator }, c))),
        number('value'),
        el('input', { type: 'text', class: 'unit', size: 3, placeholder: '单位', value: indicator.unit || '',
          oninput: (e) => { indicator.unit = e.target.value; } }),
        ' 力争', number('stretch'),
        el('button', { type: 'button', class: 'remove', title: '删除指标',
          onclick: () => { task.indicators.splice(index, 1); rerender(); } }, '×')));
    });
    cell.append(el('button', { type: 'button', class: 'link add-indicator',
      onclick: () => { task.indicators.push({ comparator: '>=', value: null, unit: '', name: '' }); rerender(); } },
    '＋ 指标'));
    return cell;
  }

  function row(task, index) {
    const field = (name, attributes) => el('input', Object.assign({
      type: 'text', class: name, value: task[name] || '',
      oninput: (e) => { task[name] = e.target.value; },
    }, attributes || {}));
    const deadlineText = el('small', { class: 'deadline-text' }, task.deadlineText ? '原文：' + task.deadlineText : '');
    const attention = task.review ? task.review.attention : [];
    return el('tr', { 'data-number': task.number || '', class: attention.length > 0 ? 'needs-attention' : '' },
      el('td', { class: 'confidence' }, task.review
        ? el('span', { class: attention.length > 0 ? 'badge attention' : 'badge sure',
          title: '识别置信度 ' + task.review.confidence.toFixed(2) },
        attention.length > 0 ? '需核对' : '✓', ' ', task.review.confidence.toFixed(2))
        : '', el('ul', { class: 'attention' }, attention.map((reason) => el('li', {}, reason)))),
      el('td', {}, field('number', { size: 5 })),
      el('td', { class: 'task' },
        field('section', { placeholder: '重点工作', size: 14 }), ' ',
        field('title', { placeholder: '任务名称', size: 24 }),
        el('details', {}, el('summary', {}, '内容'),
          el('textarea', { class: 'content', rows: 5, oninput: (e) => { task.content = e.target.value; } }, task.content || ''))),
      el('td', { class: 'deadline' },
        el('input', { type: 'date', class: 'deadline', value: task.deadline || '',
          oninput: (e) => { task.deadline = e.target.value || null; task.deadlineText = null; deadlineText.textContent = ''; } }),
        el('label', {}, el('input', { type: 'checkbox', class: 'year-round', checked: !!task.yearRound,
          onchange: (e) => { task.yearRound = e.target.checked; } }), '全年'),
        el('br'), deadlineText),
      unitsCell(task),
      indicatorsCell(task),
      el('td', {}, el('button', { type: 'button', class: 'secondary remove-task', title: '删除任务',
        onclick: () => { plan.tasks.splice(index, 1); render(); } }, '删除')));
  }

  function render() {
    tbody.replaceChildren(...plan.tasks.map(row));
    const unsure = plan.tasks.filter((task) => task.review && task.review.attention.length > 0).length;
    document.getElementById('review-summary').textContent = '共 ' + plan.tasks.length + ' 项任务'
      + (unsure > 0 ? '，其中 ' + unsure + ' 项需要核对（已排在最前，标为“需核对”）。' : '，均已识别出责任单位和完成时限。');
    saveDraft();
  }

  // Edits are kept in the browser until the plan is submitted, so a reload or a closed tab loses nothing.
  const draftKey = 'xiezuo-review:' + [plan.issuer, plan.year, plan.title, (plan.tasks || []).length].join('|');
  let draftDecided = true;

  function saveDraft() {
    if (!draftDecided || typeof collect !== 'function') return;
    try {
      localStorage.setItem(draftKey, JSON.stringify({ savedAt: new Date().toISOString(), plan: collect() }));
    } catch (e) { /* storage full or disabled: the page still works, only without the draft */ }
  }

  function offerDraft() {
    let draft = null;
    try { draft = JSON.parse(localStorage.getItem(draftKey) || 'null'); } catch (e) { draft = null; }
    if (!draft || !draft.plan) return;
    draftDecided = false;
    const when = new Date(draft.savedAt).toLocaleString('zh-CN');
    const banner = el('div', { class: 'notice', id: 'draft-banner' }, '本计划有 ' + when + ' 未提交的修改。 ',
      el('button', { type: 'button', id: 'restore-draft', onclick: () => {
        Object.assign(plan, draft.plan);
        header.title.value = plan.title || '';
        header.year.value = plan.year || '';
        header.issuer.value = plan.issuer || '';
        header.docNumber.value = plan.docNumber || '';
        draftDecided = true;
        banner.remove();
        render();
      } }, '恢复这些修改'), ' ',
      el('button', { type: 'button', class: 'secondary', onclick: () => {
        draftDecided = true;
        localStorage.removeItem(draftKey);
        banner.remove();
      } }, '放弃，按识别结果重新核对'));
    tbody.closest('table').before(banner);
  }

  const header = {
    title: document.getElementById('plan-title'),
    year: document.getElementById('plan-year'),
    issuer: document.getElementById('plan-issuer'),
    docNumber: document.getElementById('plan-doc'),
  };
  header.title.value = plan.title || '';
  header.year.value = plan.year || '';
  header.issuer.value = plan.issuer || '';
  header.docNumber.value = plan.docNumber || '';

  function collect() {
    return {
      title: header.title.value.trim(),
      year: header.year.value ? Number(header.year.value) : null,
      issuer: header.issuer.value.trim(),
      docNumber: header.docNumber.value.trim() || null,
      tasks: plan.tasks.slice().sort((a, b) => (a.printedOrder ?? Infinity) - (b.printedOrder ?? Infinity))
        .map((task) => Object.assign({}, task, {
          indicators: (task.indicators || []).filter((i) => i.value !== null && i.value !== undefined || i.unit),
          printedOrder: undefined,
          review: undefined,
        })),
    };
  }

  function showProblems(message, problems) {
    const box = document.getElementById('problems');
    box.classList.remove('hidden');
    box.replaceChildren(el('strong', {}, message),
      el('ul', {}, (problems || []).map((p) => el('li', {},
        (p.row ? '第 ' + p.row + ' 行 ' : '') + (p.task ? '任务 ' + p.task + ' ' : '') + '「' + (FIELD_LABELS[p.field] || p.field) + '」：' + p.message))));
    tbody.querySelectorAll('tr').forEach((tr) => tr.classList.remove('has-problem'));
    (problems || []).forEach((p) => {
      const tr = p.task && tbody.querySelector('tr[data-number="' + CSS.escape(p.task) + '"]');
      if (tr) tr.classList.add('has-problem');
    });
    box.scrollIntoView({ behavior: 'smooth' });
  }

  function post(url, body) {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    const token = document.querySelector('meta[name="_csrf"]');
    const headerName = document.querySelector('meta[name="_csrf_header"]');
    if (token && headerName) headers[headerName.content] = token.content;
    return fetch(url, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' })
      .then((response) => {
        const json = (response.headers.get('Content-Type') || '').includes('json');
        if (response.redirected || !json) {
          // the session ended: the answer is the login page, not JSON; the edits stay in this browser's draft
          throw new Error('登录已过期：请在新标签页重新登录后再点“检查”或“提交审核”，本页的修改已保存在浏览器中。');
        }
        return response;
      });
  }

  function failed(error) {
    status.textContent = '';
    showProblems(error.message, []);
  }

  const status = document.getElementById('submit-status');

  document.getElementById('add-task').addEventListener('click', () => {
    plan.tasks.push({ number: '', title: '', coUnits: [], indicators: [], milestones: [], yearRound: false,
      deadline: plan.year ? plan.year + '-12-31' : null });
    render();
  });

  document.getElementById('check-plan').addEventListener('click', async () => {
    let response;
    try { response = await post('/plans/check', collect()); } catch (error) { failed(error); return; }
    const problems = await response.json();
    if (problems.length === 0) {
      document.getElementById('problems').classList.add('hidden');
      status.textContent = '检查通过，可以提交。';
    } else {
      showProblems('提交前需要处理的问题：', problems);
    }
  });

  document.getElementById('submit-plan').addEventListener('click', async () => {
    status.textContent = '正在提交……';
    const newVersion = document.getElementById('new-version').checked;
    let response;
    try { response = await post('/plans?newVersion=' + newVersion, collect()); } catch (error) { failed(error); return; }
    const answer = await response.json();
    if (response.status === 201) {
      draftDecided = false;
      localStorage.removeItem(draftKey);
      status.textContent = '已提交，正在打开计划……';
      window.location.assign(answer.url);
      return;
    }
    status.textContent = '';
    if (answer.conflict) document.getElementById('new-version-label').classList.remove('hidden');
    showProblems(answer.message || '提交失败', answer.problems);
  });

  document.addEventListener('input', saveDraft);
  document.addEventListener('change', saveDraft);
  offerDraft();
  render();
}());
