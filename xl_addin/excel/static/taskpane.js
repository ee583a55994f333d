// The task pane of the Bình chọn CNNT add-in. It is also the shared runtime of the manifest, so the
// ribbon's buttons and the custom functions run here too. Each button runs one xlwings Server
// script: the xlwings-server client reads the open workbook, the server runs the same use case as
// the CLI, and the client applies the answer's actions to the workbook. Every step that can fail
// says so in Vietnamese in the #status line (texts from messages.py); nothing fails silently.
(function (root) {
  "use strict";

  const SCRIPT_PATH = "/xlwings/custom-scripts-call/";
  const ALERT_PATH = "/xlwings/alert";
  const OFFICE_WAIT_SECONDS = 30;
  const REQUEST_TIMEOUT_MS = 30 * 60 * 1000; // the documents of a national contest, with PDFs

  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, (match, key) => (key in values ? String(values[key]) : match));
  }

  function detailOf(error) {
    if (error == null) return "";
    if (typeof error === "string") return error;
    return error.message || String(error);
  }

  // The server's refusal as a person reads it: FastAPI's {"detail": …} or the plain text it sent.
  function serverDetail(text, status) {
    try {
      const data = JSON.parse(text);
      if (data && data.detail) return String(data.detail);
    } catch (error) {
      // not JSON: the text itself
    }
    return text ? String(text) : "HTTP " + status;
  }

  class StepError extends Error {
    constructor(step, detail) {
      super(detail);
      this.step = step;
    }
  }

  // env: {document, texts, origin, post, getOffice, getExcel, getXlwings, wait}; post(url, payload)
  // answers like fetch() does: {ok, status, text()}.
  function createAddin(env) {
    const texts = env.texts;
    const state = { ready: false, reason: texts.loading, running: null };
    const buttons = Array.from(env.document.querySelectorAll("button.action"));

    function show(kind, text) {
      const status = env.document.getElementById("status");
      if (status) {
        status.textContent = text;
        status.className = "status status-" + kind;
      }
    }

    function labelOf(name) {
      return (texts.labels && texts.labels[name]) || name;
    }

    // One round trip: read the book, post it to the script, apply the answer. The alert text it shows.
    async function callScript(name) {
      const xlwings = env.getXlwings();
      let shown = "";
      let step = "readFailed";
      try {
        await env.getExcel().run(async (context) => {
          const payload = await xlwings.getBookData({}, context);
          step = "serverDown";
          const response = await env.post(env.origin + SCRIPT_PATH + encodeURIComponent(name), payload);
          step = "serverRefused";
          const text = await response.text();
          if (!response.ok) throw new StepError("serverRefused", serverDetail(text, response.status));
          const answer = JSON.parse(text);
          shown = (answer.actions || []).filter((a) => a.func === "alert").map((a) => String(a.args[0])).join("\n");
          step = "writeFailed";
          await xlwings.runActions(answer, context);
        });
      } catch (error) {
        throw error instanceof StepError ? error : new StepError(step, detailOf(error));
      }
      return shown;
    }

    // Open the alert dialog with a message (from the ribbon the task pane may be hidden).
    function openDialog(message) {
      const office = env.getOffice();
      if (!office || !office.context || !office.context.ui) return;
      const query = "?prompt=" + encodeURIComponent(message) + "&title=" + encodeURIComponent(texts.title) +
        "&buttons=ok&mode=critical&callback=";
      office.context.ui.displayDialogAsync(env.origin + ALERT_PATH + query, { height: 40, width: 30, displayInIframe: true },
        (result) => {
          const dialog = result && result.value;
          if (dialog && dialog.addEventHandler) {
            dialog.addEventHandler(office.EventType.DialogMessageReceived, () => dialog.close());
          }
        });
    }

    async function run(name, fromRibbon = false) {
      const label = labelOf(name);
      if (!state.ready) {
        show("error", state.reason);
        if (fromRibbon) openDialog(state.reason);
        return false;
      }
      if (state.running) {
        show("wait", fill(texts.busy, { label: labelOf(state.running) }));
        return false;
      }
      state.running = name;
      buttons.forEach((b) => (b.disabled = true));
      show("wait", fill(texts.running, { label }));
      try {
        const shown = await callScript(name);
        show("ok", fill(texts.done, { label }) + (shown ? "\n" + shown : ""));
        return true;
      } catch (error) {
        const message = fill(texts[error.step] || texts.writeFailed, { label, detail: error.message });
        show("error", message);
        if (fromRibbon) openDialog(message);
        if (root.console) root.console.warn("binhchon:", name, error.step, error.message);
        return false;
      } finally {
        state.running = null;
        buttons.forEach((b) => (b.disabled = false));
      }
    }

    function refuse(reason) {
      state.ready = false;
      state.reason = reason;
      show("error", reason);
    }

    // The ribbon's ExecuteFunction buttons (manifest.xml) call the same scripts by name.
    function associateRibbon(office) {
      if (!office.actions || typeof office.actions.associate !== "function") return;
      buttons.forEach((button) => {
        const name = button.dataset.script;
        office.actions.associate(name, async (event) => {
          try {
            await run(name, true);
          } finally {
            if (event && event.completed) event.completed();
          }
        });
      });
    }

    async function start() {
      buttons.forEach((button) => button.addEventListener("click", () => run(button.dataset.script)));
      const office = env.getOffice();
      if (!office || typeof office.onReady !== "function") return refuse(texts.noOffice);
      const xlwings = env.getXlwings();
      if (!xlwings || typeof xlwings.getBookData !== "function") return refuse(texts.noClient);
      const timeout = env.wait(OFFICE_WAIT_SECONDS * 1000).then(() => "timeout");
      const info = await Promise.race([office.onReady(), timeout]);
      if (info === "timeout") return refuse(fill(texts.officeTimeout, { seconds: OFFICE_WAIT_SECONDS }));
      if (!info || !office.HostType || info.host !== office.HostType.Excel || !env.getExcel()) {
        return refuse(texts.notInExcel);
      }
      associateRibbon(office);
      state.ready = true;
      show("ok", texts.ready);
      return undefined;
    }

    return { start, run, state };
  }

  // POST a JSON payload through the xlwings client's XMLHttpRequest helper where it is there (on Excel
  // for Mac, fetch() gives up after 60 s whatever is asked, and the documents of a big contest take
  // longer), else through fetch(); either way the answer reads like fetch()'s.
  function post(url, payload) {
    const request = root.xwRequest;
    const headers = { "Content-Type": "application/json" };
    if (!request) return root.fetch(url, { method: "POST", headers, body: JSON.stringify(payload) });
    const asResponse = (r) => ({
      ok: r.status >= 200 && r.status < 300,
      status: r.status,
      text: async () => (typeof r.data === "string" ? r.data : JSON.stringify(r.data)),
    });
    return request.post(url, payload, { headers, timeout: REQUEST_TIMEOUT_MS }).then(asResponse, (error) => {
      if (error && error.response) return asResponse(error.response);
      throw error;
    });
  }

  function startPage() {
    const doc = root.document;
    const texts = JSON.parse(doc.getElementById("binhchon-texts").textContent);
    const status = doc.getElementById("status");
    if (status) status.setAttribute("data-started", "yes"); // the page's stall guard stands down
    const addin = createAddin({
      document: doc,
      texts,
      origin: root.location.origin,
      post,
      getOffice: () => root.Office,
      getExcel: () => root.Excel,
      getXlwings: () => root.xlwings,
      wait: (ms) => new Promise((resolve) => root.setTimeout(resolve, ms)),
    });
    root.binhchonAddin = addin;
    addin.start();
  }

  // Outside Office, office.js leaves Office.context.requirements undefined and the xlwings client's
  // start-up log would throw on it; answer "not supported" so the page can say what is wrong instead.
  function guardOutsideOffice(office) {
    if (!office || typeof office.onReady !== "function") return;
    office.onReady((info) => {
      if (info && !info.host && office.context && !office.context.requirements) {
        office.context.requirements = { isSetSupported: () => false };
      }
    });
  }

  const api = { createAddin, fill, serverDetail };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.BinhChonTaskpane = api;
    // Loaded right after office.js and before the client, so the guard is in place before the client
    // registers its own onReady; the buttons are wired once the page (and the client module) is there.
    guardOutsideOffice(root.Office);
    if (root.document && root.document.getElementById("binhchon-texts")) {
      root.document.addEventListener("DOMContentLoaded", startPage);
    }
  }
})(typeof globalThis !== "undefined" ? globalThis : this);
