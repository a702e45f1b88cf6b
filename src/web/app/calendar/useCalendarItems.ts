import type { CooperationDate, MaintenanceWindow, PlannedItem } from '../../../contract/services.ts';
import { query } from '../api.ts';
import { useGet } from '../ui/useGet.ts';
import { calendarItems } from './calendarItems.ts';

/** COL-5: what a party's calendar holds in [from, to) (`calendarItems`), fetched for a view. */
export function useCalendarItems(party: string, from: Date, to: Date) {
  const range = { from: from.toISOString(), to: to.toISOString(), party };
  const windows = useGet<{ items: MaintenanceWindow[] }>(`/maintenance-windows${query(range)}`);
  const work = useGet<{ items: PlannedItem[] }>(`/planned-work${query(range)}`);
  const dates = useGet<{ items: CooperationDate[] }>(`/cooperation-dates${query(range)}`);
  const loaded = windows.data && work.data && dates.data;
  const items = loaded ? calendarItems(windows.data!.items, work.data!.items, dates.data!.items) : [];
  return {
    items,
    loading: windows.loading || work.loading || dates.loading,
    error: windows.error ?? work.error ?? dates.error,
    loaded: Boolean(loaded),
  };
}
