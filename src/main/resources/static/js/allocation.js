// The decomposition table: live sums and checks as the coordinator types ("1.05亿", "3000万" count as printed).
(function () {
  'use strict';

  const FACTORS = { '亿': 100000000, '万': 10000, '千': 1000 };

  /** The value typed in the indicator's unit, or NaN when it is not a number; null when blank. */
  function parse(text, unit) {
    const clean = (text || '').trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xFEE0))
      .replace(/[,，]/g, '').replace(/．/g, '.').replace(/％/g, '%');
    if (!clean) return null;
    const m = clean.match(/^([0-9]+(?:\.[0-9]+)?)\s*(亿|万|千)?\s*(\S{0,4})$/);
    if (!m || !(m[3] === '' || m[3] === unit || (m[3] === '%' && unit === '%'))) return NaN;
    return Number(m[1]) * (m[2] ? FACTORS[m[2]] : 1);
  }

  function format(value, unit) {
    if (unit === '元' || unit === '人' || unit === '人次') {
      if (Math.abs(value) >= 1e8) return +(value / 1e8).toFixed(6) + ' 亿' + unit;
      if (Math.abs(value) >= 1e4) return +(value / 1e4).toFixed(6) + ' 万' + unit;
    }
    return +value.toFixed(6) + (unit === '%' ? '%' : ' ' + unit);
  }

  function meets(value, target, comparator) {
    if (comparator === '>=') return value >= target;
    if (comparator === '<=') return value <= target;
    return Math.abs(value - target) < 1e-9;
  }

  function update(row) {
    const unit = row.dataset.unit;
    const total = Number(row.dataset.total);
    const split = row.dataset.kind === 'split';
    let sum = 0;
    let filled = 0;
    const notes = [];
    row.querySelectorAll('input.cell').forEach((input) => {
      const value = parse(input.value, unit);
      input.classList.remove('bad');
      input.title = '';
      if (value === null) return;
      if (Number.isNaN(value)) {
        input.classList.add('bad');
        input.title = '不是数值：请填写数字，可带“万”“亿”';
        notes.push(input.dataset.unitName + '：不是数值');
        return;
      }
      if (input.dataset.notResponsible) {
        input.classList.add('bad');
        input.title = input.dataset.unitName + '不是' + input.dataset.notResponsible + '的责任单位';
        notes.push(input.title + '，请清空');
        return;
      }
      filled++;
      sum += value;
      if (!split && !meets(value, total, row.dataset.comparator)) {
        input.classList.add('bad');
        input.title = '低于各单位分别要达到的目标';
        notes.push(input.dataset.unitName + '：未达到目标');
      }
    });
    const cell = row.querySelector('td.sum');
    let text;
    let balanced = true;
    if (filled === 0) {
      text = '未分解';
    } else if (split) {
      const diff = sum - total;
      balanced = Math.abs(diff) < 1e-6;
      text = '合计 ' + format(sum, unit) + (balanced ? '（与总量一致）' : '（' + (diff > 0 ? '多 ' : '差 ') + format(Math.abs(diff), unit) + '）');
    } else {
      text = '各单位分别达到';
    }
    if (notes.length) {
      balanced = false;
      text += '；' + notes.join('；');
    }
    cell.textContent = text;
    row.classList.toggle('unbalanced', !balanced);
  }

  document.querySelectorAll('#allocation-form tr[data-indicator]').forEach((row) => {
    row.addEventListener('input', () => update(row));
    update(row);
  });
}());
