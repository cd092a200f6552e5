/**
 * The standalone page as one lazily loaded piece (webpack chunk "standalone"): the composition
 * root imports it only outside Excel, so the add-in's first download does not carry it.
 */
export { createStandaloneHost, type StandaloneHost, type StandaloneHostOptions } from './host';
export { StandalonePage } from './StandalonePage';
export type { KeyValueStorage } from './keep';
