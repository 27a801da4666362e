/*
 * What the CPD rules count, for the entries a reader has: pieces this
 * registration year, hours in their registration period, or (for rules that
 * count nothing and ask for a declaration) the entries to draw on and the
 * mandatory subjects covered. The rules are the JSON from
 * data/cpd/<nation>.yml; cpd.js shows the sentence on My CPD. Plain ES2017,
 * no build step; a file, so the Content Security Policy needs nothing inline.
 */
(function () {
  "use strict";

  const plural = window.evidence.plural; // helpers.js, loaded first
  const isoDate = window.evidence.isoDate;
  const longDate = window.evidence.longDate;

  /** The registration year containing `today`, as ISO dates, from the rules' MM-DD start and end. */
  function registrationYear(cpdRules, today) {
    const start = cpdRules.registration_year.start;
    const end = cpdRules.registration_year.end;
    const startYear = isoDate(today).slice(5) >= start ? today.getFullYear() : today.getFullYear() - 1;
    const endYear = end >= start ? startYear : startYear + 1;
    return { from: startYear + "-" + start, to: endYear + "-" + end };
  }

  /** What the rules count, for entries so far: pieces this registration year, hours this period, or entries to declare. */
  function progressText(all, cpdRules, today, periodStart) {
    const measure = cpdRules.requirements.measure;
    let text = measure === "pieces" ? piecesProgress(all, cpdRules, today)
      : measure === "hours" ? hoursProgress(all, cpdRules, periodStart)
        : "Nothing is counted: you confirm your learning yourself. You have " + plural(all.length, "entry", "entries") + " to draw on.";
    if (cpdRules.requirements.mandatory_learning) text += " " + mandatoryProgress(all, cpdRules);
    return text;
  }

  function piecesProgress(all, cpdRules, today) {
    const year = registrationYear(cpdRules, today);
    const inYear = within(all, cpdRules, year.from, year.to);
    const peerField = cpdRules.fields.find(function (field) { return field.peer_reflection; });
    const withPeer = peerField ? inYear.filter(function (entry) { return (entry.values[peerField.id] || "").trim(); }).length : 0;
    const need = cpdRules.requirements;
    let text = "This registration year (" + longDate(year.from) + " to " + longDate(year.to) + "): " +
      Math.min(inYear.length, need.pieces) + " of " + need.pieces + " pieces of CPD recorded";
    if (need.with_peer_reflection) text += ", " + Math.min(withPeer, need.with_peer_reflection) + " of " + need.with_peer_reflection + " with a peer reflection";
    text += ".";
    if (inYear.length >= need.pieces && withPeer >= need.with_peer_reflection) text += " You have recorded what is needed this year.";
    if (inYear.length > need.pieces) text += " (" + plural(inYear.length, "entry", "entries") + " in all.)";
    return text;
  }

  /** Hours in the reader's registration period (they give its start); without a start, hours in all entries. */
  function hoursProgress(all, cpdRules, periodStart) {
    const need = cpdRules.requirements;
    const field = cpdRules.fields.find(function (item) { return item.input === "hours"; });
    const total = function (entries) {
      return entries.reduce(function (sum, entry) { return sum + (parseFloat(entry.values[field.id]) || 0); }, 0);
    };
    if (!periodStart) {
      return "Hours recorded in all your entries: " + hoursText(total(all)) + " of the " + hoursText(need.hours) +
        " needed in a registration period. Give the date your current registration period started to count only that period.";
    }
    const end = periodEnd(periodStart, need.period_years);
    const hours = total(within(all, cpdRules, periodStart, end));
    let text = "This registration period (" + longDate(periodStart) + " to " + longDate(end) + "): " +
      hoursText(Math.min(hours, need.hours)) + " of " + hoursText(need.hours) + " recorded.";
    if (hours >= need.hours) text += " You have recorded the hours needed in this period.";
    return text;
  }

  function mandatoryProgress(all, cpdRules) {
    const subjects = cpdRules.requirements.mandatory_learning;
    const field = cpdRules.fields.find(function (item) { return item.input === "checklist"; });
    const counts = Object.keys(subjects).map(function (id) {
      const count = all.filter(function (entry) { return (entry.values[field.id] || []).indexOf(id) >= 0; }).length;
      return { label: subjects[id], count: count };
    });
    const parts = counts.map(function (item) { return item.label + ": " + (item.count ? plural(item.count, "entry", "entries") : "not yet"); });
    const done = counts.every(function (item) { return item.count > 0; });
    return "Mandatory learning recorded: " + parts.join("; ") + "." + (done ? " You have recorded every mandatory subject." : "");
  }

  function within(all, cpdRules, from, to) {
    return all.filter(function (entry) {
      const date = dateOf(entry, cpdRules);
      return date >= from && date <= to;
    });
  }

  /** The last day of a period of `years` years starting on the ISO date `start`. */
  function periodEnd(start, years) {
    const parts = start.split("-").map(Number);
    return isoDate(new Date(parts[0] + years, parts[1] - 1, parts[2] - 1));
  }

  function hoursText(hours) {
    const rounded = Math.round(hours * 100) / 100;
    return rounded + (rounded === 1 ? " hour" : " hours");
  }

  function dateOf(entry, cpdRules) {
    const field = cpdRules.fields.find(function (item) { return item.input === "date"; });
    return (field && entry.values[field.id]) || "";
  }

  window.evidenceCpdProgress = Object.freeze({ progressText: progressText, hoursText: hoursText });
})();
