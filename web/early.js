// raqim: files given to the page before the app has taken over (picked in
// the import input the server rendered, or dropped on the page) wait here,
// in window.raqimEarly, until the app takes them and sets raqimTaken. The
// page takes the language chosen last (the app's "raqim.locale") at once,
// so that it is not drawn left to right first; the app writes it after.
(() => {
  try {
    const l = JSON.parse(localStorage.getItem("raqim.locale"));
    if (l && l.lang === "ar") {
      document.documentElement.lang = "ar";
      document.documentElement.dir = "rtl";
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
})();
