// raqim: the ?open= file is fetched at once, and files given to the page
// before the app has taken over (picked in the import input the server
// rendered, or dropped on the page) wait here, in window.raqimEarly, until
// the app takes them and sets raqimTaken. The page takes the language
// chosen last (the app's "raqim.locale") at once, so that it is not drawn
// left to right first; the app writes it after. And the page shows the
// last view's snapshot until the app has drawn its own (see below).
(() => {
  try {
    const l = JSON.parse(localStorage.getItem("raqim.locale"));
    if (l && l.lang === "ar") {
      document.documentElement.lang = "ar";
      document.documentElement.dir = "rtl";
    }
  } catch (e) {}
  // The file given as ?open=, when it is on this site, is fetched now,
  // while the app's code compiles; the app takes the response
  // (raqimOpen) when the URL it resolves is the same.
  try {
    const open = new URLSearchParams(location.search).get("open");
    const u = open && new URL(open, location.href);
    if (u && u.origin === location.origin) {
      const response = fetch(u.href);
      response.catch(() => {}); // the app reads the failure
      window.raqimOpen = { href: u.href, response };
    }
  } catch (e) {}
  const early = (window.raqimEarly = []);
  const mine = (e) => !window.raqimTaken;
  addEventListener("change", (e) => {
    if (mine(e) && e.target.type === "file") early.push(...e.target.files);
  }, true);
  addEventListener("dragover", (e) => { if (mine(e)) e.preventDefault(); }, true);
  addEventListener("drop", (e) => {
    if (mine(e)) { e.preventDefault(); early.push(...e.dataTransfer.files); }
  }, true);

  // The last view: when the page goes away with a document shown, a copy
  // of the app's markup is kept (what the serializer writes: its text
  // escaped), without its IDs, roles and test hooks. The next visit that
  // opens the same document shows that copy, inert and out of reach of the
  // page's queries, over the page until the app has drawn its first view
  // (its "raqim:shown" event): the text and spans are seen before the
  // app's code has compiled, and nothing can be done on the copy, so
  // nothing done there is lost.
  const SNAP = "raqim.snapshot";
  const keep = () => {
    const root = document.body.firstElementChild;
    if (!window.raqimTaken || !root || !root.querySelector("[data-role=document]") || document.querySelector("dialog[open]")) {
      localStorage.removeItem(SNAP);
      return;
    }
    const copy = root.cloneNode(true);
    // What lies below the window is left out: the copy is shown from the
    // top, as the app opens a document, and less of it is laid out.
    const all = root.querySelectorAll("*"), copied = copy.querySelectorAll("*");
    const below = [];
    all.forEach((el, i) => {
      if (el.getBoundingClientRect().top > innerHeight && el.parentElement.getBoundingClientRect().top <= innerHeight) below.push(copied[i]);
    });
    // Form fields as they are now, not as they were drawn.
    const fields = root.querySelectorAll("select, input"), copies = copy.querySelectorAll("select, input");
    fields.forEach((f, i) => {
      const c = copies[i];
      if (f.localName === "select") c.querySelectorAll("option").forEach((o, j) => o.toggleAttribute("selected", j === f.selectedIndex));
      else if (f.type === "checkbox" || f.type === "radio") c.toggleAttribute("checked", f.checked);
      else if (f.type !== "file") c.setAttribute("value", f.value);
    });
    for (const el of below) el.remove();
    for (const el of copy.querySelectorAll(".messages")) el.remove(); // said once
    for (const el of copy.querySelectorAll("[id], [data-role], [data-testid]")) {
      el.removeAttribute("id");
      el.removeAttribute("data-role");
      el.removeAttribute("data-testid");
    }
    const html = copy.outerHTML;
    try {
      if (html.length > 1 << 20) throw new Error("too large to keep");
      localStorage.setItem(SNAP, JSON.stringify({ open: localStorage.getItem("raqim.open"), html }));
    } catch (e) {
      localStorage.removeItem(SNAP);
    }
  };
  addEventListener("pagehide", keep);
  addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") keep(); });
  try {
    const snap = JSON.parse(localStorage.getItem(SNAP));
    const open = localStorage.getItem("raqim.open");
    // Only when the app will open that document: not for ?open=, nor
    // after an open that did not finish.
    if (snap && open && snap.open === open && !localStorage.getItem("raqim.opening") &&
        !new URLSearchParams(location.search).has("open")) {
      const t = document.createElement("template");
      t.innerHTML = snap.html;
      const box = document.createElement("div");
      box.className = "snapshot";
      box.inert = true;
      box.setAttribute("aria-hidden", "true");
      box.dataset.testid = "snapshot";
      // In a shadow root of its own, which no query of the page reaches,
      // styled by a copy of the page's rules.
      const shadow = box.attachShadow({ mode: "open" });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync([...document.styleSheets].map((s) => [...s.cssRules].map((r) => r.cssText).join("\n")).join("\n"));
      shadow.adoptedStyleSheets = [sheet];
      shadow.append(t.content);
      document.body.append(box);
      performance.mark("raqim:snapshot");
      const drop = () => box.remove();
      addEventListener("raqim:shown", drop, { once: true });
      setTimeout(drop, 20000); // whatever happens to the app
    }
  } catch (e) {}
})();
