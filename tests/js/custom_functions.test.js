// The custom functions' script (xl_addin/excel/functions_code.py) under node, with office-addin-mock's Office.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const vm = require("node:vm");
const { OfficeMockObject } = require("office-addin-mock");
const { functionsCode, serverDown } = require("./fixtures");

const ORIGIN = "https://127.0.0.1:8000";

function load(fetchImpl) {
  const registry = {};
  class FunctionError extends Error {
    constructor(code, message) {
      super(message);
      this.code = code;
    }
  }
  const office = new OfficeMockObject({
    context: {
      contentLanguage: "vi-VN",
      requirements: { isSetSupported: (name, version) => name === "CustomFunctionsRuntime" && version <= "1.3" },
    },
    onReady: async (callback) => {
      if (callback) callback({ host: "Excel" });
      return { host: "Excel" };
    },
  }, "excel");
  // Office.context's scalars are read without load() in office.js: mark them loaded as Excel has them.
  office.context.load("contentLanguage");
  office.context.sync();
  const calls = [];
  const sandbox = {
    Office: office,
    CustomFunctions: { associate: (name, fn) => (registry[name] = fn), Error: FunctionError, ErrorCode: { invalidValue: "#VALUE!" } },
    window: { location: { origin: ORIGIN } },
    fetch: async (url, options) => {
      calls.push({ url, body: JSON.parse(options.body) });
      return fetchImpl(url, options);
    },
  };
  vm.createContext(sandbox);
  vm.runInContext(functionsCode, sandbox);
  return { registry, calls, FunctionError };
}

function answer(status, body) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return { ok: status < 400, status, text: async () => text, json: async () => JSON.parse(text) };
}

test("the three functions are registered under their Excel names", () => {
  const { registry } = load(async () => answer(200, { result: [[1]] }));
  assert.deepEqual(Object.keys(registry).sort(), ["BC_DAT", "BC_HIEU_LUC", "BC_SAO"]);
});

test("a call posts the arguments and the caller to the server and returns its result", async () => {
  const { registry, calls } = load(async () => answer(200, { result: [["Có"]] }));
  await new Promise((resolve) => setImmediate(resolve)); // let onReady pick the runtime version
  const result = await registry.BC_DAT(70, "tinh", { address: "Kết quả!P5" });
  assert.deepEqual(result, [["Có"]]);
  assert.equal(calls.length, 1);
  assert.equal(calls[0].url, ORIGIN + "/xlwings/custom-functions-call");
  const body = calls[0].body;
  assert.equal(body.func_name, "bc_dat");
  assert.deepEqual(body.args, [70, "tinh"]);
  assert.equal(body.caller_address, "Kết quả!P5");
  assert.equal(body.runtime, "1.3");
  assert.equal(body.culture_info_name, "vi-VN");
  assert.equal(body.client, "Office.js");
});

test("a refusal from the server becomes the cell's error with the server's Vietnamese detail", async () => {
  const detail = "Không có hàm “x”. Các hàm có: BC_DAT, BC_HIEU_LUC, BC_SAO.";
  const { registry, FunctionError } = load(async () => answer(404, { detail }));
  await assert.rejects(registry.BC_SAO(50, { address: "A1" }), (error) => {
    assert.ok(error instanceof FunctionError);
    assert.equal(error.code, "#VALUE!");
    assert.equal(error.message, detail);
    return true;
  });
});

test("when the server cannot be reached the cell says so in Vietnamese", async () => {
  const { registry } = load(async () => {
    throw new TypeError("Failed to fetch");
  });
  await assert.rejects(registry.BC_HIEU_LUC("15/11/2019", { address: "A1" }), (error) => {
    assert.equal(error.message, serverDown);
    assert.match(error.message, /binhchon serve/);
    return true;
  });
});
