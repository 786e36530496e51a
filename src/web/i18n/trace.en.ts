// English texts of the traceability screens (issue 12).
import type { traceVi } from './trace.vi.js';

export const traceEn: typeof traceVi = {
  trace: {
    nav: 'Traceability',
    title: 'Traceability',
    gtin: 'GTIN',
    digitalLink: 'GS1 Digital Link (QR code)',
    noGtin: 'No GTIN yet',
    places: 'Places (GLN)',
    noPlaces: 'No places yet. Add the raw-material area, the workshop and the shop before recording a batch.',
    addPlace: 'Add a place',
    placeKind: 'Kind of place',
    placeName: 'Name of the place',
    latitude: 'Latitude',
    longitude: 'Longitude',
    kind: {
      raw_material_area: 'Raw-material area', farm: 'Farm', workshop: 'Workshop', warehouse: 'Warehouse', shop: 'Shop',
    },
    lots: 'Batches',
    noLots: 'No batches yet.',
    openLot: 'Open a new batch',
    product: 'Product',
    lotCode: 'Lot code (leave empty to generate)',
    producedOn: 'Production date',
    expiresOn: 'Expiry date',
    quantity: 'Quantity',
    uom: { KGM: 'kg', LTR: 'litre', H87: 'piece' },
    lot: 'Lot {{lot}}',
    printLabels: 'Print labels',
    steps: 'Journey of the batch',
    noSteps: 'No step recorded yet.',
    record: 'Record step',
    step: {
      harvest: 'Harvest', processing: 'Processing', packing: 'Packing', shipping: 'Shipping', receiving: 'Received at the shop',
    },
    where: 'Where',
    to: 'Sent to',
    when: 'When (empty: now)',
    recorded: 'Recorded: {{step}}',
    done: 'The batch has made its whole journey.',
    status: {
      title: 'Traceability status of products',
      flaggedOnly: 'Only 4★ and above without a traceability code',
      lots: 'Lots', events: 'Events', last: 'Last event', flagged: 'No traceability code', more: 'Show more', none: 'No products.',
    },
  },
};
