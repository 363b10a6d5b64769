// Renders every Camunda Form under bpmn/forms with form-js 1.8.7 — the viewer Tasklist 7.24 bundles — in jsdom,
// and checks the cases in cases.json: which fields a user sees for given variables (the forms' FEEL conditions),
// what the text shows, and which fields the viewer refuses to submit. Every form must also import without warnings
// (an unknown field type or a FEEL expression the viewer cannot parse). Run by .ci/run: npm run -s check:forms
'use strict';
const fs = require('fs');
const path = require('path');
const { JSDOM } = require('jsdom');

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
for (const k of ['window', 'document', 'navigator', 'HTMLElement', 'HTMLInputElement', 'Node', 'Element', 'Text',
  'getComputedStyle', 'MutationObserver', 'requestAnimationFrame', 'cancelAnimationFrame', 'Event', 'KeyboardEvent',
  'FocusEvent', 'InputEvent', 'CustomEvent', 'DOMParser']) {
  if (dom.window[k] !== undefined) global[k] = dom.window[k];
}
const { Form } = require('@bpmn-io/form-js-viewer');

const root = path.resolve(__dirname, '..', '..', '..');
const formsDir = path.join(root, 'bpmn', 'forms');
const cases = JSON.parse(fs.readFileSync(path.join(__dirname, 'cases.json'), 'utf8'));

async function render(file, data) {
  const schema = JSON.parse(fs.readFileSync(path.join(formsDir, file), 'utf8'));
  const container = document.createElement('div');
  document.body.appendChild(container);
  const form = new Form({ container });
  const { warnings } = await form.importSchema(schema, data || {});
  await new Promise(r => setTimeout(r, 20));
  const labels = [...container.querySelectorAll('label')].map(l => l.textContent.replace(/\*$/, '').trim()).filter(Boolean);
  const { errors } = form.submit();
  const text = container.textContent;
  form.destroy();
  container.remove();
  return { warnings: warnings.map(w => String(w.message || w)), labels, errors: Object.keys(errors).sort(), text };
}

(async () => {
  const problems = [];
  let checked = 0;
  const files = fs.readdirSync(formsDir).filter(f => f.endsWith('.form')).sort();
  for (const file of files) {
    const r = await render(file, {});
    if (r.warnings.length) problems.push(`${file}: import warnings ${JSON.stringify(r.warnings)}`);
    checked++;
  }
  for (const c of cases) {
    const name = `${c.form} (${c.case})`;
    if (!files.includes(c.form)) { problems.push(`${name}: no such form`); continue; }
    const r = await render(c.form, c.variables);
    for (const l of c.shows || []) if (!r.labels.includes(l)) problems.push(`${name}: field "${l}" is not shown (shown: ${JSON.stringify(r.labels)})`);
    for (const l of c.hides || []) if (r.labels.includes(l)) problems.push(`${name}: field "${l}" is shown but should be hidden`);
    for (const t of c.text || []) if (!r.text.includes(t)) problems.push(`${name}: text "${t}" not rendered`);
    if (c.refuses) {
      const want = [...c.refuses].sort();
      if (JSON.stringify(want) !== JSON.stringify(r.errors)) problems.push(`${name}: refuses ${JSON.stringify(r.errors)}, expected ${JSON.stringify(want)}`);
    }
    checked++;
  }
  if (problems.length) {
    console.error(problems.map(p => 'form check: ' + p).join('\n'));
    process.exit(1);
  }
  console.log(`forms render in form-js 1.8.7: ${files.length} forms, ${cases.length} cases, ${checked} renders, no problems`);
})().catch(e => { console.error('form check failed:', e); process.exit(1); });
