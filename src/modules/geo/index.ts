// geo: the administrative units in force, versioned, with the district-era mapping.
export { geoRoutes } from './geo.routes.js';
export { loadAdminUnits } from './commands/load-admin-units.js';
export { getCommune, getProvince, findCommunesByName, findProvincesByName, translateOldCommune, listProvinces } from './geo.repo.js';
export { provinceCode, communeCode } from './geo.contract.js';
export { addressLine, bareUnitName, placeName, unitInText } from './geo.rules.js';
