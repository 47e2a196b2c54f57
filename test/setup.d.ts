// Types for test/setup.js, which stays plain JavaScript so `npm test` can run it before
// anything is built.
export interface SetupFacts {
  isRoot: boolean;
  hasApt: boolean;
  chromium: { path: string; present: boolean; custom: boolean };
  missingCommands: string[];
  serversReady: boolean;
}
export type SetupPlan =
  | { action: 'ready' }
  | { action: 'install'; packages: string[]; servers: boolean }
  | { action: 'stop'; line: string };
export const TOOLS: ReadonlyArray<{ command: string; pkg: string }>;
export function planSetup(facts: SetupFacts): SetupPlan;
export function probe(env?: NodeJS.ProcessEnv): SetupFacts;
export function setup(): number;
