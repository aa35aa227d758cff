// The live module's front door (the live WebSocket channel): other modules, the registry, the CLI and tests import only this.
export { liveRoutes } from './live.routes';
