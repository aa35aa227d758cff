import { idParam } from '../../../contracts/common';
import {
  replySideConversationBody,
  sideConversationList,
  sideConversationSchema,
  startSideConversationBody,
} from '../../../contracts/side-conversations';

export const sideConversationsSchemas = {
  list: { params: idParam, response: sideConversationList },
  start: { params: idParam, body: startSideConversationBody, response: sideConversationSchema },
  reply: { params: idParam, body: replySideConversationBody, response: sideConversationSchema },
};
