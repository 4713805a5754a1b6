// Fills a time zone list with the browser's own zone while the list still shows its default (UTC). No inline
// script (CSP); without JavaScript the list keeps UTC and the person picks their zone themselves.
(function () {
  'use strict';
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!zone) {
    return;
  }
  var lists = document.querySelectorAll('select[data-detect-zone]');
  Array.prototype.forEach.call(lists, function (list) {
    if (list.value !== 'UTC') {
      return;
    }
    Array.prototype.some.call(list.options, function (option) {
      if (option.value === zone) {
        list.value = zone;
        return true;
      }
      return false;
    });
  });
})();
