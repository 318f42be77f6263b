"use strict";
/* pac audit report: zoom and pan of the diagrams, and the filters of the findings. Without it the page is whole. */
(function () {
  for (const figure of document.querySelectorAll("figure.diagram")) {
    const svg = figure.querySelector("svg.drawing");
    const controls = figure.querySelector(".zoom");
    if (!svg || !controls) continue;
    const box = svg.viewBox.baseVal;
    const full = { x: box.x, y: box.y, w: box.width, h: box.height };
    let view = Object.assign({}, full);
    const show = () => svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map((v) => v.toFixed(2)).join(" "));
    const zoom = (factor, cx, cy) => {
      const w = Math.min(full.w, Math.max(full.w / 12, view.w * factor));
      const h = w * full.h / full.w;
      view = { x: cx - (cx - view.x) * w / view.w, y: cy - (cy - view.y) * h / view.h, w: w, h: h };
      show();
    };
    const centre = () => [view.x + view.w / 2, view.y + view.h / 2];
    const point = (event) => {
      const p = svg.createSVGPoint();
      p.x = event.clientX; p.y = event.clientY;
      const q = p.matrixTransform(svg.getScreenCTM().inverse());
      return [q.x, q.y];
    };
    controls.hidden = false;
    controls.querySelector("[data-zoom=in]").addEventListener("click", () => zoom(0.8, ...centre()));
    controls.querySelector("[data-zoom=out]").addEventListener("click", () => zoom(1.25, ...centre()));
    controls.querySelector("[data-zoom=reset]").addEventListener("click", () => { view = Object.assign({}, full); show(); });
    svg.addEventListener("wheel", (event) => {
      if (!(event.ctrlKey || event.metaKey)) return;  // the wheel alone scrolls the page
      event.preventDefault();
      zoom(event.deltaY < 0 ? 0.85 : 1 / 0.85, ...point(event));
    }, { passive: false });
    let drag = null;
    svg.addEventListener("pointerdown", (event) => { drag = { x: event.clientX, y: event.clientY, moved: false }; });
    svg.addEventListener("pointermove", (event) => {
      if (!drag || view.w >= full.w) return;
      const dx = event.clientX - drag.x, dy = event.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      if (!drag.moved) return;
      const scale = view.w / svg.getBoundingClientRect().width;
      view.x -= dx * scale; view.y -= dy * scale;
      drag.x = event.clientX; drag.y = event.clientY;
      show();
    });
    svg.addEventListener("click", (event) => { if (drag && drag.moved) event.preventDefault(); drag = null; }, true);
    svg.addEventListener("pointerup", () => { if (drag && !drag.moved) drag = null; });
  }

  const form = document.querySelector("form.filters");
  if (!form) return;
  const filter = () => {
    const severity = form.elements.severity.value, check = form.elements.check.value;
    const provision = form.elements.provision.value;
    for (const finding of document.querySelectorAll("article.finding")) {
      finding.hidden = !((!severity || finding.dataset.severity === severity) &&
                         (!check || finding.dataset.check === check) &&
                         (!provision || finding.dataset.provisions.split("|").includes(provision)));
    }
    for (const group of document.querySelectorAll(".group")) {
      group.hidden = !group.querySelector("article.finding:not([hidden])");
    }
  };
  form.hidden = false;
  form.addEventListener("change", filter);
  form.addEventListener("submit", (event) => event.preventDefault());
})();
