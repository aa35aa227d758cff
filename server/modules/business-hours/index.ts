// The business-hours module's front door: calendars with a time zone, weekly opening hours and
// holidays, and the arithmetic of open time that service-level clocks run on.
export { businessHoursRoutes } from './business-hours.routes';
export {
  addOpenTime,
  type Calendar,
  type CalendarRules,
  compileCalendar,
  type Holiday,
  isOpenAt,
  type OpeningHours,
  openStretches,
  openTimeBetween,
} from './business-hours.rules';
export {
  type BusinessHoursService,
  businessHoursService,
  calendarRef,
  insertCalendarRow,
  loadCalendar,
} from './business-hours.service';
export { isTimeZone, offsetAt, wallClockOf } from './local-time';
