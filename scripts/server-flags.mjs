// The Node flags the server process runs with (ADR 0034): a 64 MB young-generation semi-space,
// so requests' short-lived objects die young instead of being promoted under load. V8 reads it
// only at start-up: `npm start` passes the same list (package.json), as do the benches and the
// browser tests' server.
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];
