// The dashboard's charts: drawn from the figures the server put in #dashboardCharts (nothing is computed here).
// SVG so that they print sharply on A4; tooltips as rich text, never HTML, so names typed by users stay text.
(function () {
  var holder = document.getElementById('dashboardCharts');
  var chooser = document.getElementById('planChooser');
  if (chooser) {
    chooser.addEventListener('change', function () { window.location.href = chooser.value; });
  }
  if (!holder || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(holder.dataset.charts);
  var colours = { GREEN: '#2e9d57', YELLOW: '#e0a100', RED: '#c62828', DONE: '#1f5fa8', CANCELLED: '#9e9e9e' };
  var drawn = [];

  function draw(id, option, links) {
    var element = document.getElementById(id);
    if (!element) {
      return;
    }
    var chart = echarts.init(element, null, { renderer: 'svg' });
    option.animation = false;
    option.tooltip = Object.assign({ renderMode: 'richText', confine: true }, option.tooltip || {});
    chart.setOption(option);
    if (links) {
      chart.on('click', function (params) {
        var link = links[params.dataIndex];
        if (link) {
          window.location.href = link;
        }
      });
    }
    element.dataset.drawn = 'true';
    drawn.push(chart);
  }

  // empty states are left out of the ring, so their labels do not pile up on each other
  var states = data.states.filter(function (s) { return s.value > 0; });
  draw('chartStates', {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '60%'], center: ['50%', '45%'], avoidLabelOverlap: true,
      labelLayout: { hideOverlap: true }, label: { formatter: '{b}\n{c}' },
      data: states.map(function (s) { return { name: s.name, value: s.value, itemStyle: { color: colours[s.key] } }; }) }]
  }, states.map(function (s) { return s.link; }));

  draw('chartCompletion', {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, data: ['应完成', '已办结'] },
    grid: { left: 40, right: 20, top: 20, bottom: 50 },
    xAxis: { type: 'category', data: data.months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '应完成', type: 'line', data: data.due, itemStyle: { color: '#1f5fa8' } },
      { name: '已办结', type: 'line', data: data.done, itemStyle: { color: '#2e9d57' }, areaStyle: { opacity: 0.15 } }
    ]
  }, data.months.map(function () { return data.doneLink; }));

  var overdue = document.getElementById('chartOverdue');
  if (overdue) {
    // one row per unit, every unit named
    overdue.style.height = Math.max(200, data.overdueUnits.length * 24 + 50) + 'px';
  }
  draw('chartOverdue', {
    tooltip: { trigger: 'axis' },
    grid: { left: 10, right: 30, top: 10, bottom: 30, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: data.overdueUnits, inverse: true, axisLabel: { interval: 0 } },
    series: [{ type: 'bar', data: data.overdueCounts, itemStyle: { color: colours.RED }, label: { show: true, position: 'right' } }]
  }, data.overdueLinks);

  data.indicators.forEach(function (indicator, index) {
    draw('chartIndicator-' + index, {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, data: ['分解目标', '台账累计'] },
      grid: { left: 10, right: 20, top: 30, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: indicator.units, axisLabel: { interval: 0, rotate: indicator.units.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', name: indicator.unit },
      series: [
        { name: '分解目标', type: 'bar', data: indicator.targets, itemStyle: { color: '#b7cbe6' } },
        { name: '台账累计', type: 'bar', data: indicator.achieved, itemStyle: { color: '#1f5fa8' } }
      ]
    }, indicator.links);
  });

  window.addEventListener('resize', function () { drawn.forEach(function (chart) { chart.resize(); }); });
  window.addEventListener('beforeprint', function () { drawn.forEach(function (chart) { chart.resize(); }); });
})();
