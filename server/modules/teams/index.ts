// The teams module's front door (teams with members and a lead): other modules, the registry, the CLI and tests import only this.
export { teamsRoutes } from './teams.routes';
export {
  clearLeadership,
  insertTeamRow,
  setTeamMembers,
  setTeamsOfUser,
  type TeamReach,
  type TeamsService,
  teamCalendarOf,
  teamExists,
  teamLeadOf,
  teamMemberIds,
  teamNames,
  teamReachOf,
  teamsService,
} from './teams.service';
