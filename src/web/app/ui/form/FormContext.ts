import { createContext, useContext } from 'react';

/** What a form built with `FormShell` tells its fields: each one's error, and where to register its label. */
export interface FormFields {
  /** The message to show next to the field `name`, if any. */
  errorFor(name: string): string | undefined;
  /** A field tells the form its translated label and the id of its control (for the error summary). */
  register(name: string, label: string, id: string): () => void;
}

export const FormFieldsContext = createContext<FormFields | null>(null);

/** The enclosing form's fields, or null outside a `FormShell`. */
export function useFormFields(): FormFields | null {
  return useContext(FormFieldsContext);
}
