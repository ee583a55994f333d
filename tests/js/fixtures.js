// What the Python side hands the node tests (tests/excel/test_js_node.py writes it): the task pane's
// texts from messages.py and the generated custom-functions script.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const file = process.env.BINHCHON_JS_FIXTURES;
if (!file) throw new Error("Run these tests through pytest (tests/excel/test_js_node.py), which writes BINHCHON_JS_FIXTURES");
const fixtures = JSON.parse(fs.readFileSync(file, "utf8"));

module.exports = {
  texts: fixtures.texts,
  functionsCode: fs.readFileSync(fixtures.functions_code, "utf8"),
  serverDown: fixtures.server_down,
  taskpanePath: path.resolve(__dirname, "../../xl_addin/excel/static/taskpane.js"),
};
