// The tokens module's front door (API tokens): other modules, the registry, the CLI and tests import only this.
export { tokensRoutes } from './tokens.routes';
export { type TokensService, tokensService } from './tokens.service';
