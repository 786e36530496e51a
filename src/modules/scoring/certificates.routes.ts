import type { ModulePlugin } from '../../app/plugin.js';

// Placeholder: filled in by the scoring work (issue 4).
export const certificateRoutes: ModulePlugin = async () => {};
