/** What the simulated candidate types for each question of the test role (src/test/resources/role-fixtures). */
const ANSWERS = [
  [/anything you.d like to ask|any questions|anything else/i, 'No, that is all from me. Thank you for your time.'],
  [/background|about yourself|tell me a bit/i, 'I have five years of backend experience: I build Python services '
    + 'with PostgreSQL, and I led the migration of our billing system to an event-driven design.'],
  [/process and a thread|processes and threads/i, 'A process has its own address space, while threads of one process '
    + 'share memory, so threads are cheaper to create and switch but need locks around shared data.'],
  [/slow database query|query plan|database tell you/i, 'I would use the query plan with EXPLAIN ANALYZE, look for '
    + 'sequential scans on big tables, and add an index on the filtered columns, then measure again.'],
  [/url shortener|short key/i, 'I would generate unique short keys from a sequence encoded in base62, store the '
    + 'mapping in a key-value store, and cache hot redirects in memory in front of it.'],
  [/disagreement|colleague/i, 'Last year a colleague and I disagreed about caching. I proposed we benchmark both '
    + 'designs; I wrote the load test, we compared the numbers together, and the result was a simpler design we '
    + 'both liked and shipped a week early.'],
];

export function answerFor(question) {
  return ANSWERS.find(([pattern]) => pattern.test(question))?.[1]
    ?? 'I would start from the requirements, measure the current behaviour, and choose the simplest design that '
      + 'meets them, for example with an index or a cache, and then verify it with a benchmark.';
}
