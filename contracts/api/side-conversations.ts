import { idParam } from '../common';
import {
  replySideConversationBody,
  sideConversationList,
  sideConversationSchema,
  startSideConversationBody,
} from '../side-conversations';
import { route } from './route';

export const sideConversationsRoutes = {
  list: route({
    method: 'GET',
    path: '/api/v1/tickets/:id/side-conversations',
    params: idParam,
    response: sideConversationList,
  }),
  start: route({
    method: 'POST',
    path: '/api/v1/tickets/:id/side-conversations',
    params: idParam,
    body: startSideConversationBody,
    response: sideConversationSchema,
  }),
  reply: route({
    method: 'POST',
    path: '/api/v1/side-conversations/:id/messages',
    params: idParam,
    body: replySideConversationBody,
    response: sideConversationSchema,
  }),
};
