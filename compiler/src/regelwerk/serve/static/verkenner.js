// Scenario explorer of `regelwerk serve`: a form built from a regulation's input schema, the result
// and its explanation computed by the service as the analyst types, two scenarios side by side, and
// "Bewaar als test". Plain JavaScript, no build step. Every text from a rule file or the service is
// put in the page as a text node (el(), textContent): never as markup.
"use strict";

const state = { regelingen: [], regeling: null, schema: null, scenarios: [] };

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

async function api(method, path, body, headers) {
  const options = { method, headers: Object.assign({ "Content-Type": "application/json" }, headers || {}) };
  if (body !== undefined) options.body = JSON.stringify(body);
  const response = await fetch(path, options);
  let document_ = null;
  try { document_ = await response.json(); } catch (error) { document_ = { fout: "json", melding: String(error) }; }
  return { status: response.status, body: document_ };
}

// ------------------------------------------------------------------ numbers in Dutch notation

// What the analyst types is Dutch notation: "1.450,50" (or "1450,50"; "€" and spaces are left out).
function fromDutch(text) {
  const bare = text.replace(/€/g, "").replace(/\s+/g, "");
  if (!/^-?[0-9.]*[0-9](,[0-9]+)?$/.test(bare)) return text.trim();
  return bare.replace(/\./g, "").replace(",", ".");
}

// An exact number from the service ("1450.5") in Dutch notation ("1.450,5"), by text, never as a float.
function toDutch(text) {
  const match = /^(-?)([0-9]+)(?:\.([0-9]+))?(%?)$/.exec(String(text));
  if (!match) return String(text);
  const whole = match[2].replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return match[1] + whole + (match[3] ? "," + match[3] : "") + (match[4] ? " %" : "");
}

// ------------------------------------------------------------------ the form, from the schema

function fieldKind(schema) {
  if (schema.type === "array") return "lijst";
  if (schema.type === "object") return "gegevens";
  if (schema.type === "boolean") return "janee";
  if (Array.isArray(schema.enum)) return "keuze";
  if (schema.format === "date") return "datum";
  if (schema.type === "integer") return "geheel";
  if (typeof schema.pattern === "string" && schema.pattern.includes("%")) return "procent";
  return "getal";
}

// A field: { element, read() -> JSON value or undefined, fill(value), mark(path -> message) }
function buildField(schema, name, path, onChange) {
  const kind = fieldKind(schema);
  if (kind === "gegevens") return buildRecord(schema, name, path, onChange);
  if (kind === "lijst") return buildList(schema, name, path, onChange);
  let input;
  if (kind === "janee") {
    input = el("select", {}, el("option", { value: "" }, "—"), el("option", { value: "ja" }, "ja"),
      el("option", { value: "nee" }, "nee"));
  } else if (kind === "keuze") {
    input = el("select", {}, el("option", { value: "" }, "—"),
      ...schema.enum.map((value) => el("option", { value: String(value) }, String(value))));
  } else if (kind === "datum") {
    input = el("input", { type: "date" });
  } else {
    input = el("input", { type: "text", inputmode: "decimal",
      placeholder: kind === "procent" ? "13,6 %" : kind === "geheel" ? "0" : "1.450,00" });
  }
  input.dataset.veld = path;
  input.setAttribute("aria-label", name);
  input.addEventListener("input", onChange);
  input.addEventListener("change", onChange);
  const message = el("span", { class: "foutmelding", hidden: "" });
  const row = el("div", { class: "veld" }, el("label", { class: "naam" }, name), input,
    schema.title ? el("span", { class: "soort" }, schema.title) : null,
    schema.description ? el("span", { class: "hulp" }, schema.description) : null, message);
  const field = {
    element: row,
    read() {
      const text = input.value.trim();
      if (text === "") return undefined;
      if (kind === "janee") return text === "ja";
      if (kind === "keuze" || kind === "datum") return text;
      if (kind === "procent") {
        const number = fromDutch(text.replace(/%/g, ""));
        return number.replace(".", ",") + " %";
      }
      return fromDutch(text);
    },
    fill(value) {
      if (value === undefined || value === null) { input.value = ""; return; }
      if (kind === "janee") input.value = value === true || value === "ja" ? "ja" : "nee";
      else if (kind === "keuze" || kind === "datum") input.value = String(value);
      else if (kind === "procent") input.value = toDutch(String(value).replace(/\s*%$/, "").replace(",", ".")) + " %";
      else input.value = toDutch(String(value));
    },
    mark(problems) {
      const found = problems.get(path);
      row.classList.toggle("fout", found !== undefined);
      message.hidden = found === undefined;
      message.textContent = found || "";
    },
  };
  if (schema.default !== undefined) field.fill(schema.default);
  return field;
}

