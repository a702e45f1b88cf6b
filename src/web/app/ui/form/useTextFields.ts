import { useState } from 'react';

/**
 * The texts a form's fields hold, by body field name: `field(name)` gives a `TextField` (or
 * `SelectField`) its name, value and onChange; `trimmed()` what to send; `reset()` empties the form after it is sent.
 */
export function useTextFields<K extends string>(initial: Record<K, string>) {
  const [values, setValues] = useState(initial);
  const set = (name: K, value: string) => setValues((current) => ({ ...current, [name]: value }));
  return {
    values,
    set,
    field: (name: K) => ({ name, value: values[name], onChange: (value: string) => set(name, value) }),
    trimmed: (): Record<K, string> => {
      const out = { ...values };
      for (const name of Object.keys(out) as K[]) out[name] = out[name].trim();
      return out;
    },
    reset: () => setValues(initial),
  };
}
