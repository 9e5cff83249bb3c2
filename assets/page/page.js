// The page's dolls: open and close them as the window does.
//
// The poses follow matryoshka/stage/choreography.py, with the numbers the exporter puts in
// the data block; the pictures are the painter's (whole dolls, top and bottom halves, the
// hollow of an opened half). Every text goes in through textContent, never as markup.
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("matryoshka-data").textContent);
  const M = data.motion;
  const dolls = data.dolls;
  const count = dolls.length;
  const $ = (id) => document.getElementById(id);
  const body = document.body;
  const theatre = $("theatre");
  const stage = $("stage");
  const front = $("front");
  const frontImg = $("front-img");
  const shadow = $("shadow");
  const canvas = $("motion");
  const shelf = $("shelf");
  const shelfEmpty = $("shelf-empty");
  const live = $("live");
  const ctx = canvas.getContext("2d");
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

  dolls[0].whole = frontImg.getAttribute("src");

  // --- Pictures, decoded when first needed --------------------------------------------

  const pictures = new Map();
  function picture(src) {
    let img = pictures.get(src);
    if (!img) {
      img = new Image();
      img.src = src;
      pictures.set(src, img);
    }
    return img;
  }
  function ready(images) {
    return Promise.all(images.map((img) => (img.decode ? img.decode().catch(() => null) : null)));
  }
  function openingPictures(outer) {
    const d = dolls[outer];
    return [picture(d.whole), picture(d.top), picture(d.bottom), picture(data.hollow),
      picture(dolls[outer + 1].whole)];
  }

  // --- Poses (choreography.py) ---------------------------------------------------------

  const clamp01 = (t) => (t <= 0 ? 0 : t >= 1 ? 1 : t);
  const inOutCubic = (t) => {
    t = clamp01(t);
    return t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;
  };
  const outCubic = (t) => 1 - Math.pow(1 - clamp01(t), 3);
  const phase = (t, span) => (t <= span[0] ? 0 : t >= span[1] ? 1 : (t - span[0]) / (span[1] - span[0]));
  const lerp = (a, b, u) => a + (b - a) * u;

  function restPlacement(rect) {
    const height = Math.min(rect.h * M.restFill, rect.w / (2 * (M.aside + 0.5) * M.aspect));
    const top = rect.y + rect.h - height - rect.h * 0.02;
    return { cx: rect.x + rect.w / 2, top: top, height: height };
  }

  function openingPose(t, rest, slot, rect) {
    t = clamp01(t);
    const h = rest.height;
    const w = M.aspect * h;
    const lift = outCubic(phase(t, M.lift));
    const rise = inOutCubic(phase(t, M.rise));
    const follow = inOutCubic(phase(t, M.follow));
    const settle = inOutCubic(phase(t, M.settle));
    const side = slot.cx <= rest.cx ? -1 : 1;
    const room = side < 0 ? rest.cx - rect.x : rect.x + rect.w - rest.cx;
    const aside = Math.max(0, Math.min(M.aside * w, room - w / 2));
    const lidCx = rest.cx + side * lift * aside;
    const lidTop = rest.top - lift * h * M.lidLift;
    const baseCx = rest.cx + side * follow * aside;
    const baseTop = rest.top + follow * h * M.bottomDrop;
    const top = { cx: lerp(lidCx, slot.cx, settle), top: lerp(lidTop, slot.top, settle),
      height: lerp(h, slot.height, settle) };
    const bottom = { cx: lerp(baseCx, slot.cx, settle), top: lerp(baseTop, slot.top, settle),
      height: lerp(h, slot.height, settle) };
    const floorY = rest.top + h - h * M.floor;
    const risenBottom = lerp(floorY, rest.top + h * M.innerFoot, rise);
    const innerH = lerp(h * M.innerRatio, h, settle);
    const innerBottom = lerp(risenBottom, rest.top + h, settle);
    const inner = { cx: rest.cx, top: innerBottom - innerH, height: innerH };
    return { top: top, bottom: bottom, inner: inner, innerInside: follow < 1 };
  }

  // --- Where things are ----------------------------------------------------------------

  function within(el) {
    const a = el.getBoundingClientRect();
    const b = theatre.getBoundingClientRect();
    return { x: a.left - b.left, y: a.top - b.top, w: a.width, h: a.height };
  }
  function stageRect() {
    return within(stage);
  }
  function slotPlacement(item) {
    const r = within(item.querySelector("img"));
    return { cx: r.x + r.w / 2, top: r.y, height: r.h };
  }

  function placeFront() {
    const rest = restPlacement({ x: 0, y: 0, w: stage.clientWidth, h: stage.clientHeight });
    const w = rest.height * M.aspect;
    Object.assign(front.style, { left: rest.cx - w / 2 + "px", top: rest.top + "px",
      width: w + "px", height: rest.height + "px" });
    const sw = w * 1.1;
    const sh = w * 0.16;
    Object.assign(shadow.style, { left: rest.cx - sw / 2 + "px",
      top: rest.top + rest.height - sh * 0.55 + "px", width: sw + "px", height: sh + "px" });
  }

  function sizeCanvas() {
    const ratio = window.devicePixelRatio || 1;
    const w = theatre.clientWidth;
    const h = theatre.clientHeight;
    canvas.width = Math.max(1, Math.round(w * ratio));
    canvas.height = Math.max(1, Math.round(h * ratio));
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  }

  // --- Drawing one frame of an opening -------------------------------------------------

  function drawPart(src, part, place) {
    const h = place.height;
    if (h < 2) return;
    const w = h * M.aspect;
    const [offset, size] = part === "whole" ? [0, 1] : M.parts[part];
    ctx.drawImage(picture(src), place.cx - w / 2, place.top + offset * h, w, size * h);
  }

  function drawShadow(cx, floor, width) {
    const w = Math.max(4, width * 1.1);
    const h = Math.max(3, width * 0.16);
    ctx.save();
    ctx.fillStyle = "rgba(90, 60, 30, 0.04)";
    for (let i = 0; i < 6; i++) {
      ctx.beginPath();
      ctx.ellipse(cx, floor - h * 0.55 + h / 2, (w * (1 - i * 0.12)) / 2, (h * (1 - i * 0.12)) / 2,
        0, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.restore();
  }

  function drawOpening(outer, t, slot) {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const rect = stageRect();
    const rest = restPlacement(rect);
    const pose = openingPose(t, rest, slot, rect);
    const o = dolls[outer];
    const inner = dolls[outer + 1];
    drawShadow(rest.cx, rest.top + rest.height, pose.inner.height * M.aspect);
    drawPart(data.hollow, "bottom_back", pose.bottom);
    if (pose.innerInside) {
      drawPart(inner.whole, "whole", pose.inner);
      drawPart(o.bottom, "bottom", pose.bottom);
    } else {
      drawPart(o.bottom, "bottom", pose.bottom);
      drawPart(inner.whole, "whole", pose.inner);
    }
    drawPart(o.top, "top", pose.top);
  }

  // --- The shelf -----------------------------------------------------------------------

  function shelfItem(index) {
    const d = dolls[index];
    const li = document.createElement("li");
    li.dataset.depth = String(index);
    const button = document.createElement("button");
    button.type = "button";
    button.setAttribute("aria-label", "Close back to " + d.name);
    const img = document.createElement("img");
    img.alt = d.alt;
    img.src = d.whole;
    img.draggable = false;
    const label = document.createElement("span");
    label.className = "label";
    label.dir = "auto"; // an Arabic or Hebrew name keeps its full stops where they belong
    label.textContent = d.short;
    label.title = d.name;
    button.append(img, label);
    button.addEventListener("click", () => goTo(index));
    li.append(button);
    return li;
  }
  function shelfCount() {
    return shelf.children.length;
  }
  function updateShelfEmpty() {
    shelfEmpty.hidden = shelfCount() > 0;
  }
  function revealSlot(item) {
    item.scrollIntoView({ block: "nearest", inline: "nearest",
      behavior: "auto" });
  }

  // --- The doll in front and its texts ------------------------------------------------

  let depth = 0;
  let target = 0;
  let moving = false;

  function describe(index) {
    const d = dolls[index];
    let text = "Doll " + (index + 1) + " of " + count + ": " + d.name;
    if (d.office) text += ", " + d.office;
    if (d.dates) text += ", " + d.dates;
    if (index === count - 1) text += ". The core doll: it does not open.";
    return text;
  }

  function showFront(index, announce) {
    const d = dolls[index];
    const core = index === count - 1;
    frontImg.src = d.whole;
    frontImg.alt = d.alt;
    front.setAttribute("aria-label", core ? d.name + ", the core doll" : "Open " + d.name);
    front.classList.toggle("core", core);
    const position = $("position");
    position.textContent = "Doll " + (index + 1) + " of " + count + (core ? " · the core" : "");
    position.classList.toggle("core", core);
    $("name").textContent = d.name;
    $("native").textContent = d.native;
    $("office").textContent = d.office;
    $("dates").textContent = d.dates;
    $("caption").textContent = d.caption;
    $("hint").textContent = core && count > 1
      ? "The core doll: it does not open. Click a shelf doll to close back."
      : "";
    document.title = d.name + " – " + data.title;
    body.dataset.depth = String(index);
    if (announce) live.textContent = describe(index);
  }

  // --- Moving -------------------------------------------------------------------------

  function animate(outer, opening, ms, slotItem) {
    return new Promise((resolve) => {
      const start = performance.now();
      function frame(now) {
        const u = ms > 0 ? Math.min(1, (now - start) / ms) : 1;
        drawOpening(outer, opening ? u : 1 - u, slotPlacement(slotItem));
        if (u < 1) {
          requestAnimationFrame(frame);
        } else {
          resolve();
        }
      }
      requestAnimationFrame(frame);
    });
  }

  // A long way (End on a long set) passes all but the last few dolls at once.
  const ANIMATED_STEPS = 6;

  function jump() {
    const stop = reducedMotion.matches ? target
      : target > depth ? target - ANIMATED_STEPS : target + ANIMATED_STEPS;
    while (depth < stop) {
      shelf.append(shelfItem(depth));
      depth += 1;
    }
    while (depth > stop) {
      shelf.lastElementChild.remove();
      depth -= 1;
    }
    updateShelfEmpty();
  }

  async function step() {
    if (moving || target === depth) return;
    moving = true;
    body.dataset.state = "moving";
    if (Math.abs(target - depth) > ANIMATED_STEPS || reducedMotion.matches) jump();
    if (depth === target) {
      if (shelf.lastElementChild) revealSlot(shelf.lastElementChild);
      showFront(depth, true);
      moving = false;
      body.dataset.state = "idle";
      return;
    }
    const opening = target > depth;
    const outer = opening ? depth : depth - 1;
    const remaining = Math.abs(target - depth);
    // Long ways go quicker, as in the window (never under a quarter of the pace).
    const ms = M.openMs / Math.min(4, remaining);
    let item;
    if (opening) {
      item = shelfItem(outer);
      item.classList.add("arriving");
      shelf.append(item);
      updateShelfEmpty();
    } else {
      item = shelf.lastElementChild;
      item.classList.add("arriving");
    }
    revealSlot(item);
    await ready(openingPictures(outer));
    sizeCanvas();
    await animate(outer, opening, ms, item);
    if (opening) {
      item.classList.remove("arriving");
      depth = outer + 1;
    } else {
      item.remove();
      updateShelfEmpty();
      depth = outer;
    }
    showFront(depth, depth === target);
    await ready([picture(dolls[depth].whole)]);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    moving = false;
    body.dataset.state = depth === target ? "idle" : "moving";
    if (depth !== target) step();
  }

  function goTo(index) {
    target = Math.max(0, Math.min(count - 1, index));
    if (target === depth && !moving) {
      live.textContent = describe(depth);
      return;
    }
    step();
  }

  function wobble() {
    live.textContent = describe(depth);
    if (reducedMotion.matches) return;
    front.classList.remove("wobble");
    void front.offsetWidth; // restart the animation
    front.classList.add("wobble");
  }

  function openOne() {
    const from = moving ? target : depth;
    if (from >= count - 1) {
      if (!moving) wobble();
      return;
    }
    goTo(from + 1);
  }
  function closeOne() {
    const from = moving ? target : depth;
    if (from > 0) goTo(from - 1);
  }

  front.addEventListener("click", openOne);
  front.addEventListener("animationend", () => front.classList.remove("wobble"));

  const OPEN_KEYS = new Set([" ", "Spacebar", "Enter", "ArrowRight", "PageDown", "ArrowDown"]);
  const CLOSE_KEYS = new Set(["Backspace", "ArrowLeft", "PageUp", "ArrowUp"]);
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const el = event.target;
    const onControl = el instanceof Element && el.closest("button, summary, a, input, textarea");
    // Space and Enter on a button press that button (the doll opens, a shelf doll closes).
    if (onControl && (event.key === " " || event.key === "Enter" || event.key === "Spacebar")) {
      return;
    }
    if (OPEN_KEYS.has(event.key)) openOne();
    else if (CLOSE_KEYS.has(event.key)) closeOne();
    else if (event.key === "Home") goTo(0);
    else if (event.key === "End") goTo(count - 1);
    else return;
    event.preventDefault();
  });

  window.addEventListener("resize", () => {
    placeFront();
    if (!moving) sizeCanvas();
  });

  placeFront();
  sizeCanvas();
  updateShelfEmpty();
  showFront(0, false);
})();
