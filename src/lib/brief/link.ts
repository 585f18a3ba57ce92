// The link's `brief=` key: kept with the state (see state/brief-request.ts), re-exported with the brief's model.
export { formatBrief, parseBrief } from '../state/brief-request.ts';
