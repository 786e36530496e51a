// Only the parts of ECharts the integrity page draws (bars, mark lines, grid, tooltip, legend; canvas), loaded on
// demand by Chart.tsx so the workspace's other pages never download them.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);
export { echarts };
