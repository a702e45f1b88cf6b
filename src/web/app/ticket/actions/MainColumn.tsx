import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/** Forms too long for the side column: shown at the top of the ticket's main column instead. */
export const LONG_FORMS = new Set([
  'update',
  'assess',
  'record_plan',
  'record_build_test',
  'record_deployment',
  'characterise',
  'record_analysis',
  'close',
  'publish_known_error',
  'notify_authority',
]);

/** The id of the place in the ticket's main column that receives long forms. */
export const MAIN_FORM_SLOT = 'ticket-main-form';

const slotFor = (wide: boolean) => (wide ? document.getElementById(MAIN_FORM_SLOT) : null);

/**
 * Renders `children` in the main column's slot when `wide` and the slot exists, else where it stands.
 * The slot is looked up on the first render already: moving the form there afterwards would mount it
 * twice, and what was typed into the first one in between would be lost.
 */
export function MainColumn({ wide, children }: { wide: boolean; children: ReactNode }) {
  const [slot, setSlot] = useState<HTMLElement | null>(() => slotFor(wide));
  useEffect(() => setSlot(slotFor(wide)), [wide]);
  return slot ? createPortal(children, slot) : children;
}