function buildRecord(schema, name, path, onChange) {
  const properties = schema.properties || {};
  const fields = Object.entries(properties).map(([key, sub]) =>
    [key, buildField(sub, key, path ? path + "." + key : key, onChange)]);
  const box = path ? el("fieldset", { class: "lid" }, el("legend", {}, name)) : el("div", { class: "formulier" });
  for (const [, field] of fields) box.append(field.element);
  return {
    element: box,
    read() {
      const out = {};
      for (const [key, field] of fields) {
        const value = field.read();
        if (value !== undefined) out[key] = value;
      }
      return out;
    },
    fill(value) { for (const [key, field] of fields) field.fill(value ? value[key] : undefined); },
    mark(problems) { for (const [, field] of fields) field.mark(problems); },
  };
}

function buildList(schema, name, path, onChange) {
  const members = [];
  const itemSchema = schema.items || {};
  const memberName = itemSchema.title || "lid";
  const list = el("div", { class: "leden" });
  const message = el("span", { class: "foutmelding", hidden: "" });
  const add = el("button", { type: "button", class: "toevoegen" }, "+ " + memberName + " toevoegen");
  const box = el("fieldset", { class: "lijst" }, el("legend", {}, name),
    schema.description ? el("p", { class: "hulp" }, schema.description) : null, list, add, message);
  box.dataset.veld = path;
  function renumber() {
    members.forEach((member, index) => { member.legend.textContent = memberName + " " + (index + 1); });
  }
  function addMember(value) {
    const index = members.length;
    const record = buildRecord(itemSchema, memberName, path + "[" + index + "]", onChange);
    const remove = el("button", { type: "button", class: "verwijder" }, "verwijder");
    const legend = record.element.querySelector("legend");
    legend.append(" ");
    const member = { record, legend: legend.firstChild, element: record.element };
    legend.append(remove);
    remove.addEventListener("click", () => {
      const at = members.indexOf(member);
      const values = members.map((m) => m.record.read());
      values.splice(at, 1);
      field.fill(values);
      onChange();
    });
    members.push(member);
    list.append(record.element);
    if (value !== undefined) record.fill(value);
    renumber();
  }
  add.addEventListener("click", () => { addMember(); onChange(); });
  const field = {
    element: box,
    read() { return members.map((member) => member.record.read()); },
    fill(values) {
      members.length = 0;
      list.replaceChildren();
      for (const value of values || []) addMember(value);
    },
    mark(problems) {
      const found = problems.get(path);
      message.hidden = found === undefined;
      message.textContent = found || "";
      for (const member of members) member.record.mark(problems);
    },
  };
  return field;
}

// ------------------------------------------------------------------ the result and its explanation

function isProvisional(node) { return /voorlopig/.test(node.toelichting || ""); }

function explanationNode(node, top) {
  const line = [el("span", { class: "stap" }, node.naam + " = " + node.waarde)];
  if (node.verwijzing) line.push(el("span", { class: "verwijzing" }, "[" + node.verwijzing + "]"));
  line.push(el("span", { class: "soortnaam" }, node.soort));
  if (node.toelichting) line.push(el("span", { class: "toelichting" }, node.toelichting));
  if (isProvisional(node)) line.push(el("span", { class: "merk voorlopig" }, "voorlopig"));
  const children = node.kinderen || [];
  if (!children.length) {
    return el("div", { class: "blad" + (isProvisional(node) ? " voorlopig" : "") }, ...line);
  }
  const details = el("details", { class: isProvisional(node) ? "voorlopig" : "" },
    el("summary", {}, ...line), ...children.map((child) => explanationNode(child, false)));
  if (top) details.open = true;
  return details;
}

// An output as the explanation shows it (with € and its period), else the number in Dutch notation.
function shownValue(body, name) {
  const node = (body.uitleg || []).find((n) => n.naam === name);
  const value = body.uitvoer[name];
  if (node) return node.waarde;
  // an output per member (a `regel per kind`): the value of each, in their order
  return Array.isArray(value) ? value.map(toDutch).join("; ") : toDutch(value);
}

