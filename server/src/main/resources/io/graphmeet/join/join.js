// Shows each <time data-local> in the reader's own time zone. Without JavaScript the server's UTC text stays.
(function () {
  'use strict';
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var format = new Intl.DateTimeFormat(undefined, {
    weekday: 'long', year: 'numeric', month: 'long', day: 'numeric',
    hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
  });
  document.querySelectorAll('time[data-local]').forEach(function (element) {
    var when = new Date(element.getAttribute('datetime'));
    if (!isNaN(when.getTime())) {
      element.title = element.textContent;
      element.textContent = format.format(when);
    }
  });
  var note = document.getElementById('zone-note');
  if (note && zone) {
    note.textContent = 'Times are shown in your time zone, ' + zone + '.';
  }
})();
