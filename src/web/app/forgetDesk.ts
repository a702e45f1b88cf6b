import { clearFilters } from './queue/filters.ts';
import { discardAllDrafts } from './ui/form/drafts.ts';

/** What a signed-out tab must not show the next person at a shared desk: filters, drafts, the last title. */
export function forgetDesk(): void {
  clearFilters();
  discardAllDrafts();
  document.title = 'Passerelle';
}
