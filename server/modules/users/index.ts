// The users module's front door (staff and customer accounts): other modules, the registry, the CLI and tests import only this.
export { usersRoutes } from './users.routes';
export {
  activeManagerIds,
  claimTotpStep,
  findCredentialsByEmail,
  findCredentialsById,
  findUserRow,
  insertUserAccount,
  insertUserRow,
  linkToCustomer,
  loadUser,
  movePortalAccounts,
  recordFailedLogin,
  type UsersService,
  updateCredentials,
  updateUserRow,
  userNames,
  usersService,
} from './users.service';
