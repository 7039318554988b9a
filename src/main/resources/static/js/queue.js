/*
 * Staffroom: the speaking queue refreshes itself every few seconds and counts down a speaker's time limit.
 * With the list it brings in the member's own part: whether it is their turn (a live region, whose text
 * changes so that it is read out) and the button to join or leave, which would otherwise go stale.
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

  function withoutTokens(html) {
    return html.replace(/name="_csrf" value="[^"]*"/g, '');
  }

  function actions(element) {
    return Array.prototype.map.call(element.querySelectorAll('form'), function (form) {
      return form.getAttribute('action');
    }).join(' ');
  }

  /* The member's turn and button from a freshly fetched page; focus stays on the button if it was there. */
  function mine(page) {
    var turn = document.getElementById('queue-turn');
    var freshTurn = page.getElementById('queue-turn');
    if (turn && freshTurn && turn.textContent !== freshTurn.textContent) {
      turn.textContent = freshTurn.textContent;
    }
    var buttons = document.getElementById('queue-mine');
    var freshButtons = page.getElementById('queue-mine');
    // compared by what the forms do: each page carries its own masked CSRF token
    if (buttons && freshButtons && actions(buttons) !== actions(freshButtons)) {
      var focused = buttons.contains(document.activeElement);
      buttons.innerHTML = freshButtons.innerHTML;
      var button = buttons.querySelector('button');
      if (focused && button) {
        button.focus();
      }
    }
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
        var page = new DOMParser().parseFromString(html, 'text/html');
        var fresh = page.getElementById('queue');
        // compared without the CSRF tokens, which differ on every page: otherwise a facilitator's list (it holds
        // forms) would be replaced every time, taking the focus away and making screen readers read it again
        if (fresh && withoutTokens(fresh.innerHTML) !== withoutTokens(queue.innerHTML)) {
          queue.innerHTML = fresh.innerHTML;
          countdown();
        }
        mine(page);
      })
      .catch(function () {
        // the next refresh tries again
      });
  }

  window.setInterval(refresh, every);
  window.setInterval(countdown, 1000);
  countdown();
}());
