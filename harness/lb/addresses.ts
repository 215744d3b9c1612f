// Where an LB listens and finds each app: the one thing about an LB's
// configuration that differs between the runtimes.
import { containerPortOf, type Variant } from '../scenarios/scenarios.js';

export interface LbAddresses {
  /** host:port (or :port) the LB listens on for the variant. */
  listen: (variant: Variant) => string;
  /** The interface a Caddy site binds to. */
  bindHost: string;
  /** host:port of the variant's app. */
  appAddress: (variant: Variant) => string;
}

/** Inside the LB's container: every interface (Docker publishes the ports on loopback), apps by service name. */
export const DOCKER_ADDRESSES: LbAddresses = {
  listen: (v) => `:${v.lbPort}`,
  bindHost: '0.0.0.0',
  appAddress: (v) => `${v.service}:${containerPortOf(v)}`,
};

/** On the host: loopback only, beside the app processes. */
export const LOCAL_ADDRESSES: LbAddresses = {
  listen: (v) => `127.0.0.1:${v.lbPort}`,
  bindHost: '127.0.0.1',
  appAddress: (v) => `127.0.0.1:${v.appPort}`,
};
