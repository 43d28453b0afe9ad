// The as-you-type lookups of the counter are GET route handlers rather than server actions: actions run one at a
// time per page, while a search box needs to cancel the previous request (AbortController) as the next key arrives.
// Answers change with every new customer or product, so no cache keeps them.
export const LOOKUP_HEADERS = { 'Cache-Control': 'no-store' }
