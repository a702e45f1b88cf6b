import { expect } from 'vitest';
import type { Client } from './client.ts';

/** A characterised security incident with two STIX indicators, recorded through the API by a security officer. */
export async function incidentWithIndicators(officer: Client): Promise<{ ref: string; id: string }> {
  const created = await officer.post('/security-incidents', {
    title: 'Registry node compromised',
    description: 'Outbound beacons to a known C2 address',
    service: 'Link',
    impact: 'I2',
    criticality: 'C1',
  });
  expect(created.status).toBe(201);
  const ref: string = created.body.ref;
  const characterised = await officer.post(`/tickets/${ref}/actions/characterise`, {
    taxonomyClass: 'intrusions',
    taxonomyType: 'system-compromise',
    severity: 'high',
    impact: 'I2',
    personalData: false,
    ciaAffected: ['confidentiality'],
  });
  expect(characterised.status).toBe(200);
  for (const [name, pattern] of [
    ['C2 address', "[ipv4-addr:value = '198.51.100.7']"],
    ['Dropper', "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']"],
  ]) {
    expect((await officer.post(`/tickets/${ref}/actions/record_indicator`, { name, pattern })).status).toBe(200);
  }
  return { ref, id: created.body.id };
}
