'use strict';
// Stand-in for one of open311's XML dependencies (fetched from outside the npm registry). The harness runs the client
// in JSON mode, so any call here is a bug in the harness: fail loudly.
function unsupported() {
  throw new Error('XML not supported');
}
module.exports = { parseXml: unsupported, parse: unsupported, toJson: unsupported, toXml: unsupported };
