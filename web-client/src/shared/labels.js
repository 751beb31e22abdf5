/** Words for the API's ids, shared by the candidate's room and the recruiter console. */
export const PHASES = ['introduction', 'foundation', 'intermediate', 'system-design', 'soft-skills', 'wrap-up'];

const PHASE_NAMES = {
  introduction: 'Introduction',
  foundation: 'Foundations',
  intermediate: 'Practical problems',
  'system-design': 'System design',
  'soft-skills': 'Teamwork',
  'wrap-up': 'Wrap-up',
};

export const phaseName = (id) => PHASE_NAMES[id] ?? id ?? '';

const STATUS_NAMES = {
  SCHEDULED: 'Scheduled',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
  ABANDONED: 'Abandoned',
  CANCELLED: 'Cancelled',
};

export const STATUSES = Object.keys(STATUS_NAMES);
export const statusName = (status) => STATUS_NAMES[status] ?? status ?? '';

/** "5 min", "1 h 05 min" */
export function minutes(totalSeconds) {
  const m = Math.max(0, Math.round(totalSeconds / 60));
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** A date and time in the reader's own locale and time zone. */
export function when(instant) {
  return instant ? new Date(instant).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '';
}
