// The dashboards' API answers (src/modules/stats/stats.contract.ts).
import type { z } from 'zod';
import type { dashboardOut, indicatorOut, modernChannelsOut, officeDashboardOut } from '../../../modules/stats/stats.contract.js';

export type Indicator = z.infer<typeof indicatorOut>;
export type Dashboard = z.infer<typeof dashboardOut>;
export type OfficeDashboard = z.infer<typeof officeDashboardOut>;
export type Share = z.infer<typeof modernChannelsOut>;
export type ShareRow = { province: string; commune?: string; name: string; nameEn: string; numerator: number; denominator: number; percent: number; target: number; reached: boolean };
export type Area = { province?: string; commune?: string };
