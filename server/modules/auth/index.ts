// The auth module's front door (sign-in, sign-out and the profile (/me)): other modules, the registry, the CLI and tests import only this.
export { sessionBody, setSessionCookies } from './auth.cookies';
export { authRoutes } from './auth.routes';
export {
  type AuthService,
  authService,
  type ClientInfo,
  invalidCredentials,
  startSession,
} from './auth.service';
export { failedSignIns, spendTotp } from './auth.totp';
export { profileRoutes } from './profile.routes';
export { type ProfileService, profileService } from './profile.service';
