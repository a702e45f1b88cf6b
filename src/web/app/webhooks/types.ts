export interface Subscription {
  id: string;
  party: string;
  url: string;
  description: string;
  eventKinds: string[];
  clearance: string;
  status: 'active' | 'paused';
  pausedReason: string | null;
  consecutiveFailures: number;
  createdAt: string;
}

export interface Delivery {
  id: string;
  ref: string;
  eventKind: string;
  status: 'pending' | 'delivered' | 'failed' | 'withheld';
  attempts: number;
  nextAttemptAt: string;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  log: { at: string; status: number | null; error: string | null; durationMs: number }[];
}
