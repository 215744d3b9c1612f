// Imported first by every test file that starts a lab, a stack or an LB: it
// gives the file its own slot (harness/scenarios/slot.ts: its own ports and
// Compose project), so tap can run several such files at once. tap numbers its
// parallel jobs from 0 (TAP_JOB_ID); slot 0 stays the developer's own lab's.
//
// It imports nothing: the harness reads LAB_SLOT when its modules load, and an
// import here would load them before this line runs.
process.env.LAB_SLOT = String(Number(process.env.TAP_JOB_ID ?? 0) + 1);
