// plotly.js with only the traces the static edition draws: scatter (in core), bar, scattergeo,
// choropleth. Built by build.sh into ../assets/plotly-site.min.js.
var Plotly = require('plotly.js/lib/core');

Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/scattergeo'),
    require('plotly.js/lib/choropleth'),
]);

module.exports = Plotly;
