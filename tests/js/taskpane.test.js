// The task pane's wiring (xl_addin/excel/static/taskpane.js) under node: buttons, ribbon commands and
// every Vietnamese message, with office-addin-mock standing in for Excel's request context.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { OfficeMockObject } = require("office-addin-mock");
const { texts, taskpanePath } = require("./fixtures");
const { createAddin, fill } = require(taskpanePath);

const ORIGIN = "https://127.0.0.1:8000";
const NAMES = Object.keys(texts.labels);

function fakeDocument() {
  const status = { textContent: "", className: "" };
  const buttons = NAMES.map((name) => ({
    dataset: { script: name },
    disabled: false,
    listeners: [],
    addEventListener(type, listener) {
      this.listeners.push(listener);
    },
    click() {
      return Promise.all(this.listeners.map((listener) => listener()));
    },
  }));
  return { status, buttons, getElementById: (id) => (id === "status" ? status : null), querySelectorAll: () => buttons };
}

function excelMock() {
  return new OfficeMockObject({
    context: { workbook: { name: "binhchon.xlsx" } },
    run: async function (callback) {
      return callback(this.context);
    },
  }, "excel");
}

// The xlwings-server client: reads the workbook through the request context and applies answers.
function clientMock(applied, { failWrite = false } = {}) {
  return {
    getBookData: async (options, context) => {
      context.workbook.load("name");
      await context.sync();
      return { client: "Office.js", book: { name: context.workbook.name }, sheets: [] };
    },
    runActions: async (answer, context) => {
      if (failWrite) throw new Error("Action 2 (setValues) failed: InvalidArgument");
      applied.push({ answer, book: context.workbook.name });
    },
  };
}

function officeMock({ host = "Excel", ready = true } = {}) {
  const office = {
    HostType: { Excel: "Excel" },
    EventType: { DialogMessageReceived: "dialogMessageReceived" },
    onReady: () => (ready ? Promise.resolve({ host }) : new Promise(() => {})),
    associated: {},
    dialogs: [],
  };
  office.actions = { associate: (name, handler) => (office.associated[name] = handler) };
  office.context = { ui: { displayDialogAsync: (url, options, callback) => {
    office.dialogs.push(url);
    callback({ value: { addEventHandler() {}, close() {} } });
  } } };
  return office;
}

function answer(status, body) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return { ok: status < 400, status, text: async () => text };
}

function setUp({ office = officeMock(), excel = excelMock(), xlwings, reply, wait } = {}) {
  const doc = fakeDocument();
  const posts = [];
  const applied = [];
  const addin = createAddin({
    document: doc,
    texts,
    origin: ORIGIN,
    post: async (url, payload) => {
      posts.push({ url, body: JSON.parse(JSON.stringify(payload)) });
      if (reply instanceof Error) throw reply;
      return reply || answer(200, { actions: [{ func: "alert", args: ["Đã xong 3 việc.", texts.title, "ok", "", ""] }] });
    },
    getOffice: () => office,
    getExcel: () => excel,
    getXlwings: () => (xlwings === undefined ? clientMock(applied) : xlwings),
    wait: wait || (() => new Promise(() => {})),
  });
  return { addin, doc, posts, applied, office };
}

test("each button posts the open book to its own script and applies the answer", async () => {
  const { addin, doc, posts, applied } = setUp();
  await addin.start();
  assert.equal(doc.status.textContent, texts.ready);
  for (const button of doc.buttons) {
    await button.click();
    const name = button.dataset.script;
    assert.equal(posts.at(-1).url, ORIGIN + "/xlwings/custom-scripts-call/" + name);
    assert.equal(posts.at(-1).body.book.name, "binhchon.xlsx");
    assert.equal(doc.status.textContent, fill(texts.done, { label: texts.labels[name] }) + "\nĐã xong 3 việc.");
    assert.equal(doc.status.className, "status status-ok");
  }
  assert.equal(posts.length, NAMES.length);
  assert.equal(applied.length, NAMES.length);
  assert.equal(applied[0].answer.actions[0].func, "alert");
  assert.ok(doc.buttons.every((b) => !b.disabled));
});

test("without office.js every click says office.js did not load, and nothing is sent", async () => {
  const { addin, doc, posts } = setUp({ office: null });
  await addin.start();
  await doc.buttons[0].click();
  assert.equal(doc.status.textContent, texts.noOffice);
  assert.equal(doc.status.className, "status status-error");
  assert.equal(posts.length, 0);
});

