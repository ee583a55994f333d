// Test-only stand-in for Excel, injected into the task pane before any page script runs
// (tests/excel/test_taskpane_browser.py). The real office.js still loads from `binhchon serve`;
// once it has created the Office object, this script answers onReady as Excel does and gives
// the xlwings-server client a workbook built from the sheets the test passes in. Every write the
// client makes (values, colours, fonts, widths, notes, clears, activation, dialogs) goes to
// window.__excelMock.log, so the test can check what the answer's actions did.
(function () {
  "use strict";
  const state = { sheets: [], active: 0, log: [], dialogs: [], associated: {}, bookName: "binhchon.xlsx" };
  window.__excelMock = state;

  function record(entry) {
    state.log.push(JSON.parse(JSON.stringify(entry)));
  }

  // Anything the client asks for that this mock does not model: an empty, null-object answer.
  function generic(path) {
    return new Proxy(function () {}, {
      get(target, prop, receiver) {
        if (prop === "then") return undefined;
        if (prop === Symbol.toPrimitive) return () => "";
        if (prop === "toJSON") return () => null;
        if (prop === "items") return [];
        if (prop === "isNullObject") return true;
        if (prop === "load" || prop === "track" || prop === "untrack") return () => receiver;
        return generic(path + "." + String(prop));
      },
      set(target, prop, value) {
        record({ op: "set", path: path + "." + String(prop), value });
        return true;
      },
      apply(target, self, args) {
        return generic(path + "()");
      },
      construct() {
        return generic(path + ".new");
      },
    });
  }

  // A real object whose missing members fall back to generic() and whose writes are logged.
  function modelled(object, path, onSet) {
    return new Proxy(object, {
      get(target, prop, receiver) {
        if (prop in target) return target[prop];
        if (prop === "then" || typeof prop === "symbol") return undefined;
        if (prop === "load" || prop === "track" || prop === "untrack") return () => receiver;
        return generic(path + "." + String(prop));
      },
      set(target, prop, value) {
        if (onSet && onSet(prop, value)) return true;
        record({ op: "set", path: path + "." + String(prop), value });
        target[prop] = value;
        return true;
      },
    });
  }

  function columnLetters(index) {
    let letters = "";
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    return letters;
  }

  function cellIndexes(cell) {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(cell);
    let column = 0;
    for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
    return [Number(m[2]) - 1, column - 1];
  }

  function boxOf(address) {
    const parts = address.split("!").pop().split(":");
    const [r1, c1] = cellIndexes(parts[0]);
    const [r2, c2] = cellIndexes(parts[parts.length - 1]);
    return { row: r1, column: c1, rows: r2 - r1 + 1, columns: c2 - c1 + 1 };
  }

  function addressOf(box) {
    const first = columnLetters(box.column) + (box.row + 1);
    const last = columnLetters(box.column + box.columns - 1) + (box.row + box.rows);
    return first === last ? first : first + ":" + last;
  }

  function nullObject(path) {
    return modelled({ isNullObject: true }, path);
  }

  function collection(items, path) {
    return modelled({ items, isNullObject: false, getItemOrNullObject: () => nullObject(path + ".item") }, path);
  }

  function makeRange(sheet, box) {
    const path = sheet.name + "!" + addressOf(box);
    const where = { sheet: sheet.name, address: addressOf(box) };
    const logged = (kind) => (prop, value) => {
      record({ op: kind + "." + String(prop), ...where, value });
      return true;
    };
    const fill = modelled({ clear: () => record({ op: "fill.clear", ...where }) }, path + ".format.fill", logged("fill"));
    const font = modelled({}, path + ".format.font", logged("font"));
    const format = modelled({ fill, font }, path + ".format", logged("format"));
    const range = {
      isNullObject: false,
      address: "'" + sheet.name + "'!" + addressOf(box),
      rowCount: box.rows,
      columnCount: box.columns,
      rowIndex: box.row,
      columnIndex: box.column,
      format,
      get values() {
        const rows = [];
        for (let r = 0; r < box.rows; r += 1) {
          const source = sheet.values[box.row + r] || [];
          const row = [];
          for (let c = 0; c < box.columns; c += 1) row.push(source[box.column + c] ?? "");
          rows.push(row);
        }
        return rows;
      },
      get numberFormat() {
        return Array.from({ length: box.rows }, () => Array(box.columns).fill("General"));
      },
    };
    return modelled(range, path, (prop, value) => {
      if (prop !== "values") return false;
      value.forEach((row, r) => row.forEach((v, c) => {
        sheet.values[box.row + r] = sheet.values[box.row + r] || [];
        sheet.values[box.row + r][box.column + c] = v;
      }));
      record({ op: "values", ...where, values: value });
      return true;
    });
  }

  function usedBox(sheet) {
    const rows = sheet.values.length;
    const columns = Math.max(0, ...sheet.values.map((r) => r.length));
    const filled = sheet.values.some((r) => r.some((v) => v !== "" && v != null));
    return filled ? { row: 0, column: 0, rows, columns } : null;
  }

  function makeSheet(sheet, position) {
    const path = "sheet:" + sheet.name;
    const notes = modelled({
      items: [],
      isNullObject: false,
      getItemOrNullObject: () => nullObject(path + ".note"),
      add: (address, text) => record({ op: "note", sheet: sheet.name, address, text }),
    }, path + ".notes");
    return modelled({
      name: sheet.name,
      position,
      visibility: sheet.visibility || "Visible",
      showGridlines: true,
      isNullObject: false,
      notes,
      tables: collection([], path + ".tables"),
      charts: collection([], path + ".charts"),
      shapes: collection([], path + ".shapes"),
      pivotTables: collection([], path + ".pivotTables"),
      names: collection([], path + ".names"),
      getUsedRangeOrNullObject: () => {
        const box = usedBox(sheet);
        return box ? makeRange(sheet, box) : nullObject(path + ".usedRange");
      },
      getRange: (address) => makeRange(sheet, boxOf(address || "A1")),
      getRangeByIndexes: (row, column, rows, columns) => makeRange(sheet, { row, column, rows, columns }),
      getRanges: () => modelled({ clear: (applyTo) => {
        sheet.values = [];
        record({ op: "clear", sheet: sheet.name, applyTo });
      } }, path + ".ranges"),
      activate: () => {
        state.active = position;
        record({ op: "activate", sheet: sheet.name });
      },
    }, path);
  }

  function makeContext() {
    const sheets = state.sheets.map(makeSheet);
    const worksheets = modelled({
      items: sheets,
      getItem: (name) => sheets.find((s) => s.name === name),
      getItemOrNullObject: (name) => sheets.find((s) => s.name === name) || nullObject("worksheets.item"),
      getActiveWorksheet: () => sheets[state.active],
    }, "worksheets");
    const application = modelled({ calculationMode: "Automatic" }, "application");
    const workbook = modelled({
      name: state.bookName,
      worksheets,
      application,
      names: collection([], "names"),
      getSelectedRange: () => sheets[state.active].getRange("A1"),
    }, "workbook");
    return modelled({ workbook, application, sync: async () => undefined }, "context");
  }

  const excel = modelled({
    run: async (callback) => callback(makeContext()),
    RequestContext: function () { return makeContext(); },
    ClearApplyTo: { contents: "Contents", all: "All", formats: "Formats" },
    ShapeType: { image: "Image" },
    CalculationType: { full: "Full" },
  }, "Excel");
  Object.defineProperty(window, "Excel", { value: excel, writable: false, configurable: false });

  const info = { host: "Excel", platform: "PC" };
  const context = {
    platform: "PC",
    contentLanguage: "vi-VN",
    displayLanguage: "vi-VN",
    requirements: { isSetSupported: () => true },
    ui: {
      displayDialogAsync(url, options, callback) {
        state.dialogs.push(url);
        const dialog = { addEventHandler() {}, close() {} };
        if (callback) callback({ status: "succeeded", value: dialog });
      },
      messageParent() {},
    },
  };
  // office.js assigns its own Office.actions.associate later on: writes to this object are ignored.
  const actions = new Proxy({ associate: (name, handler) => { state.associated[name] = handler; } }, { set: () => true });

  // Keep office.js' own object, but answer as Excel does for what the page asks of it: the page
  // sees a view of office.js' Office whose onReady, context and actions are Excel's.
  const fixed = {
    onReady: (callback) => Promise.resolve(info).then((i) => (callback ? callback(i) : i)),
    context,
    actions,
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
  };
  let office;
  let view;
  Object.defineProperty(window, "Office", {
    configurable: true,
    get: () => view,
    set: (value) => {
      office = value;
      view = value && typeof value === "object"
        ? new Proxy(value, { get: (target, prop) => (prop in fixed ? fixed[prop] : Reflect.get(target, prop)) })
        : value;
    },
  });

  window.__excelMockLoad = function (sheets, bookName) {
    state.sheets = sheets.map((s) => ({ name: s.name, visibility: s.visibility, values: s.values.map((r) => r.slice()) }));
    if (bookName) state.bookName = bookName;
  };
})();
