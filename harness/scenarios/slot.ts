// Two labs on one machine: LAB_SLOT=n (0–9) moves a run's ports up by 1000 × n
// and gives its Docker Compose project its own name, so runs in different
// slots share nothing but the images (the test suite runs two test files at
// once this way). Slot 0, the default, is the lab as documented: ports
// 8400–8599, project keepalive-lab.

export const SLOT_ENV = 'LAB_SLOT';
export const MAX_SLOT = 9;
/** How far one slot's ports are from the next's: more than the 200 ports a slot uses. */
export const SLOT_PORT_STRIDE = 1000;

/** The slot in `env`, or why its value is not one (the CLI says so as a usage error; the slot is then 0). */
export function slotOf(env: NodeJS.ProcessEnv): { slot: number; problem: string | null } {
  const raw = env[SLOT_ENV]?.trim() ?? '';
  if (raw === '') return { slot: 0, problem: null };
  const slot = Number(raw);
  if (!Number.isInteger(slot) || slot < 0 || slot > MAX_SLOT) {
    return { slot: 0, problem: `${SLOT_ENV} must be a whole number from 0 to ${MAX_SLOT}, got '${raw}'.` };
  }
  return { slot, problem: null };
}

/** This process's slot, read once: every port and the project name derive from it. */
export const LAB_SLOT = slotOf(process.env);

/**
 * What a slot adds to the names two runs must not share (Compose project, --app-build's tag, the local work
 * directory): nothing in slot 0, the lab as documented; '-s1' in slot 1.
 */
export const SLOT_SUFFIX = LAB_SLOT.slot === 0 ? '' : `-s${LAB_SLOT.slot}`;
