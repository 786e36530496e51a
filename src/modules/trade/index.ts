// trade: sales channels (supermarkets, convenience stores, e-commerce, livestream, export…), verified by the commune
// or province; product feeds for marketplaces; where to buy on the product page; fairs, exhibitions, trade missions
// and livestream sales days with the entities' registrations, booths and results; livestream sales sessions;
// community and eco-tourism destinations on a public map.
import type { ModulePlugin } from '../../app/plugin.js';
import { channelRoutes } from './channels.routes.js';
import { fairRoutes } from './fairs.routes.js';
import { livestreamRoutes } from './livestream.routes.js';
import { feedRoutes } from './feeds.routes.js';
import { tourismPages } from './pages/tourism-pages.routes.js';
import { tourismRoutes } from './tourism.routes.js';

export const tradeRoutes: ModulePlugin = async (app, deps) => {
  await app.register(channelRoutes, deps);
  await app.register(fairRoutes, deps);
  await app.register(livestreamRoutes, deps);
  await app.register(tourismRoutes, deps);
};

/** At the site's root: the product feeds and the public tourism map. */
export const tradePages: ModulePlugin = async (app, deps) => {
  await app.register(feedRoutes, deps);
  await app.register(tourismPages, deps);
};

export { salesChannel, CHANNEL_TYPES, type ChannelType } from './trade.tables.js';
export { CHANNEL_DATA, modernTypes, isModern, counts as channelCounts } from './channels.rules.js';
export { countsOn as channelCountsOn } from './channels.policy.js';
export { createChannel } from './commands/create-channel.js';
export { productOffers } from './offers.js';
export { tourismNear } from './nearby.js';
export { tradeEvent, eventRegistration, registrationProduct, livestreamSession, livestreamProduct, tourismDestination, EVENT_LEVELS, EVENT_KINDS } from './fairs.tables.js';
// The product feeds (site root, registered by the composition root beside the public pages).
export { feedRoutes as tradeFeeds } from './feeds.routes.js';
