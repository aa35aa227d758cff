import { markNotificationsBody, notificationsList } from '../../../contracts/auth';
import { okBody } from '../../../contracts/common';

export const notificationsSchemas = {
  list: { response: notificationsList },
  markRead: { body: markNotificationsBody, response: okBody },
};
