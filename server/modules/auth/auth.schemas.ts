import { z } from 'zod';
import {
  changePasswordBody,
  loginBody,
  meSchema,
  sessionInfo,
  sessionListItem,
  twoFactorDisableBody,
  twoFactorEnableBody,
  twoFactorSetup,
  updateMeBody,
} from '../../../contracts/auth';
import { okBody } from '../../../contracts/common';

export const authSchemas = {
  login: { body: loginBody, response: sessionInfo },
  me: { response: sessionInfo },
  logout: { response: okBody },
};

export const profileSchemas = {
  update: { body: updateMeBody, response: meSchema },
  password: { body: changePasswordBody, response: okBody },
  twoFactorSetup: { response: twoFactorSetup },
  twoFactorEnable: { body: twoFactorEnableBody, response: meSchema },
  twoFactorDisable: { body: twoFactorDisableBody, response: meSchema },
  sessions: { response: z.object({ data: z.array(sessionListItem) }) },
  revokeSession: {
    params: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, 'A session id') }).strict(),
    response: okBody,
  },
};
