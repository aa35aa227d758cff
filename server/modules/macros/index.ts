// The macros module's front door: canned replies and notes with placeholders and field changes,
// personal, per team or shared; their preview on a ticket, applying them, and how often they are used.
export { macrosRoutes } from './macros.routes';
export { insertMacroRow, type MacrosService, macrosService } from './macros.service';
