// The reports module's front door: the live operations board (backlog, unassigned by age,
// service levels running out, agents' presence and load, today by hour, standing alerts).
export { boardRoutes } from './board.routes';
export { type BoardService, boardService, readBoard } from './board.service';
