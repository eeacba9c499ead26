// raqim: files given to the page before the app has taken over (picked in
// the import input the server rendered, or dropped on the page) wait here,
// in window.raqimEarly, until the app takes them and sets raqimTaken.
(() => {
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
