// registry: OCOP entities (chủ thể), their products, documents and history.
import type { ModulePlugin } from '../../app/plugin.js';
import { classificationRoutes } from './classification.routes.js';
import { entityRoutes } from './entities.routes.js';
import { fileRoutes } from './files.routes.js';
import { exportRoutes, importRoutes } from './import/index.js';
import { productRoutes } from './products.routes.js';
import { areaRoutes } from './areas.routes.js';

export const registryRoutes: ModulePlugin = async (app, deps) => {
  await app.register(classificationRoutes, deps);
  await app.register(entityRoutes, deps);
  await app.register(productRoutes, deps);
  await app.register(fileRoutes, deps);
  await app.register(importRoutes, deps);
  await app.register(exportRoutes, deps);
  await app.register(areaRoutes, deps);
};

export { loadClassification, readClassification } from './commands/load-classification.js';
export { createEntity } from './commands/create-entity.js';
export { createProduct } from './commands/create-product.js';
export { assignMissingGtins } from './commands/assign-gtins.js';
export { productDigitalLink } from './registry.present.js';
export { decideEntity } from './commands/decide-entity.js';
export { storeFile } from './commands/attach-file.js';
export { applyCertificate, type CertificateOutcome } from './commands/apply-certificate.js';
export { getProduct, getEntity, nameMatches } from './registry.repo.js';
// Raw-material areas: trace names the one a batch came from and shows it on the public trace page.
export { rawMaterialArea, rawMaterialAreaProduct, FARMING_STANDARDS, type AreaRow, type FarmingStandard } from './areas.tables.js';
export { areaOfProduct } from './areas.repo.js';
export { positionText } from './areas.rules.js';
export { communeProductSeq, entity, product, productSet, storedFile } from './registry.tables.js';
// Counts by a sensitive attribute are published only above a minimum cell size (stats reads them).
export { suppressSmallCells, PRIVACY_RULES, type PublishedTable } from './aggregates.rules.js';
export { ENTITY_TYPES, PRODUCT_STATUSES, SECTOR_CODES } from './registry.tables.js';
export { importJob } from './import/index.js';
export {
  cellError, cellText, dataSheet, EXAMPLE_MARK, fold, FROZEN_HEADER, importError, isExample, isExampleMark, isoDate, locateColumns, nextTurn,
  rowReader, sheetWithHeader, type Column, type ImportError, type SheetData,
} from './import/index.js';
// The public pages (server-rendered at the site's root, registered by the composition root).
export { registryPages, type RegistryPagesOptions } from './pages/pages.routes.js';
// What the public may read of a product, for the pages of the modules above (trace's public trace page).
export { presentProduct } from './registry.present.js';
export { canReadProduct } from './registry.policy.js';
export type { ProductOut } from './registry.contract.js';
export type { PublicOffer, OfferLookup, PublicGoodModel, GoodModelLookup, NearbyDestination, NearbyLookup } from './pages/product.page.js';
