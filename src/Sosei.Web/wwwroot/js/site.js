// Progressive enhancement only: every page works without JavaScript.
document.addEventListener("change", (e) => {
  const el = e.target;
  if (el instanceof HTMLSelectElement && el.form && el.form.dataset.autosubmit !== undefined) {
    el.form.requestSubmit();
  }
});
