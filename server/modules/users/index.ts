// The users module's front door (staff and customer accounts): other modules, the registry, the CLI and tests import only this.
export { usersRoutes } from './users.routes';
export {
  findUserRow,
  insertUserAccount,
  insertUserRow,
  linkToCustomer,
  loadUser,
  movePortalAccounts,
  type UsersService,
  updateUserRow,
  usersService,
} from './users.service';
