// Moved to server/holidays/calendar.ts (issue #16); kept until the case actions import it from there.
export { deadlineRules, deadlinesAtReceipt, loadCalendar } from '../holidays/calendar';