function showResult(scenario, answer) {
  const out = scenario.result;
  out.replaceChildren();
  const problems = new Map();
  if (answer.status !== 200) {
    const body = answer.body || {};
    out.append(el("p", { class: "melding" }, body.melding || "fout"));
    for (const problem of body.problemen || []) {
      if (!problems.has(problem.veld)) problems.set(problem.veld, problem.melding);
      if (problem.veld === "peildatum") scenario.peildatumFout.textContent = problem.melding;
    }
    if (body.problemen) {
      out.append(el("ul", { class: "problemen" },
        ...body.problemen.map((p) => el("li", {}, el("code", {}, p.veld), ": " + p.melding))));
    }
    scenario.form.mark(problems);
    scenario.last = null;
    return;
  }
  scenario.form.mark(problems);
  scenario.peildatumFout.textContent = "";
  scenario.last = answer.body;
  const other = state.scenarios.find((s) => s !== scenario && s.last);
  const rows = Object.entries(answer.body.uitvoer).map(([name, value]) => {
    const cells = [el("th", {}, name),
      el("td", { class: "waarde", "data-uitvoer": name, "data-waarde": String(value) }, shownValue(answer.body, name))];
    const before = other ? other.last.uitvoer[name] : undefined;
    if (before !== undefined && JSON.stringify(before) !== JSON.stringify(value)) {
      cells.push(el("td", { class: "verschil" }, "anders dan " + other.label + ": " + shownValue(other.last, name)));
    }
    return el("tr", {}, ...cells);
  });
  out.append(el("table", { class: "uitvoer" }, el("tbody", {}, ...rows)));
  const provisional = answer.body.voorlopig || [];
  if (provisional.length) {
    out.append(el("p", { class: "voorlopig" }, el("span", { class: "merk" }, "voorlopig"),
      " Dit resultaat gebruikt voorlopige waarden: " + provisional.join(", ")));
  }
  out.append(el("h3", {}, "Uitleg"),
    el("div", { class: "uitleg" }, ...(answer.body.uitleg || []).map((n) => explanationNode(n, true))));
}

// ------------------------------------------------------------------ scenarios

function defaultDate() {
  const today = new Date().toISOString().slice(0, 10);
  const info = state.regeling;
  if (info.geldig_vanaf && today < info.geldig_vanaf) return info.geldig_vanaf;
  if (info.geldig_tot && today >= info.geldig_tot) return info.geldig_vanaf || today;
  return today;
}

function request(scenario) {
  return { peildatum: scenario.peildatum.value, invoer: scenario.form.read(), uitleg: true };
}

function makeScenario(label, copyOf) {
  const scenario = { label, last: null, timer: null, sequence: 0 };
  const recalc = () => {
    clearTimeout(scenario.timer);
    scenario.timer = setTimeout(() => calculate(scenario), 200);
  };
  scenario.peildatum = el("input", { type: "date", "aria-label": "peildatum", value: defaultDate() });
  scenario.peildatum.addEventListener("input", recalc);
  scenario.peildatumFout = el("span", { class: "foutmelding" });
  scenario.form = buildRecord(state.schema.invoer, "", "", recalc);
  scenario.result = el("div", { class: "resultaat", "aria-live": "polite" });
  const title = el("h2", {}, "Scenario " + label);
  if (label !== "A") {
    title.append(el("button", { type: "button", onclick: () => {
      state.scenarios = state.scenarios.filter((s) => s !== scenario);
      scenario.element.remove();
    } }, "sluit"));
  }
  scenario.element = el("section", { class: "scenario", "data-scenario": label }, title,
    el("div", { class: "veld" }, el("label", { class: "naam" }, "peildatum"), scenario.peildatum,
      scenario.peildatumFout),
    scenario.form.element, el("h3", {}, "Resultaat"), scenario.result);
  if (document.body.dataset.schrijven === "ja") {
    const name = el("input", { type: "text", "aria-label": "naam van de test", placeholder: "naam van de test" });
    const button = el("button", { type: "button", class: "bewaar-knop" }, "Bewaar als test");
    button.addEventListener("click", () => propose(scenario, name.value));
    scenario.element.append(el("div", { class: "bewaar" }, name, button));
  }
  if (copyOf) {
    scenario.form.fill(copyOf.form.read());
    scenario.peildatum.value = copyOf.peildatum.value;
  }
  state.scenarios.push(scenario);
  document.getElementById("scenarios").append(scenario.element);
  calculate(scenario);
  return scenario;
}

