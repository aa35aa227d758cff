import { idParam, okBody, page } from '../../../contracts/common';
import {
  createUserBody,
  listUsersQuery,
  resetPasswordBody,
  updateUserBody,
  userSchema,
} from '../../../contracts/users';

export const usersSchemas = {
  list: { querystring: listUsersQuery, response: page(userSchema) },
  create: { body: createUserBody, response: userSchema },
  get: { params: idParam, response: userSchema },
  update: { params: idParam, body: updateUserBody, response: userSchema },
  resetPassword: { params: idParam, body: resetPasswordBody, response: okBody },
  resetTwoFactor: { params: idParam, response: userSchema },
  signOut: { params: idParam, response: okBody },
};
