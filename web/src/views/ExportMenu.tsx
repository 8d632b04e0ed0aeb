/** Placeholder until its owner lands it. */
export function ExportMenu() {
  return null;
}
