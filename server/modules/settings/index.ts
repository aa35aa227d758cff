// The settings module's front door (settings of the help desk): other modules, the registry, the CLI and tests import only this.
export {
  type ChannelSettingsService,
  channelSettingsService,
  loadChannelSettings,
} from './channels.service';
export { settingsRoutes } from './settings.routes';
export {
  DEFAULT_AUTO_CLOSE_DAYS,
  loadTicketSettings,
  readSetting,
  type SettingsService,
  settingsService,
  writeSetting,
} from './settings.service';
