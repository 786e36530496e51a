// A large import works in slices and lets the server answer others between two. setImmediate, not a resolved
// promise: on the embedded engine a query's promise can settle without the event loop ever turning (timers and
// sockets would wait for the whole import).
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
