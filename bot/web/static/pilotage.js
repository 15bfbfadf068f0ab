// Charts of the managers' dashboard, drawn as SVG from the table under each chart
// (cells carry their raw value in data-value): no library, no inline script (strict CSP).
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var COLOURS = ["#004c97", "#e07b00", "#2e8540", "#a3218c"];
  var number = new Intl.NumberFormat("fr-FR");

  function el(name, attributes, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function text(parent, x, y, content, anchor, extra) {
    var node = el("text", Object.assign({ x: x, y: y, "text-anchor": anchor || "start" }, extra || {}), parent);
    node.textContent = content;
    return node;
  }

  // Columns of the table: key -> index, label.
  function readTable(figure) {
    var table = document.getElementById(figure.dataset.table);
    var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (cell) {
      return { key: cell.dataset.column, label: cell.textContent };
    });
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    if (figure.dataset.skipFirst === "oui") rows = rows.slice(1);
    function column(key) {
      var index = headers.findIndex(function (header) { return header.key === key; });
      return {
        label: headers[index].label,
        values: rows.map(function (row) { return row.cells[index].dataset.value; }),
        texts: rows.map(function (row) { return row.cells[index].textContent; })
      };
    }
    return { column: column };
  }

  function niceMax(value) {
    if (value <= 0) return 1;
    var power = Math.pow(10, Math.floor(Math.log10(value)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (steps[i] * power >= value) return steps[i] * power;
    }
    return 10 * power;
  }

  function legend(svg, series, width) {
    series.forEach(function (serie, index) {
      var x = 60 + index * Math.min(220, (width - 60) / series.length);
      el("rect", { x: x, y: 4, width: 12, height: 12, fill: COLOURS[index % COLOURS.length] }, svg);
      text(svg, x + 16, 14, serie.label, "start", { class: "chart-legend" });
    });
  }

  function lineChart(figure, data, xKey, seriesKeys) {
    var width = 760, height = 260, left = 56, right = 12, top = 28, bottom = 40;
    var x = data.column(xKey);
    var series = seriesKeys.map(function (key) {
      var column = data.column(key);
      return { label: column.label, values: column.values.map(Number) };
    });
    var max = niceMax(Math.max.apply(null, series.map(function (s) { return Math.max.apply(null, s.values); })));
    var count = x.values.length;
    var svg = el("svg", { viewBox: "0 0 " + width + " " + height, role: "img", class: "chart chart-line" });
    var plotWidth = width - left - right, plotHeight = height - top - bottom;
    function px(i) { return left + (count > 1 ? (i * plotWidth) / (count - 1) : plotWidth / 2); }
    function py(v) { return top + plotHeight - (v / max) * plotHeight; }
    for (var tick = 0; tick <= 4; tick++) {
      var value = (max * tick) / 4;
      el("line", { x1: left, x2: width - right, y1: py(value), y2: py(value), class: "chart-grid" }, svg);
      text(svg, left - 6, py(value) + 4, number.format(value), "end", { class: "chart-axis" });
    }
    var every = Math.max(1, Math.ceil(count / 10));
    x.texts.forEach(function (label, i) {
      if (i % every === 0) text(svg, px(i), height - bottom + 16, label.slice(0, 5), "middle", { class: "chart-axis" });
    });
    series.forEach(function (serie, index) {
      var points = serie.values.map(function (v, i) { return px(i) + "," + py(v); }).join(" ");
      el("polyline", { points: points, fill: "none", stroke: COLOURS[index % COLOURS.length], "stroke-width": 2,
                       class: "chart-series" }, svg);
      serie.values.forEach(function (v, i) {
        var dot = el("circle", { cx: px(i), cy: py(v), r: 2.5, fill: COLOURS[index % COLOURS.length] }, svg);
        el("title", {}, dot).textContent = x.texts[i] + " — " + serie.label + " : " + number.format(v);
      });
    });
    legend(svg, series, width);
    return svg;
  }

  function barChart(figure, data, xKey, seriesKeys) {
    var labels = data.column(xKey).texts;
    var serie = data.column(seriesKeys[0]);
    var values = serie.values.map(function (v) { return Number(v) || 0; });
    var barHeight = 22, gap = 6, left = 230, right = 70, top = 8;
    var width = 760, height = top + labels.length * (barHeight + gap) + 8;
    var max = niceMax(Math.max.apply(null, values));
    var svg = el("svg", { viewBox: "0 0 " + width + " " + height, role: "img", class: "chart chart-bars" });
    labels.forEach(function (label, i) {
      var y = top + i * (barHeight + gap);
      var length = ((width - left - right) * values[i]) / max;
      text(svg, left - 8, y + barHeight / 2 + 4, label.length > 34 ? label.slice(0, 33) + "…" : label, "end",
           { class: "chart-axis" });
      var bar = el("rect", { x: left, y: y, width: Math.max(length, values[i] ? 1 : 0), height: barHeight,
                             fill: COLOURS[0], class: "chart-bar" }, svg);
      el("title", {}, bar).textContent = label + " — " + serie.label + " : " + serie.texts[i];
      text(svg, left + length + 6, y + barHeight / 2 + 4, serie.texts[i], "start", { class: "chart-value" });
    });
    return svg;
  }

  document.querySelectorAll("figure[data-chart]").forEach(function (figure) {
    var data = readTable(figure);
    var series = figure.dataset.series.split(",");
    var draw = figure.dataset.chart === "line" ? lineChart : barChart;
    var svg = draw(figure, data, figure.dataset.x, series);
    svg.setAttribute("aria-label", figure.getAttribute("aria-label"));
    figure.appendChild(svg);
  });
})();