test("without the xlwings client the pane says to reinstall binhchon[server]", async () => {
  const { addin, doc, posts } = setUp({ xlwings: null });
  await addin.start();
  await doc.buttons[2].click();
  assert.equal(doc.status.textContent, texts.noClient);
  assert.match(texts.noClient, /binhchon\[server\]/);
  assert.equal(posts.length, 0);
});

test("outside Excel the pane says where to open it", async () => {
  const { addin, doc } = setUp({ office: officeMock({ host: null }) });
  await addin.start();
  await doc.buttons[0].click();
  assert.equal(doc.status.textContent, texts.notInExcel);
});

test("when Office never answers the pane says so instead of waiting forever", async () => {
  const { addin, doc } = setUp({ office: officeMock({ ready: false }), wait: () => Promise.resolve() });
  await addin.start();
  assert.equal(doc.status.textContent, fill(texts.officeTimeout, { seconds: 30 }));
});

test("a refusal from the server is shown with the server's own message", async () => {
  const detail = "Không có thao tác “x”. Các thao tác có: check_registrations.";
  const { addin, doc } = setUp({ reply: answer(404, { detail }) });
  await addin.start();
  await doc.buttons[0].click();
  assert.equal(doc.status.textContent, fill(texts.serverRefused, { label: texts.labels[NAMES[0]], detail }));
  assert.equal(doc.status.className, "status status-error");
});

test("a server that cannot be reached and a failed write each get their own message", async () => {
  const down = setUp({ reply: new TypeError("Failed to fetch") });
  await down.addin.start();
  await down.doc.buttons[1].click();
  assert.equal(down.doc.status.textContent, fill(texts.serverDown, { detail: "Failed to fetch" }));

  const applied = [];
  const broken = setUp({ xlwings: clientMock(applied, { failWrite: true }) });
  await broken.addin.start();
  await broken.doc.buttons[0].click();
  assert.equal(broken.doc.status.textContent,
    fill(texts.writeFailed, { label: texts.labels[NAMES[0]], detail: "Action 2 (setValues) failed: InvalidArgument" }));
  assert.ok(broken.doc.buttons.every((b) => !b.disabled));
});

test("a second click while one runs says to wait, and sends nothing more", async () => {
  let release;
  const slow = new Promise((resolve) => (release = resolve));
  const xlwings = clientMock([]);
  const getBookData = xlwings.getBookData;
  xlwings.getBookData = async (options, context) => {
    await slow;
    return getBookData(options, context);
  };
  const { addin, doc, posts } = setUp({ xlwings });
  await addin.start();
  const first = doc.buttons[0].click();
  await doc.buttons[1].click();
  assert.equal(doc.status.textContent, fill(texts.busy, { label: texts.labels[NAMES[0]] }));
  assert.ok(doc.buttons.every((b) => b.disabled));
  release();
  await first;
  assert.equal(posts.length, 1);
  assert.equal(posts[0].url, ORIGIN + "/xlwings/custom-scripts-call/" + NAMES[0]);
  assert.ok(doc.buttons.every((b) => !b.disabled));
});

test("the ribbon's commands run the same scripts and tell Excel they are done", async () => {
  const { addin, posts, office } = setUp();
  await addin.start();
  assert.deepEqual(Object.keys(office.associated).sort(), [...NAMES].sort());
  let completed = 0;
  await office.associated.make_report({ completed: () => (completed += 1) });
  assert.equal(posts.at(-1).url, ORIGIN + "/xlwings/custom-scripts-call/make_report");
  assert.equal(completed, 1);
});

test("a ribbon command that fails opens a dialog with the message, as the task pane may be hidden", async () => {
  const { addin, office } = setUp({ reply: new TypeError("Failed to fetch") });
  await addin.start();
  let completed = 0;
  await office.associated.compute_results({ completed: () => (completed += 1) });
  assert.equal(completed, 1);
  const url = new URL(office.dialogs.at(-1));
  assert.equal(url.origin + url.pathname, ORIGIN + "/xlwings/alert");
  assert.equal(url.searchParams.get("prompt"), fill(texts.serverDown, { detail: "Failed to fetch" }));
  assert.equal(url.searchParams.get("mode"), "critical");
});
