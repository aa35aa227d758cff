import { idParam } from '../common';
import {
  createReferralBody,
  referralList,
  referralSchema,
  referralStateBody,
  referralsQuery,
  updateReferralBody,
} from '../referrals';
import { route } from './route';

const referrals = '/api/v1/referrals';

export const referralsRoutes = {
  list: route({ method: 'GET', path: referrals, querystring: referralsQuery, response: referralList }),
  create: route({ method: 'POST', path: referrals, body: createReferralBody, response: referralSchema }),
  get: route({ method: 'GET', path: `${referrals}/:id`, params: idParam, response: referralSchema }),
  update: route({
    method: 'PATCH',
    path: `${referrals}/:id`,
    params: idParam,
    body: updateReferralBody,
    response: referralSchema,
  }),
  setState: route({
    method: 'POST',
    path: `${referrals}/:id/state`,
    params: idParam,
    body: referralStateBody,
    response: referralSchema,
  }),
};
