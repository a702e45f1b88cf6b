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

/** Renders `children` in the main column's slot when `wide` and the slot exists, else where it stands. */
export function MainColumn({ wide, children }: { wide: boolean; children: ReactNode }) {
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  useEffect(() => setSlot(wide ? document.getElementById(MAIN_FORM_SLOT) : null), [wide]);
  return slot ? createPortal(children, slot) : children;
}
