/*
 * Staffroom: the only script. Every page works without it; it adds
 *  - quick exit: the link replaces this page in the history, and pressing Esc twice within a second does the same;
 *  - copy buttons: <button data-copy="ID"> copies the text of the element with that id.
 */
(function () {
  'use strict';

  var ESCAPE_WINDOW_MS = 1000;

  function quickExit() {
    var link = document.getElementById('quick-exit');
    var target = link && link.href;
    if (!target) {
      return;
    }
    // hide the page at once, in case the next site is slow to load
    document.documentElement.classList.add('leaving');
    window.location.replace(target);
  }

  var exitLink = document.getElementById('quick-exit');
  if (exitLink) {
    exitLink.addEventListener('click', function (event) {
      event.preventDefault();
      quickExit();
    });
  }

  var lastEscape = 0;
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape' && event.key !== 'Esc') {
      return;
    }
    var now = Date.now();
    if (now - lastEscape <= ESCAPE_WINDOW_MS) {
      lastEscape = 0;
      quickExit();
    } else {
      lastEscape = now;
    }
  });

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'visually-hidden';
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try {
        copied = document.execCommand('copy');
      } catch (e) {
        copied = false;
      }
      document.body.removeChild(area);
      if (copied) {
        resolve();
      } else {
        reject(new Error('copy failed'));
      }
    });
  }

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  var buttons = document.querySelectorAll('button[data-copy]');
  Array.prototype.forEach.call(buttons, function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) {
      return;
    }
    // the buttons are hidden in the markup, as they need this script
    button.hidden = false;
    button.addEventListener('click', function () {
      var status = button.parentNode.querySelector('.copy-status');
      copyText(source.textContent.trim()).then(function () {
        if (status) {
          status.textContent = button.getAttribute('data-copied') || '';
        }
      }, function () {
        // could not copy: select the text so that it can be copied by hand
        selectText(source);
      });
    });
  });
}());
