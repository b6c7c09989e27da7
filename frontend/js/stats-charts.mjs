// Charts of the statistics pages (hromada/analytics/templates/analytics/),
// drawn with Chart.js from the HTML tables beside them: the table is the
// data and stays on the page for screen readers, keyboards and print; the
// chart is a picture of it.
//
// A chart is a [data-module="hromada-stats-chart"] element whose data-*
// attributes say: data-table, the id of its table; data-series="rows" (each
// body row is a dataset, the columns marked data-series are the labels) or
// "columns" (each column marked data-series is a dataset, the rows' headers
// are the labels); data-stacked; data-label, the chart's text alternative.
// The numbers come from the cells' data-value, never from their formatted
// text. Without this module the page shows the tables alone.
import "./chart/chart.umd.js";

const SELECTOR = '[data-module="hromada-stats-chart"]';
// Colours with at least 3:1 contrast against white (WCAG 2.1, 1.4.11).
const COLOURS = [
  "#0b4a8b",
  "#9b1b30",
  "#00703c",
  "#6f3c00",
  "#4c2c92",
  "#005a66",
  "#505a5f",
  "#942514",
];

function seriesColumns(table) {
  const headers = [...table.tHead.rows[0].cells];
  return headers
    .map((cell, index) => (cell.hasAttribute("data-series") ? index : -1))
    .filter((index) => index >= 0);
}

function value(row, index) {
  return Number(row.cells[index]?.dataset.value ?? 0);
}

function fromTable(table, byRows) {
  const columns = seriesColumns(table);
  const headers = table.tHead.rows[0].cells;
  const rows = [...table.tBodies[0].rows];
  const rowLabel = (row) => row.cells[0].textContent.trim();
  if (byRows) {
    return {
      labels: columns.map((index) => headers[index].textContent.trim()),
      datasets: rows.map((row) => ({
        label: rowLabel(row),
        data: columns.map((index) => value(row, index)),
      })),
    };
  }
  return {
    labels: rows.map(rowLabel),
    datasets: columns.map((index) => ({
      label: headers[index].textContent.trim(),
      data: rows.map((row) => value(row, index)),
    })),
  };
}

function draw(root) {
  const Chart = window.Chart;
  const table = document.getElementById(root.dataset.table);
  if (!Chart || !table || !table.tHead || !table.tBodies.length) {
    return;
  }
  const data = fromTable(table, root.dataset.series === "rows");
  data.datasets.forEach((dataset, index) => {
    const colour = COLOURS[index % COLOURS.length];
    Object.assign(dataset, { backgroundColor: colour, borderColor: colour });
  });
  const stacked = root.dataset.stacked === "true";
  const canvas = document.createElement("canvas");
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", root.dataset.label);
  canvas.textContent = root.dataset.label;
  root.append(canvas);
  root.hidden = false;
  const locale = document.documentElement.lang || "uk";
  new Chart(canvas, {
    type: "bar",
    data,
    options: {
      animation: false,
      locale,
      maintainAspectRatio: false,
      responsive: true,
      scales: {
        x: { stacked },
        y: { stacked, beginAtZero: true, ticks: { precision: 0 } },
      },
      plugins: { legend: { position: "bottom" } },
    },
  });
}

document.querySelectorAll(SELECTOR).forEach(draw);