async function calculate(scenario) {
  const sequence = ++scenario.sequence;
  const answer = await api("POST", "regelingen/" + encodeURIComponent(state.regeling.naam) + "/bereken",
    request(scenario));
  if (sequence !== scenario.sequence) return; // an older answer that arrives late
  showResult(scenario, answer);
  for (const other of state.scenarios) if (other !== scenario && other.last) showResult(other, { status: 200, body: other.last });
}

// ------------------------------------------------------------------ Bewaar als test

let proposal = null;

async function propose(scenario, name) {
  const body = Object.assign(request(scenario), { regeling: state.regeling.naam, naam: name });
  delete body.uitleg;
  const answer = await api("POST", "verkenner/test/voorstel", body, { "X-Regelwerk": "verkenner" });
  const dialog = document.getElementById("voorstel");
  const message = document.getElementById("voorstel-melding");
  message.hidden = true;
  if (answer.status !== 200) {
    proposal = null;
    document.getElementById("voorstel-bestand").textContent = "";
    document.getElementById("voorstel-diff").textContent = "";
    message.hidden = false;
    message.textContent = (answer.body.melding || "fout") +
      (answer.body.problemen ? ": " + answer.body.problemen.map((p) => p.veld + ": " + p.melding).join("; ") : "");
    document.getElementById("voorstel-bewaar").disabled = true;
  } else {
    proposal = Object.assign(body, { basis: answer.body.basis, resultaat: answer.body.resultaat });
    document.getElementById("voorstel-bestand").textContent = answer.body.bestand;
    document.getElementById("voorstel-diff").textContent = answer.body.diff;
    document.getElementById("voorstel-bewaar").disabled = false;
  }
  dialog.showModal();
}

async function save() {
  if (!proposal) return;
  const answer = await api("POST", "verkenner/test/bewaar", proposal, { "X-Regelwerk": "verkenner" });
  const message = document.getElementById("voorstel-melding");
  message.hidden = false;
  if (answer.status === 200) {
    message.className = "bewaard";
    message.textContent = "Bewaard in " + answer.body.bestand + ". Draai regelwerk test om hem na te gaan.";
    document.getElementById("voorstel-bewaar").disabled = true;
    proposal = null;
  } else {
    message.className = "melding";
    message.textContent = answer.body.melding || "fout";
  }
}

// ------------------------------------------------------------------ start

async function chooseRegulation(name) {
  state.regeling = state.regelingen.find((r) => r.naam === name);
  const answer = await api("GET", "regelingen/" + encodeURIComponent(name) + "/schema");
  state.schema = answer.body;
  state.scenarios = [];
  document.getElementById("scenarios").replaceChildren();
  const info = state.regeling;
  document.getElementById("regeling-info").textContent = [info.titel, info.versie && "versie " + info.versie,
    info.geldig_vanaf && "geldig vanaf " + info.geldig_vanaf, info.bron].filter(Boolean).join(" · ");
  makeScenario("A");
}

async function start() {
  const answer = await api("GET", "regelingen");
  state.regelingen = answer.body;
  const select = document.getElementById("regeling");
  for (const regeling of state.regelingen) {
    select.append(el("option", { value: regeling.naam }, regeling.naam + (regeling.titel ? " — " + regeling.titel : "")));
  }
  const wanted = new URLSearchParams(location.search).get("regeling");
  if (wanted && state.regelingen.some((r) => r.naam === wanted)) select.value = wanted;
  select.addEventListener("change", () => chooseRegulation(select.value));
  document.getElementById("vergelijk").addEventListener("click", () => {
    const letters = "ABCDEFGH";
    if (state.scenarios.length < letters.length) makeScenario(letters[state.scenarios.length], state.scenarios[0]);
  });
  document.getElementById("voorstel-bewaar").addEventListener("click", save);
  document.getElementById("voorstel-annuleer").addEventListener("click", () => document.getElementById("voorstel").close());
  if (state.regelingen.length) await chooseRegulation(select.value);
  document.body.dataset.klaar = "ja";
}

document.addEventListener("DOMContentLoaded", start);
