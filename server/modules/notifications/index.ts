// The notifications module's front door (the in-app bell and notification mail): other modules, the registry, the CLI and tests import only this.
export { notificationsRoutes } from './notifications.routes';
export {
  type NotificationAbout,
  type NotificationsService,
  notificationsService,
  notifyUsers,
} from './notifications.service';
export { sendTicketNotifications } from './notify.job';
export { tellAuthorNotDelivered } from './undelivered';
