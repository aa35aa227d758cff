// The side-conversations module's front door (mail with a third party about a ticket, never shown to the customer): other modules, the registry and tests import only this.
export { sideConversationsRoutes } from './side-conversations.routes';
export {
  receiveSideReply,
  type SideConversationsService,
  sideConversationOfMessageIds,
  sideConversationsService,
} from './side-conversations.service';
