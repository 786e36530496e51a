// trade: sales channels (supermarkets, convenience stores, e-commerce, livestream, export…), verified by the commune
// or province; product feeds for marketplaces; where to buy on the product page. Fairs, livestream sessions and
// community tourism come next.
import type { ModulePlugin } from '../../app/plugin.js';
import { channelRoutes } from './channels.routes.js';

export const tradeRoutes: ModulePlugin = async (app, deps) => {
  await app.register(channelRoutes, deps);
};

export { salesChannel, CHANNEL_TYPES, type ChannelType } from './trade.tables.js';
export { CHANNEL_DATA, modernTypes, isModern, counts as channelCounts } from './channels.rules.js';
export { countsOn as channelCountsOn } from './channels.policy.js';
export { createChannel } from './commands/create-channel.js';
export { productOffers } from './offers.js';
// The product feeds (site root, registered by the composition root beside the public pages).
export { feedRoutes as tradeFeeds } from './feeds.routes.js';
