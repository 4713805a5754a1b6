// The check-in's "Do you notice any of these?": "None of these" and the effects exclude each other. Ticking one
// unticks the other kind at once, in the page. Without JavaScript the form says so next to the question instead.
document.addEventListener('change', function (event) {
  var box = event.target;
  if (!box.matches || !box.matches('fieldset.care-effects input[type=checkbox]') || !box.checked) {
    return;
  }
  box.closest('fieldset').querySelectorAll('input[type=checkbox]').forEach(function (other) {
    if (other !== box && (box.value === 'NONE' || other.value === 'NONE')) {
      other.checked = false;
    }
  });
});
