// Renders every BPMN model under bpmn/ to docs/processes/<name>.svg with bpmn-js (its viewer bundle, in jsdom: no
// browser), so each process page shows the diagram as the model is. Run by .ci/run as a check: it fails when a
// committed SVG differs from what its .bpmn renders to (or is missing). After changing a model:
//   npm run -s render:diagrams        (writes the SVGs; commit them with the model)
// Text is measured at a fixed width per character (svg-shim.cjs), not with fonts, so the output is the same on every
// machine; marker ids, random in bpmn-js, are numbered in order. One SVG element per line keeps diffs readable.
'use strict';
const fs = require('fs');
const path = require('path');
const { JSDOM } = require('jsdom');
const shim = require('./svg-shim.cjs');

const root = path.resolve(__dirname, '..', '..', '..');
const bpmnDir = path.join(root, 'bpmn');
const outDir = path.join(root, 'docs', 'processes');
const bundle = fs.readFileSync(require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js'), 'utf8');
const write = process.argv.includes('--write');

async function render(xml) {
  const dom = new JSDOM('<!doctype html><html><body><div id="canvas"></div></body></html>',
    { pretendToBeVisual: true, runScripts: 'outside-only' });
  const w = dom.window;
  let viewer;
  // the bounds of everything drawn: what saveSVG asks the layer's getBBox for (its viewBox)
  shim.install(w, () => {
    let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    const add = (x, y, width = 0, height = 0) => {
      x1 = Math.min(x1, x); y1 = Math.min(y1, y); x2 = Math.max(x2, x + width); y2 = Math.max(y2, y + height);
    };
    if (viewer) {
      viewer.get('elementRegistry').getAll().forEach(e => {
        if (e.waypoints) e.waypoints.forEach(p => add(p.x, p.y));
        else if (e.parent) add(e.x, e.y, e.width, e.height);
      });
    }
    return x1 === Infinity ? { x: 0, y: 0, width: 0, height: 0 } : { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
  });
  w.eval(bundle);
  viewer = new w.BpmnJS({ container: w.document.getElementById('canvas') });
  const { warnings } = await viewer.importXML(xml);
  if (warnings.length) throw new Error('import warnings: ' + warnings.map(x => x.message).join('; '));
  const { svg } = await viewer.saveSVG();
  viewer.destroy();
  w.close();
  const ids = new Map();
  return svg.replace(/marker-[a-z0-9]{20,}/g, id => {
    if (!ids.has(id)) ids.set(id, 'marker-' + (ids.size + 1));
    return ids.get(id);
  }).replace(/></g, '>\n<') + '\n';
}

(async () => {
  const problems = [];
  const models = fs.readdirSync(bpmnDir).filter(f => f.endsWith('.bpmn')).sort();
  for (const model of models) {
    const svgFile = path.join(outDir, model.replace(/\.bpmn$/, '.svg'));
    const svg = await render(fs.readFileSync(path.join(bpmnDir, model), 'utf8'));
    const rel = path.relative(root, svgFile);
    if (write) {
      fs.writeFileSync(svgFile, svg);
      console.log(`wrote ${rel}`);
    } else if (!fs.existsSync(svgFile)) {
      problems.push(`${rel} is missing: run npm run -s render:diagrams and commit it`);
    } else if (fs.readFileSync(svgFile, 'utf8') !== svg) {
      problems.push(`${rel} differs from what bpmn/${model} renders to: run npm run -s render:diagrams and commit it`);
    }
  }
  if (problems.length) {
    console.error(problems.map(p => 'diagram check: ' + p).join('\n'));
    process.exit(1);
  }
  if (!write) console.log(`diagrams match their models: ${models.length} BPMN files rendered with bpmn-js`);
})().catch(e => { console.error('diagram rendering failed:', e); process.exit(1); });
