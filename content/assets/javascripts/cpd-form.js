/*
 * Builds the "Record as CPD" form from the rules data (cpd-rules.js, written
 * at build time from data/cpd/<nation>.yml), so the form's markup exists once
 * for the whole site instead of in every page. The page's panel says which
 * standards to offer (data-cpd-options, the page's own first), which to tick
 * (data-cpd-checked) and the type to choose in advance (data-cpd-type).
 * Plain ES2017, no build step; the markup matches what the printable record
 * shows, field by field.
 */
(function () {
  "use strict";

  const element = window.evidence.element; // helpers.js, loaded first

  /** The form for `panel`, with every field the rules list, in their order. */
  function build(panel, rules) {
    const form = element("form", "cpd-form");
    form.dataset.cpdForm = "";
    form.appendChild(input("hidden", "", "entry_id"));
    rules.fields.forEach(function (field) {
      form.appendChild(fieldElement(field, rules, panel.dataset));
    });
    form.appendChild(actions());
    return form;
  }

  function fieldElement(field, rules, page) {
    const id = "cpd-field-" + field.id;
    if (field.input === "standards") return standardsField(field, id, rules, page);
    if (field.input === "checklist") return checklistField(field, id, rules);
    const box = element("div", "cpd-field");
    box.appendChild(label(id, field.label + (field.required ? " (required)" : "")));
    if (field.help) box.appendChild(help(id, field.help));
    const control = fieldControl(field, id, rules, page);
    control.id = id;
    control.name = field.id;
    control.required = Boolean(field.required);
    if (field.help) control.setAttribute("aria-describedby", id + "-help");
    box.appendChild(control);
    if (field.input === "select" && rules.types_note) box.appendChild(element("p", "cpd-help", rules.types_note));
    return box;
  }

  function fieldControl(field, id, rules, page) {
    if (field.input === "select") return typeSelect(rules, page.cpdType || "");
    if (field.input === "textarea") {
      const area = element("textarea");
      area.rows = Math.max(field.lines || 1, 3);
      return area;
    }
    if (field.input === "hours") {
      const hours = input("number");
      Object.assign(hours, { min: "0", max: "1000", step: "0.25", inputMode: "decimal" });
      return hours;
    }
    return input(field.input === "date" ? "date" : "text");
  }

  function typeSelect(rules, chosen) {
    const select = element("select");
    select.appendChild(option("", "Choose a type", !chosen));
    rules.type_order.forEach(function (typeId) {
      select.appendChild(option(typeId, rules.types[typeId], typeId === chosen));
    });
    return select;
  }

  function option(value, text, selected) {
    const item = element("option", "", text);
    item.value = value;
    item.defaultSelected = selected; // kept by form.reset(), as the selected attribute would be
    return item;
  }

  /** The page's standards (ticked) and the rules' focus standards, then a box for any others. */
  function standardsField(field, id, rules, page) {
    const checked = (page.cpdChecked || "").split(" ");
    const offered = checked.concat(rules.focus.filter(function (q) { return checked.indexOf(q) < 0; }))
      .filter(function (q) { return rules.standards[q]; });
    const box = checks(field, id, offered.map(function (q) {
      const names = rules.standards[q];
      const text = element("strong", "", names[0]);
      return { value: q, label: names[1] ? [text, ": " + names[1]] : [text], checked: checked.indexOf(q) >= 0 };
    }));
    box.appendChild(label(id + "-other", "Other standards, as ids separated by spaces (for example pcf:5)"));
    const other = input("text", id + "-other", field.id + "_other");
    other.autocomplete = "off";
    other.spellcheck = false;
    box.appendChild(other);
    return box;
  }

  function checklistField(field, id, rules) {
    const subjects = rules.requirements.mandatory_learning || {};
    return checks(field, id, rules.mandatory_order.map(function (subject) {
      return { value: subject, label: [subjects[subject]], checked: false };
    }));
  }

  function checks(field, id, items) {
    const box = element("fieldset", "cpd-field cpd-field--standards");
    if (field.help) box.setAttribute("aria-describedby", id + "-help");
    box.appendChild(element("legend", "", field.label));
    if (field.help) box.appendChild(help(id, field.help));
    const list = element("ul", "cpd-checks");
    items.forEach(function (item, index) {
      const boxId = id + "-" + (index + 1);
      const tick = input("checkbox", boxId, field.id);
      tick.value = item.value;
      tick.defaultChecked = item.checked;
      const text = label(boxId, "");
      text.append.apply(text, item.label);
      const row = element("li");
      row.append(tick, text);
      list.appendChild(row);
    });
    box.appendChild(list);
    return box;
  }

  function actions() {
    const row = element("div", "cpd-actions");
    const save = element("button", "cpd-button cpd-button--primary", "Save to My CPD");
    save.type = "submit";
    save.dataset.cpdSubmit = "";
    const cancel = element("button", "cpd-button", "Cancel editing");
    cancel.type = "button";
    cancel.dataset.cpdCancel = "";
    cancel.hidden = true;
    row.append(save, cancel);
    return row;
  }

  function input(type, id, name) {
    const control = element("input");
    control.type = type;
    if (id) control.id = id;
    if (name) control.name = name;
    return control;
  }

  function label(forId, text) {
    const item = element("label", "", text);
    item.htmlFor = forId;
    return item;
  }

  function help(id, text) {
    const item = element("p", "cpd-help", text);
    item.id = id + "-help";
    return item;
  }

  window.evidenceCpdForm = Object.freeze({ build: build });
})();
