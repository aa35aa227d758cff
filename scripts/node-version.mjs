// The Node versions Steward runs on. Some dependencies (cookie, content-disposition) are ES modules
// that CommonJS packages load with require(), which Node allows from 20.19 and 22.12 on; they
// declare "node >= 22" but run on 20.19 (the whole test suite runs on Node 20). The entries
// (bin/steward.mjs, scripts/serve.mjs, scripts/start.mjs, scripts/dev.mjs) check it first.

/** The `engines.node` range in package.json. */
export const SUPPORTED_NODE = '^20.19.0 || >=22.12.0';

/** Null when this Node version runs Steward; otherwise the message that says what to install. */
export function nodeVersionProblem(version = process.versions.node) {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const supported = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;
  if (supported) return null;
  return `Steward needs Node.js 20.19 or newer (22.12 or newer on the 22 line); this is Node.js ${version}. Install a current LTS from https://nodejs.org/ and try again.`;
}

/** Stops the process with a clear message on a Node version Steward does not run on. */
export function assertNodeVersion() {
  const problem = nodeVersionProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
