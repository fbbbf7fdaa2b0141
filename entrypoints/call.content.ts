import { CALL_MATCHES } from '@/lib/platforms/hosts';

export default defineContentScript({
  matches: [...CALL_MATCHES],
  main() {},
});
