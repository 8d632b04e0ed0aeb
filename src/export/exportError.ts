import { ActlabError } from '../util/errors.js';

/** An activation or model that a target cannot express (one line, exit code 2). */
export class ExportError extends ActlabError {}
