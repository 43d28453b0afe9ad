// The pages' loading rules live in src/app/load.ts, shared with the counter's pages.
export { orNotFound, pageId } from '@/app/load'
