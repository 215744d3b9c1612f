// How the lab sees an app it runs, decided once: the cells' evidence and your
// app's verdict line (analysis/) both read it here. (The aim needs no word for
// it: an app that stamps no response has no clock to aim by, cycle-steps.ts.)
/**
 * 'preload': the connection accounting loaded (who closed what, the app's clock); 'client-side': any other app (not a
 * Node app, a Node app that ignores NODE_OPTIONS, or --no-preload): the raw-socket probe, the aim from the client, the
 * LB's logs for what failed and who closed.
 */
export type Measurement = 'preload' | 'client-side';

/**
 * The lab's own sample app always loads the preload; a user's app has it when the preload's ready line named its Node
 * release (`preloadNode`); any other is measured from the client side.
 */
export function measurementOf(userApp: boolean, preloadNode: string | null | undefined): Measurement {
  return !userApp || (preloadNode ?? null) !== null ? 'preload' : 'client-side';
}
