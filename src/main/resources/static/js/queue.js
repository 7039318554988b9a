/*
 * Staffroom: the speaking queue refreshes itself every few seconds and counts down a speaker's time limit.
 * Without this script the page still works: its forms and its Refresh link.
 */
(function () {
  'use strict';

  var queue = document.getElementById('queue');
  if (!queue || !window.fetch || !window.DOMParser) {
    return;
  }
  var every = parseInt(queue.getAttribute('data-queue-refresh'), 10) || 3000;
  var speakerSince = {};

  function countdown() {
    var speaker = queue.querySelector('[data-speaker]');
    if (!speaker) {
      return;
    }
    var seconds = parseInt(speaker.getAttribute('data-seconds'), 10);
    var shown = speaker.querySelector('.countdown');
    if (!seconds || !shown) {
      return;
    }
    var id = speaker.getAttribute('data-speaker');
    if (!speakerSince[id]) {
      speakerSince[id] = Date.now();
    }
    var left = Math.max(0, seconds - Math.floor((Date.now() - speakerSince[id]) / 1000));
    shown.hidden = false;
    shown.textContent = Math.floor(left / 60) + ':' + ('0' + (left % 60)).slice(-2);
  }

  function refresh() {
    fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (!html) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('queue');
        if (fresh && fresh.innerHTML !== queue.innerHTML) {
          queue.innerHTML = fresh.innerHTML;
          countdown();
        }
      })
      .catch(function () {
        // the next refresh tries again
      });
  }

  window.setInterval(refresh, every);
  window.setInterval(countdown, 1000);
  countdown();
}());
