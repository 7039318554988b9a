/*
 * Staffroom: the only script. Every page works without it; it adds
 *  - quick exit: the link (to /leave, which signs out, clears the site's data and goes on to a neutral site)
 *    replaces this page in the history; pressing Esc twice within a second does the same, except while typing
 *    in a field, where Esc belongs to the field and the text must not be thrown away;
 *  - copy buttons: <button data-copy="ID"> copies the text of the element with that id;
 *  - fields for one kind: in a form with a <select id="kind">, elements with data-kinds="A B" show only while
 *    one of those kinds is chosen (without the script, a button sends the form back with the right fields).
 */
(function () {
  'use strict';

  var ESCAPE_WINDOW_MS = 1000;

  function quickExit() {
    var link = document.getElementById('quick-exit');
    if (!link) {
      return;
    }
    var target = link.getAttribute('data-target') || 'about:blank';
    // hide the page at once; sign out and clear the site's data, then replace this page with the neutral site
    // (in the history too). Never leave for it before the server has answered: if the call fails or is slow,
    // go through /leave itself, which signs out and then redirects there.
    document.documentElement.classList.add('leaving');
    var gone = false;
    function go(url) {
      if (!gone) {
        gone = true;
        window.location.replace(url);
      }
    }
    function viaServer() {
      go(link.href);
    }
    setTimeout(viaServer, 3000);
    if (window.fetch) {
      window.fetch(link.href + '?stay', { credentials: 'same-origin', cache: 'no-store', keepalive: true })
          .then(function (response) {
            if (response.ok) {
              go(target);
            } else {
              viaServer();
            }
          }, viaServer);
    } else {
      viaServer();
    }
  }

  var exitLink = document.getElementById('quick-exit');
  if (exitLink) {
    exitLink.addEventListener('click', function (event) {
      event.preventDefault();
      quickExit();
    });
  }

  function typing(element) {
    if (!element || !element.tagName) {
      return false;
    }
    var tag = element.tagName.toLowerCase();
    return tag === 'textarea' || tag === 'select' || element.isContentEditable
        || (tag === 'input' && !/^(button|submit|reset|checkbox|radio|file|image|range|color)$/i.test(element.type));
  }

  var lastEscape = 0;
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape' && event.key !== 'Esc') {
      return;
    }
    if (typing(event.target)) {
      lastEscape = 0;
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

  var kind = document.getElementById('kind');
  if (kind && kind.form) {
    var refresh = document.getElementById('kind-refresh');
    if (refresh) {
      refresh.hidden = true;
    }
    var showFieldsFor = function () {
      Array.prototype.forEach.call(kind.form.querySelectorAll('[data-kinds]'), function (fields) {
        fields.hidden = fields.getAttribute('data-kinds').split(' ').indexOf(kind.value) < 0;
      });
    };
    kind.addEventListener('change', showFieldsFor);
    showFieldsFor();
  }
}());
