/*
 * A test LMS: the page that hosts a SCO in a frame, as an LMS does, with
 * scorm-again as the runtime API (`window.API` for SCORM 1.2,
 * `window.API_1484_11` for SCORM 2004). What the SCO commits is kept in
 * localStorage, as an LMS keeps it on its server, so reloading this page is
 * an LMS window closed and opened again: the next launch gets the stored
 * data back, with `entry` = "resume" when the SCO last exited with "suspend".
 *
 * Query: version=scorm12|scorm2004, scenario=ID, and optionally launch=URL
 * (the SCO's launch address; default: the game's index.html next to this
 * folder, as `tactful package` writes it).
 */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var version = params.get('version') === 'scorm2004' ? 'scorm2004' : 'scorm12';
  var scenario = params.get('scenario') || '';
  var launch = params.get('launch') || '../index.html?scenario=' + encodeURIComponent(scenario) + '&lms=' + version;
  var key = 'harness.cmi.' + version + '.' + scenario;
  var v12 = version === 'scorm12';
  var Api = v12 ? window.Scorm12API : window.Scorm2004API;
  var api = new Api({ logLevel: 5, autocommit: false });

  var stored = localStorage.getItem(key);
  if (stored) {
    var cmi = JSON.parse(stored);
    var core = v12 ? cmi.core : cmi;
    // What an LMS does on the next launch: resume after a suspend, and start the new session's exit afresh.
    core.entry = core.exit === 'suspend' ? 'resume' : '';
    core.exit = '';
    api.loadFromJSON(cmi, '');
  }

  function save() {
    localStorage.setItem(key, JSON.stringify(api.renderCMIToJSONObject().cmi));
  }
  api.on(v12 ? 'LMSCommit' : 'Commit', save);
  api.on(v12 ? 'LMSFinish' : 'Terminate', save);

  var calls = [];
  ['LMSInitialize', 'LMSFinish', 'LMSCommit', 'Initialize', 'Terminate', 'Commit'].forEach(function (name) {
    if (typeof api[name] !== 'function') return;
    var original = api[name].bind(api);
    api[name] = function (parameter) {
      calls.push(name);
      return original(parameter);
    };
  });

  window[v12 ? 'API' : 'API_1484_11'] = api;
  /** What the LMS holds now (the test reads it back). */
  window.harnessData = function () {
    return api.renderCMIToJSONObject().cmi;
  };
  /** The session calls the SCO made, in order. */
  window.harnessCalls = function () {
    return calls.slice();
  };
  document.getElementById('sco').src = launch;
})();
