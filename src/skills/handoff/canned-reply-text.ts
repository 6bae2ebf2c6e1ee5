/** Variables a canned reply (or any agent reply) may use. */
export interface CannedVariables {
  readonly userName: string;
  readonly ticketNumber: string;
  readonly agentName: string;
}

/** Fills {userName}, {ticketNumber} and {agentName}; other braces stay as typed. */
export function fillCannedVariables(text: string, vars: CannedVariables): string {
  return text.replace(
    /\{(userName|ticketNumber|agentName)\}/g,
    (_whole, name: keyof CannedVariables) => vars[name],
  );
}
