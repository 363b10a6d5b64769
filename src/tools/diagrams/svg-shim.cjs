// Just enough of the SVG geometry interfaces that jsdom lacks (SVGMatrix, SVGTransformList, getBBox) for bpmn-js to
// draw a diagram and export it, without a browser. Text is measured by a fixed width per character, so the export
// is the same on every machine (no fonts involved): labels wrap a little differently from the Modeler's.
'use strict';

const CHAR_WIDTH = 6.4; // px per character of 12px Arial, roughly
const LINE_HEIGHT = 14;

function install(w, contentBounds) {
  class SVGMatrix {
    constructor(a = 1, b = 0, c = 0, d = 1, e = 0, f = 0) { Object.assign(this, { a, b, c, d, e, f }); }
    multiply(m) {
      return new SVGMatrix(this.a * m.a + this.c * m.b, this.b * m.a + this.d * m.b,
        this.a * m.c + this.c * m.d, this.b * m.c + this.d * m.d,
        this.a * m.e + this.c * m.f + this.e, this.b * m.e + this.d * m.f + this.f);
    }
    translate(x, y) { return this.multiply(new SVGMatrix(1, 0, 0, 1, x, y)); }
    scale(s) { return this.multiply(new SVGMatrix(s, 0, 0, s, 0, 0)); }
    inverse() {
      const det = this.a * this.d - this.b * this.c;
      return new SVGMatrix(this.d / det, -this.b / det, -this.c / det, this.a / det,
        (this.c * this.f - this.d * this.e) / det, (this.b * this.e - this.a * this.f) / det);
    }
  }
  class SVGTransform {
    constructor(matrix) { this.matrix = matrix || new SVGMatrix(); this.type = 1; }
    setMatrix(m) { this.matrix = new SVGMatrix(m.a, m.b, m.c, m.d, m.e, m.f); }
    setTranslate(x, y) { this.matrix = new SVGMatrix(1, 0, 0, 1, x, y); }
    setScale(sx, sy) { this.matrix = new SVGMatrix(sx, 0, 0, sy, 0, 0); }
    setRotate(angle, cx, cy) {
      const r = angle * Math.PI / 180;
      const cos = Math.cos(r);
      const sin = Math.sin(r);
      this.matrix = new SVGMatrix(1, 0, 0, 1, cx, cy).multiply(new SVGMatrix(cos, sin, -sin, cos, 0, 0))
        .multiply(new SVGMatrix(1, 0, 0, 1, -cx, -cy));
    }
  }
  const num = v => String(Math.round(v * 1000) / 1000);
  class SVGTransformList {
    constructor(node) { this.node = node; this.items = []; }
    get numberOfItems() { return this.items.length; }
    getItem(i) { return this.items[i]; }
    clear() { this.items = []; this.write(); }
    appendItem(t) { this.items.push(t); this.write(); return t; }
    createSVGTransformFromMatrix(m) { return new SVGTransform(m); }
    consolidate() {
      if (!this.items.length) return null;
      this.write();
      return new SVGTransform(this.items.reduce((m, t) => m.multiply(t.matrix), new SVGMatrix()));
    }
    write() {
      const m = this.items.reduce((acc, t) => acc.multiply(t.matrix), new SVGMatrix());
      if (!this.items.length) this.node.removeAttribute('transform');
      else this.node.setAttribute('transform', `matrix(${[m.a, m.b, m.c, m.d, m.e, m.f].map(num).join(' ')})`);
    }
  }
  if (!w.structuredClone) w.structuredClone = v => JSON.parse(JSON.stringify(v));
  w.SVGMatrix = SVGMatrix;
  w.SVGTransform = SVGTransform;
  const lists = new WeakMap();
  Object.defineProperty(w.SVGElement.prototype, 'transform', {
    configurable: true,
    get() {
      if (!lists.has(this)) lists.set(this, new SVGTransformList(this));
      return { baseVal: lists.get(this) };
    }
  });
  w.SVGElement.prototype.createSVGMatrix = () => new SVGMatrix();
  w.SVGElement.prototype.createSVGTransform = () => new SVGTransform();
  w.SVGElement.prototype.createSVGPoint = function () {
    return { x: 0, y: 0, matrixTransform(m) { return { x: m.a * this.x + m.c * this.y + m.e, y: m.b * this.x + m.d * this.y + m.f }; } };
  };
  w.SVGElement.prototype.getScreenCTM = () => new SVGMatrix();
  w.SVGElement.prototype.getComputedTextLength = function () { return (this.textContent || '').length * CHAR_WIDTH; };
  w.SVGElement.prototype.getBBox = function () {
    if (this.tagName === 'text' || this.tagName === 'tspan') {
      return { x: 0, y: 0, width: (this.textContent || '').length * CHAR_WIDTH, height: LINE_HEIGHT };
    }
    return contentBounds();
  };
}

module.exports = { install };
