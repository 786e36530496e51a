// Apache ECharts with only what the dashboards draw: bars, the province map, tooltips, the colour scale, the target
// line; the SVG renderer (crisp on phones, smaller than canvas).
// Loaded on demand: Chart.tsx imports this file with import(), so echarts/core and these parts are a chunk of their own.
import * as echarts from 'echarts/core';
import { BarChart, MapChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { provinceGeoJson } from './provinceGeo.js';

echarts.use([BarChart, MapChart, GridComponent, MarkLineComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);
echarts.registerMap('vn-provinces', provinceGeoJson() as never);

export { echarts };
