/* The static edition's charts: drawn by plotly.js from the JSON in each page, no network.
   Charts draw as soon as plotly.js has run; maps wait for the world topojson, which is loaded
   (as a script, so it works from file:// too) only by pages that have a map. */
(function () {
  "use strict";
  var plots = Array.prototype.slice.call(document.querySelectorAll(".plot"));
  function draw(div) {
    var spec = JSON.parse(document.getElementById(div.id + "-data").textContent);
    return Plotly.newPlot(div, spec).then(function () {
      if (!window.firstChartMs) { window.firstChartMs = performance.now(); }
      div.setAttribute("data-drawn", "1");
    }).catch(function (error) {
      div.setAttribute("data-error", String(error));
    });
  }
  var maps = plots.filter(function (div) { return div.hasAttribute("data-geo"); });
  plots.filter(function (div) { return !div.hasAttribute("data-geo"); }).forEach(draw);
  if (maps.length) {
    var script = document.createElement("script");
    script.src = document.body.getAttribute("data-assets") + "world_110m.js";
    script.onload = function () { maps.forEach(draw); };
    document.head.appendChild(script);
  }
})();
