export { checkScript, type EarCheckOptions, type EarCheckReport } from './check-script.js';
export { EAR_CHECK_CODES, type EarCheckCode, type EarFinding } from './findings.js';
