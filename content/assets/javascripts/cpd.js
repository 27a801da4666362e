/*
 * The CPD record, kept only in this browser (localStorage): no account, no
 * server, no cookie, no network request. Plain ES2017, no build step.
 *
 * Every rule (what counts as done: pieces per registration year, hours per
 * registration period or a declaration; the record's fields and CPD types)
 * comes from window.evidenceCpdRules (cpd-rules.js, written from
 * data/cpd/<nation>.yml at build time); cpd-form.js builds the form from it.
 * This file holds no rule of its own. cpd-loader.js loads all three when a
 * reader comes near the panel.
 *
 * Without JavaScript, or when the browser refuses storage, the page keeps its
 * printable template or its link to the printable record; this script only
 * ever adds to a working page.
 */
(function () {
  "use strict";

  const plural = window.evidence.plural; // helpers.js, loaded first
  const element = window.evidence.element;
  const isoDate = window.evidence.isoDate;
  const longDate = window.evidence.longDate;
  const progressText = window.evidenceCpdProgress.progressText; // cpd-progress.js, loaded before
  const hoursText = window.evidenceCpdProgress.hoursText;
  const rules = window.evidenceCpdRules; // cpd-rules.js
  const panel = document.querySelector("[data-cpd-panel]");
  if (!rules || !panel) return;

  const store = openStore(rules.storage_key);
  if (!store) {
    explainUnavailable(panel);
    return;
  }
  const form = enhancePanel(panel, rules, store);
  const myCpd = document.querySelector("[data-cpd-list]") ? enhanceMyCpd(rules, store, form) : null;
  form.addEventListener("cpd:saved", function () {
    if (myCpd) myCpd.render();
  });

  /* ---------------------------------------------------------------- storage */

  /** The entries in localStorage, or null if this browser will not store them (the page keeps its template). */
  function openStore(key) {
    const storage = window.evidence.localStore(key);
    if (!storage) return null;
    const saved = function () { return storage.read() || {}; };
    return {
      read: function () {
        const data = saved();
        return Array.isArray(data.entries) ? data.entries : [];
      },
      write: function (entries) {
        storage.write(Object.assign(saved(), { version: 1, entries: entries }));
      },
      /** The reader's own registration period start (rules that count hours per period). */
      periodStart: function () { return saved().period_start || ""; },
      setPeriodStart: function (value) {
        storage.write(Object.assign(saved(), { version: 1, period_start: value }));
      },
    };
  }

  /** Said where the page asks for JavaScript; the printable template or the link to it stays. */
  function explainUnavailable(panelElement) {
    const reason = panelElement.querySelector("[data-cpd-nojs]");
    if (reason) {
      reason.textContent = " This browser is not letting the site save anything (its local storage is off or full), so entries cannot be kept here: use the printable record instead. ";
    }
  }

  /* ------------------------------------------------------------ the panel */

  function enhancePanel(panelElement, cpdRules, entries) {
    const formElement = window.evidenceCpdForm.build(panelElement, cpdRules); // cpd-form.js
    panelElement.querySelector("[data-cpd-status]").before(formElement);
    const template = panelElement.querySelector("[data-cpd-template]");
    if (template) template.hidden = true; // it still prints (cpd.css)
    const noScriptNote = panelElement.querySelector("[data-cpd-nojs]");
    if (noScriptNote) noScriptNote.hidden = true; // this sentence no longer applies
    prefill(formElement, cpdRules, panelElement);
    formElement.addEventListener("submit", function (event) {
      event.preventDefault();
      save(formElement, cpdRules, entries, panelElement);
    });
    const cancel = formElement.querySelector("[data-cpd-cancel]");
    cancel.addEventListener("click", function () {
      stopEditing(formElement, cpdRules, panelElement);
      say(panelElement, "Editing cancelled; nothing was changed.");
    });
    return formElement;
  }

  /** Start a new entry: the source and today's date where the rules ask for them. */
  function prefill(formElement, cpdRules, panelElement) {
    const title = panelElement.dataset.cpdTitle;
    cpdRules.fields.forEach(function (field) {
      const control = formElement.elements[field.id];
      if (!control || control.value) return;
      if (field.prefill === "today") control.value = isoDate(new Date());
      if (field.prefill === "source" && title) control.value = title + " (" + pageAddress() + ")";
    });
  }

  function save(formElement, cpdRules, entries, panelElement) {
    const all = entries.read();
    const editing = formElement.elements.entry_id.value;
    const values = readForm(formElement, cpdRules);
    const now = new Date().toISOString();
    const existing = all.find(function (entry) { return entry.id === editing; });
    if (existing) {
      existing.values = values;
      existing.updated = now;
    } else {
      all.push({ id: newId(), created: now, updated: now, source: source(panelElement), values: values });
    }
    try {
      entries.write(all);
    } catch (error) {
      say(panelElement, "Not saved: this browser's storage is full or blocked. Export your entries from My CPD and delete old ones.");
      return;
    }
    stopEditing(formElement, cpdRules, panelElement);
    announceSaved(panelElement, existing ? "Entry updated." : "Saved to My CPD in this browser.", all.length);
    formElement.dispatchEvent(new CustomEvent("cpd:saved"));
  }

  function readForm(formElement, cpdRules) {
    const values = {};
    cpdRules.fields.forEach(function (field) {
      if (field.input === "standards" || field.input === "checklist") {
        values[field.id] = readStandards(formElement, field.id);
      } else {
        const control = formElement.elements[field.id];
        values[field.id] = control ? control.value.trim() : "";
      }
    });
    return values;
  }

  function readStandards(formElement, name) {
    const ticked = Array.from(formElement.querySelectorAll('input[type="checkbox"][name="' + name + '"]:checked'))
      .map(function (box) { return box.value; });
    const other = formElement.elements[name + "_other"];
    const typed = other ? other.value.split(/[\s,;]+/).filter(Boolean) : [];
    return ticked.concat(typed).filter(function (id, index, list) { return list.indexOf(id) === index; });
  }

  function fillForm(formElement, cpdRules, entry) {
    formElement.reset();
    formElement.elements.entry_id.value = entry.id;
    cpdRules.fields.forEach(function (field) {
      const value = entry.values[field.id];
      if (field.input === "standards" || field.input === "checklist") {
        fillStandards(formElement, field.id, value || []);
      } else if (formElement.elements[field.id]) {
        formElement.elements[field.id].value = value || "";
      }
    });
  }

  function fillStandards(formElement, name, ids) {
    const boxes = Array.from(formElement.querySelectorAll('input[type="checkbox"][name="' + name + '"]'));
    boxes.forEach(function (box) { box.checked = ids.indexOf(box.value) >= 0; });
    const offered = boxes.map(function (box) { return box.value; });
    const other = formElement.elements[name + "_other"];
    if (other) other.value = ids.filter(function (id) { return offered.indexOf(id) < 0; }).join(" ");
  }

  function stopEditing(formElement, cpdRules, panelElement) {
    formElement.reset();
    formElement.elements.entry_id.value = "";
    formElement.querySelector("[data-cpd-cancel]").hidden = true;
    const heading = panelElement.querySelector("[data-cpd-heading]");
    if (heading.dataset.original) heading.textContent = heading.dataset.original;
    prefill(formElement, cpdRules, panelElement);
  }

  function source(panelElement) {
    return { title: panelElement.dataset.cpdTitle || "", url: panelElement.dataset.cpdTitle ? pageAddress() : "", kind: panelElement.dataset.cpdKind };
  }

  function announceSaved(panelElement, message, count) {
    const status = panelElement.querySelector("[data-cpd-status]");
    status.textContent = message + " You have " + plural(count, "entry", "entries") + ". ";
    const myUrl = panelElement.dataset.cpdMyUrl;
    if (panelElement.dataset.cpdKind !== "my-cpd" && myUrl) {
      const link = document.createElement("a");
      link.href = myUrl;
      link.textContent = "Open My CPD";
      status.appendChild(link);
    }
  }

  function say(panelElement, message) {
    panelElement.querySelector("[data-cpd-status]").textContent = message;
  }

  /* ------------------------------------------------------------- My CPD */

  function enhanceMyCpd(cpdRules, entries, formElement) {
    const page = {
      list: document.querySelector("[data-cpd-list]"),
      empty: document.querySelector("[data-cpd-empty]"),
      status: document.querySelector("[data-cpd-list-status]"),
      exportText: document.querySelector("[data-cpd-export]"),
      progress: document.querySelector("[data-cpd-progress]"),
    };
    ["[data-cpd-entries]", "[data-cpd-export-section]", "[data-cpd-progress]"].forEach(function (selector) {
      const element = document.querySelector(selector);
      if (element) element.hidden = false;
    });
    const unavailable = document.querySelector("[data-cpd-unavailable]");
    if (unavailable) unavailable.hidden = true;
    const api = {
      render: function () { render(page, cpdRules, entries.read(), entries.periodStart()); },
    };
    page.list.addEventListener("click", function (event) {
      onEntryButton(event, cpdRules, entries, formElement, api);
    });
    bindExport(page);
    bindPeriod(entries, api);
    api.render();
    return api;
  }

  function render(page, cpdRules, all, periodStart) {
    const entries = all.slice().sort(function (a, b) { return dateOf(b, cpdRules).localeCompare(dateOf(a, cpdRules)); });
    page.list.textContent = "";
    entries.forEach(function (entry) { page.list.appendChild(entryElement(entry, cpdRules)); });
    page.empty.hidden = entries.length > 0;
    page.exportText.value = exportText(entries, cpdRules, page.exportText.dataset.siteName);
    if (page.progress) page.progress.textContent = progressText(all, cpdRules, new Date(), periodStart);
  }

  function entryElement(entry, cpdRules) {
    const item = element("li", "cpd-entry");
    const article = element("article");
    const headingId = "cpd-entry-" + entry.id;
    article.setAttribute("aria-labelledby", headingId);
    const heading = element("h3", "cpd-entry__title", entryTitle(entry, cpdRules));
    heading.id = headingId;
    const details = element("dl", "cpd-entry__fields");
    cpdRules.fields.forEach(function (field) {
      details.appendChild(element("dt", "", field.label));
      details.appendChild(element("dd", "", shownValue(field, entry.values[field.id], cpdRules) || "Not filled in"));
    });
    article.append(heading, details, entryActions(entry, cpdRules));
    item.appendChild(article);
    return item;
  }

  function entryActions(entry, cpdRules) {
    const actions = element("div", "cpd-actions cpd-screen-only");
    const name = " entry: " + entryTitle(entry, cpdRules);
    actions.append(button("Edit", name, "edit", entry.id), button("Delete", name, "delete", entry.id));
    return actions;
  }

  function button(text, hiddenText, action, id) {
    const control = element("button", "cpd-button", text);
    control.type = "button";
    control.dataset.cpdAction = action;
    control.dataset.entryId = id;
    control.appendChild(element("span", "cpd-visually-hidden", hiddenText));
    return control;
  }

  function onEntryButton(event, cpdRules, entries, formElement, api) {
    const control = event.target.closest("button[data-cpd-action]");
    if (!control) return;
    const entry = entries.read().find(function (item) { return item.id === control.dataset.entryId; });
    if (!entry) return;
    if (control.dataset.cpdAction === "edit") startEditing(formElement, cpdRules, entry);
    if (control.dataset.cpdAction === "delete") remove(entry, cpdRules, entries, api);
  }

  function startEditing(formElement, cpdRules, entry) {
    const panelElement = formElement.closest("[data-cpd-panel]");
    fillForm(formElement, cpdRules, entry);
    const heading = panelElement.querySelector("[data-cpd-heading]");
    heading.dataset.original = heading.dataset.original || heading.textContent;
    heading.textContent = "Edit entry: " + entryTitle(entry, cpdRules);
    formElement.querySelector("[data-cpd-cancel]").hidden = false;
    say(panelElement, "Editing the entry. Change the fields below, then save.");
    const first = formElement.querySelector("select, textarea, input:not([type=hidden])");
    if (first) first.focus();
  }

  function remove(entry, cpdRules, entries, api) {
    if (!window.confirm("Delete this entry? This cannot be undone: " + entryTitle(entry, cpdRules))) return;
    entries.write(entries.read().filter(function (item) { return item.id !== entry.id; }));
    api.render();
    const status = document.querySelector("[data-cpd-list-status]");
    if (status) status.textContent = "Entry deleted.";
    const heading = document.getElementById("my-cpd-entries");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }

  /** The registration period's start date on My CPD (only rules that count hours have the form). */
  function bindPeriod(entries, api) {
    const form = document.querySelector("[data-cpd-period]");
    if (!form) return;
    form.hidden = false;
    form.elements.period_start.value = entries.periodStart();
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      entries.setPeriodStart(form.elements.period_start.value);
      api.render();
    });
  }

  /* ----------------------------------------------------------------- export */

  function exportText(entries, cpdRules, siteName) {
    const lines = ["# My CPD record", "", "Exported from " + (siteName || "this site") + " on " + longDate(isoDate(new Date())) + ": " + plural(entries.length, "entry", "entries") + "."];
    entries.forEach(function (entry, index) {
      lines.push("", "## " + (index + 1) + ". " + entryTitle(entry, cpdRules), "");
      cpdRules.fields.forEach(function (field) {
        lines.push(field.label + ":", shownValue(field, entry.values[field.id], cpdRules, true) || "(not filled in)", "");
      });
      const url = entry.source && entry.source.url;
      const mentioned = url && Object.keys(entry.values).some(function (key) { return String(entry.values[key]).indexOf(url) >= 0; });
      if (url && !mentioned) lines.push("Recorded from: " + entry.source.title + " (" + url + ")", "");
    });
    return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
  }

  function bindExport(page) {
    document.querySelector("[data-cpd-copy]").addEventListener("click", function () { copy(page); });
    document.querySelector("[data-cpd-print]").addEventListener("click", function () { window.print(); });
    document.querySelector("[data-cpd-download]").addEventListener("click", function () {
      const blob = new Blob([page.exportText.value], { type: "text/markdown;charset=utf-8" });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "my-cpd-record-" + isoDate(new Date()) + ".md";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
      if (page.status) page.status.textContent = "Download started: " + link.download;
    });
  }

  function copy(page) {
    const done = function () { if (page.status) page.status.textContent = "Copied. Paste it into your CPD record."; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(page.exportText.value).then(done, function () { selectForCopy(page); });
    } else {
      selectForCopy(page);
    }
  }

  function selectForCopy(page) {
    page.exportText.focus();
    page.exportText.select();
    if (page.status) page.status.textContent = "The text is selected: press Control+C (or Command+C) to copy it.";
  }

  /* ---------------------------------------------------------------- helpers */

  function shownValue(field, value, cpdRules, forExport) {
    if (field.input === "checklist") {
      const subjects = cpdRules.requirements.mandatory_learning || {};
      return (value || []).map(function (id) { return subjects[id] || id; }).join("; ");
    }
    if (field.input === "hours") return value ? hoursText(parseFloat(value) || 0) : "";
    if (field.input === "standards") {
      return (value || []).map(function (id) { return standardName(id, cpdRules); }).join(forExport ? "\n" : "; ");
    }
    if (field.input === "select") return (cpdRules.types || {})[value] || value || "";
    if (field.input === "date") return value ? longDate(value) : "";
    return value || "";
  }

  /** "swe:4.2 (SWE 4.2: Keeping my practice up to date)", or the id alone for one the site does not know. */
  function standardName(id, cpdRules) {
    const names = cpdRules.standards[id];
    if (!names) return id;
    return id + " (" + (names[1] ? names[0] + ": " + names[1] : names[0]) + ")";
  }

  function entryTitle(entry, cpdRules) {
    const dateField = cpdRules.fields.find(function (field) { return field.input === "date"; });
    const date = dateField && entry.values[dateField.id] ? longDate(entry.values[dateField.id]) : "Undated";
    const about = (entry.source && entry.source.title) || firstText(entry, cpdRules);
    return date + ": " + about;
  }

  function firstText(entry, cpdRules) {
    const field = cpdRules.fields.find(function (item) { return item.input === "textarea" && entry.values[item.id]; });
    const text = field ? entry.values[field.id] : "CPD entry";
    return text.length > 70 ? text.slice(0, 67) + "..." : text;
  }

  function dateOf(entry, cpdRules) {
    const field = cpdRules.fields.find(function (item) { return item.input === "date"; });
    return (field && entry.values[field.id]) || "";
  }

  function pageAddress() {
    return window.location.origin + window.location.pathname;
  }

  function newId() {
    return Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  }
})();
