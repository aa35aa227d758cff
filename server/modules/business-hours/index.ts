// Business hours: calendars with a time zone, weekly opening hours and holidays, and the
// arithmetic of open time that service-level clocks run on.
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
export { isTimeZone } from './local-time';
