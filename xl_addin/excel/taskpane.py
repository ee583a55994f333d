"""The Office.js pages: the task pane (a button per action, also the shared runtime of the ribbon and
the custom functions) and the alert dialog that book.app.alert() opens.

Every file they load is served by `binhchon serve` itself (see client_files.py); the wiring and
every message the pages show live in static/taskpane.js and messages.py.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from ..domain import schema
from . import messages as msg
from .client_files import CLIENT_PREFIX, CLIENT_SCRIPT, DIALOG_SCRIPT, OWN_PREFIX

FUNCTIONS_CODE_URL = "/xlwings/custom-functions-code"
STALLED_SECONDS = 15  # the page says it is stuck if its script has not started by then

PAGE = """<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{{ heading }}</title>
  <link rel="icon" type="image/png" href="/icon.png">
  <link rel="stylesheet" href="{{ own }}/taskpane.css">
  <script id="config" type="application/json">{{ config|tojson }}</script>
  <script id="binhchon-texts" type="application/json">{{ texts|tojson }}</script>
  <script src="{{ client }}/{{ office_js }}"></script>
  <script src="{{ own }}/taskpane.js"></script>
  <script type="module" src="{{ client }}/{{ client_script }}"></script>
  <script src="{{ functions_code }}" defer></script>
</head>
<body>
  <h1>{{ heading }}</h1>
  <p id="status" class="status status-wait" role="status" aria-live="polite">{{ loading }}</p>
  <div id="global-error-alert" class="d-none"><span></span></div>
  <div id="global-status-alert" class="d-none"><span></span></div>
  {% for name, label in actions %}
  <button type="button" class="action" data-script="{{ name }}">{{ label }}</button>
  {% endfor %}
  <p class="where" id="where">{{ where }}</p>
  <p class="where">{{ hint }}</p>
  <noscript><p class="status status-error">{{ noscript }}</p></noscript>
  <script>
    // Plain ES5 on purpose: if taskpane.js never starts (an Excel too old for it, a blocked file),
    // this still replaces "loading" with what to do.
    setTimeout(function () {
      var s = document.getElementById("status");
      if (s && !s.getAttribute("data-started")) { s.textContent = {{ stalled|tojson }}; s.className = "status status-error"; }
    }, {{ stalled_ms }});
  </script>
</body>
</html>
"""

ALERT = """<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{{ title }}</title>
  <link rel="icon" type="image/png" href="/icon.png">
  <link rel="stylesheet" href="{{ own }}/taskpane.css">
  <script src="{{ client }}/{{ office_js }}"></script>
  <script src="{{ client }}/{{ dialog_script }}" defer></script>
</head>
<body class="alert-page alert-{{ mode or 'info' }}">
  <div id="callback" data-callback="{{ callback }}"></div>
  <h1>{{ title }}</h1>
  <p class="prompt">{{ prompt }}</p>
  <div class="alert-buttons">
    {% for id, label in buttons %}
    <button type="button" id="{{ id }}">{{ label }}</button>
    {% endfor %}
  </div>
</body>
</html>
"""

_env = jinja2.Environment(loader=jinja2.DictLoader({"taskpane.html": PAGE, "alert.html": ALERT}), autoescape=True)


def client_config(xlwings_version: str) -> dict:
    """The settings the xlwings-server client reads from the page's #config element (no auth, no Wasm)."""
    return {
        "appPath": "", "authProviders": [], "customFunctionsMaxRetries": 0, "customFunctionsRetryCodes": [],
        "environment": "prod", "isOfficialLiteAddin": False, "pyodideBaseUrl": "", "taskpaneReloadAttempts": 0,
        "onWasm": False, "requestTimeout": 600, "xlwingsVersion": xlwings_version,
    }


def render_taskpane(folder: Path, script_names: list[str], xlwings_version: str, office_js: str) -> str:
    """The task pane's HTML for a contest folder."""
    labels = [(name, msg.ACTION_LABELS[name]) for name in script_names]
    where = msg.TASKPANE_WHERE.format(judges=folder / schema.JUDGES_DIR, documents=folder / schema.DOCUMENTS_DIR)
    return _env.get_template("taskpane.html").render(
        heading=msg.TASKPANE_HEADING, actions=labels, where=where, hint=msg.TASKPANE_HINT,
        loading=msg.TASKPANE_TEXTS["loading"], noscript=msg.TASKPANE_TEXTS["noScript"],
        stalled=msg.TASKPANE_TEXTS["stalled"], stalled_ms=STALLED_SECONDS * 1000,
        config=client_config(xlwings_version), texts={**msg.TASKPANE_TEXTS, "labels": msg.ACTION_LABELS, "title": msg.TITLE},
        own=OWN_PREFIX, client=CLIENT_PREFIX, office_js=office_js, client_script=CLIENT_SCRIPT,
        functions_code=FUNCTIONS_CODE_URL,
    )


def render_alert(prompt: str, title: str, buttons: str, mode: str, callback: str, office_js: str) -> str:
    """The dialog book.app.alert() opens: the prompt and Vietnamese buttons answering as xlwings expects."""
    chosen = [(key, label) for key, label in msg.ALERT_BUTTONS.items() if key in buttons] or [("ok", msg.ALERT_BUTTONS["ok"])]
    return _env.get_template("alert.html").render(
        prompt=prompt, title=title, buttons=chosen, mode=mode, callback=callback,
        own=OWN_PREFIX, client=CLIENT_PREFIX, office_js=office_js, dialog_script=DIALOG_SCRIPT,
    )
