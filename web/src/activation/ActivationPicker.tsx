/** Props of the activation picker (catalog select with parameters, or a custom expression). */
export interface ActivationPickerProps {
  /** Codec text: `relu`, `elu:alpha=0.5`, or an expression. */
  value: string;
  onChange(value: string): void;
  /** Visible label. */
  label: string;
  /** Prefix of the element ids and data-testids: `{id}-select`, `{id}-expr`, `{id}-error`. */
  id: string;
  /** Offer vector activations (softmax) too; default false. */
  allowVector?: boolean;
}

/** Placeholder until its owner lands it. */
export function ActivationPicker(_props: ActivationPickerProps) {
  return null;
}
