/*
 * Staffroom's journal: everything is encrypted and decrypted here, in the browser, with WebCrypto. The
 * server only ever sees ciphertext, salts and parameters.
 *
 *  - the journal key: AES-GCM 256, random, stored wrapped (AES-GCM) by a key derived from the passphrase
 *    (PBKDF2-SHA-256, 600,000 iterations or more) and again by one derived from the recovery code;
 *  - the key pair: RSA-OAEP 3072 (SHA-256), so a rep can share entries with you; the private key is stored
 *    wrapped by the journal key;
 *  - an entry: JSON, encrypted with the journal key; every edit a new version;
 *  - sealed to someone: a fresh AES-GCM key wraps the content, RSA-OAEP wraps that key;
 *  - a witness link: the summary is encrypted with a fresh key that travels in the link's fragment only.
 *
 * Keys live in this page's memory as non-extractable CryptoKeys, and are dropped on lock. The entry being
 * written is kept as it is typed, encrypted like an entry, in this tab's session storage, so that a lock
 * or a reload loses none of it; it is put back after unlocking and removed once saved or emptied.
 */
(function () {
  'use strict';

  var subtle = window.crypto && window.crypto.subtle;
  var encoder = new TextEncoder();
  var decoder = new TextDecoder();
  var MIN_PASSPHRASE = 12;
  var KDF = 'PBKDF2-SHA-256';
  var BACKUP_FORMAT = 'staffroom-journal-backup';
  var DRAFT_KEY = 'staffroom-journal-draft';
  var LOCK_NOTICE_MS = 60000;

  // --- helpers ---

  function $(id) {
    return document.getElementById(id);
  }

  function messages() {
    var map = {};
    var holder = $('journal-messages');
    if (holder) {
      Array.prototype.forEach.call(holder.querySelectorAll('[data-key]'), function (span) {
        map[span.getAttribute('data-key')] = span.textContent;
      });
    }
    return map;
  }

  var text = messages();

  /** A message with {0}, {1}... filled in. */
  function say(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    return (text[key] || key).replace(/\{(\d+)\}/g, function (match, i) {
      return args[i] === undefined ? match : args[i];
    });
  }

  function show(element, visible) {
    element.hidden = !visible;
  }

  function fieldError(id, message) {
    var error = $(id + '-error');
    var input = $(id);
    if (error) {
      error.textContent = message || '';
      show(error, !!message);
    }
    if (input) {
      if (message) {
        input.setAttribute('aria-invalid', 'true');
      } else {
        input.removeAttribute('aria-invalid');
      }
    }
    if (message && input) {
      input.focus();
    }
  }

  function toBase64(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
  }

  function fromBase64(value) {
    var binary = atob(value);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
  }

  function random(length) {
    return window.crypto.getRandomValues(new Uint8Array(length));
  }

  function joined(a, b) {
    var out = new Uint8Array(a.length + b.byteLength);
    out.set(a, 0);
    out.set(new Uint8Array(b), a.length);
    return out;
  }

  function formatDate(iso, withTime) {
    if (!iso) {
      return '';
    }
    var date = new Date(iso.length === 10 ? iso + 'T00:00:00' : iso);
    var options = { day: 'numeric', month: 'long', year: 'numeric' };
    if (withTime) {
      options.hour = '2-digit';
      options.minute = '2-digit';
    }
    return new Intl.DateTimeFormat(document.documentElement.lang || 'en', options).format(date);
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (content !== undefined && content !== null) {
      node.textContent = content;
    }
    return node;
  }

  // --- the server ---

  function Server(root) {
    this.base = root.getAttribute('data-base');
    this.headers = { 'Accept': 'application/json' };
    this.headers[root.getAttribute('data-csrf-header')] = root.getAttribute('data-csrf-token');
  }

  /** Resolves to the parsed answer (or null); rejects with {status, problem}. */
  Server.prototype.call = function (method, path, body) {
    var headers = Object.assign({}, this.headers);
    var options = { method: method, credentials: 'same-origin', headers: headers, redirect: 'manual' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return fetch(this.base + path, options).then(function (response) {
      if (response.type === 'opaqueredirect' || response.status === 401) {
        return Promise.reject({ status: 401 });
      }
      var json = (response.headers.get('Content-Type') || '').indexOf('json') >= 0;
      var parsed = response.status === 204 || !json ? Promise.resolve(null) : response.json();
      return parsed.then(function (data) {
        return response.ok ? data : Promise.reject({ status: response.status, problem: data });
      });
    });
  };

  function serverMessage(failure) {
    if (failure && failure.status === 401) {
      return say('signedOut');
    }
    if (failure && failure.problem && failure.problem.detail) {
      return failure.problem.detail;
    }
    return say('server');
  }

  // --- cryptography: WebCrypto only ---

  function deriveKey(secret, salt, iterations) {
    return subtle.importKey('raw', encoder.encode(secret), 'PBKDF2', false, ['deriveKey']).then(function (base) {
      return subtle.deriveKey({ name: 'PBKDF2', salt: salt, iterations: iterations, hash: 'SHA-256' }, base,
        { name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);
    });
  }

  /** The journal key wrapped by a key derived from {@code secret}: iv and wrapped key, joined, in base64. */
  function wrapJournalKey(journalKey, secret, salt, iterations) {
    return deriveKey(secret, salt, iterations).then(function (kek) {
      var iv = random(12);
      return subtle.wrapKey('raw', journalKey, kek, { name: 'AES-GCM', iv: iv }).then(function (wrapped) {
        return toBase64(joined(iv, wrapped));
      });
    });
  }

  /** Rejects with 'wrong' if the secret does not open it. */
  function unwrapJournalKey(wrapped, secret, salt, iterations, extractable) {
    var bytes = fromBase64(wrapped);
    return deriveKey(secret, fromBase64(salt), iterations).then(function (kek) {
      return subtle.unwrapKey('raw', bytes.slice(12), kek, { name: 'AES-GCM', iv: bytes.slice(0, 12) },
        { name: 'AES-GCM', length: 256 }, !!extractable, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']);
    }).catch(function () {
      return Promise.reject('wrong');
    });
  }

  function encrypt(key, value) {
    var iv = random(12);
    return subtle.encrypt({ name: 'AES-GCM', iv: iv }, key, encoder.encode(JSON.stringify(value)))
      .then(function (data) {
        return { iv: toBase64(iv), data: toBase64(data) };
      });
  }

  function decrypt(key, iv, data) {
    return subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv) }, key, fromBase64(data)).then(function (plain) {
      return JSON.parse(decoder.decode(plain));
    });
  }

  function importPublicKey(spki) {
    return subtle.importKey('spki', fromBase64(spki), { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['wrapKey']);
  }

  /** Content only the holder of the matching private key can open. */
  function seal(publicKeyBase64, value) {
    return Promise.all([importPublicKey(publicKeyBase64),
      subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt'])]).then(function (keys) {
      return Promise.all([subtle.wrapKey('raw', keys[1], keys[0], { name: 'RSA-OAEP' }), encrypt(keys[1], value)]);
    }).then(function (parts) {
      return { key: toBase64(parts[0]), iv: parts[1].iv, data: parts[1].data };
    });
  }

  function unseal(privateKey, sealed) {
    return subtle.unwrapKey('raw', fromBase64(sealed.key), privateKey, { name: 'RSA-OAEP' },
      { name: 'AES-GCM', length: 256 }, false, ['decrypt']).then(function (key) {
      return decrypt(key, sealed.iv, sealed.data);
    });
  }

  function recoveryCode() {
    // 20 characters of a 32-letter alphabet without look-alikes: 100 bits
    var alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    var bytes = random(20);
    var code = '';
    for (var i = 0; i < bytes.length; i++) {
      code += alphabet[bytes[i] % 32] + (i % 5 === 4 && i < bytes.length - 1 ? '-' : '');
    }
    return code;
  }

  function normaliseCode(code) {
    var plain = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
    return plain.replace(/(.{5})(?=.)/g, '$1-');
  }

  // --- the journal page ---

  function JournalPage(root) {
    this.root = root;
    this.server = new Server(root);
    this.iterations = parseInt(root.getAttribute('data-iterations'), 10);
    this.idleMs = parseFloat(root.getAttribute('data-idle-minutes')) * 60000;
    this.keyring = null;
    this.journalKey = null;
    this.privateKey = null;
    this.entries = [];
    this.plain = {};
    this.witnesses = [];
    this.editing = null;
    this.editingAfter = null;
    this.witnessEntry = null;
    this.idleTimer = null;
    this.warningTimer = null;
    this.focusBeforeWarning = null;
    this.draftsKept = 0;
    this.drafting = false;
  }

  JournalPage.prototype.start = function () {
    var page = this;
    show(this.root, true);
    this.bind();
    this.server.call('GET', '/keyring').then(function (keyring) {
      page.keyring = keyring;
      page.showOnly('journal-locked');
      $('unlock-passphrase').focus();
    }, function (failure) {
      if (failure.status === 404) {
        page.showOnly('journal-create');
      } else {
        page.status(serverMessage(failure));
      }
    });
  };

  JournalPage.prototype.showOnly = function (id) {
    ['journal-create', 'journal-recovery', 'journal-locked', 'journal-open'].forEach(function (section) {
      show($(section), section === id);
    });
  };

  JournalPage.prototype.status = function (message) {
    var status = $('journal-status');
    status.textContent = message || '';
    show(status, !!message);
  };

  JournalPage.prototype.bind = function () {
    var page = this;
    function on(id, event, handler) {
      $(id).addEventListener(event, function (e) {
        if (event === 'submit') {
          e.preventDefault();
        }
        handler.call(page, e);
      });
    }
    on('create-form', 'submit', this.create);
    on('recovery-done', 'click', function () {
      $('recovery-code').textContent = '';
      this.opened();
    });
    on('unlock-form', 'submit', this.unlock);
    on('recover-form', 'submit', this.recover);
    on('lock-button', 'click', function () {
      this.lock();
    });
    on('entry-form', 'submit', this.save);
    on('entry-form', 'input', this.keepDraft);
    on('entry-form', 'change', this.keepDraft);
    on('entry-cancel', 'click', this.stopEditing);
    on('idle-stay', 'click', this.stayOpen);
    ['filter-from', 'filter-to', 'filter-tag'].forEach(function (id) {
      on(id, 'change', page.render);
    });
    on('print-button', 'click', function () {
      window.print();
    });
    window.addEventListener('beforeprint', function () {
      Array.prototype.forEach.call(document.querySelectorAll('#timeline details'), function (details) {
        details.open = true;
      });
    });
    on('witness-form', 'submit', this.askWitness);
    on('witness-cancel', 'click', function () {
      show($('witness-panel'), false);
    });
    on('share-form', 'submit', this.share);
    on('receive-shares', 'change', this.receiveShares);
    on('backup-button', 'click', this.backup);
    on('restore-form', 'submit', this.restore);
    on('passphrase-form', 'submit', this.changePassphrase);
    // idle: any use of the page starts the clock again, except on the warning, whose button answers for itself
    // rather than vanish under the key or finger pressing it. Scrolling counts by the wheel or finger that
    // does it, not by the 'scroll' event, which the page's own moves (focus, scrollIntoView) fire later too
    ['keydown', 'pointerdown', 'input', 'wheel', 'touchmove'].forEach(function (event) {
      document.addEventListener(event, function (e) {
        if (!$('idle-warning').contains(e.target)) {
          page.touch();
        }
      }, { passive: true });
    });
    // leaving (quick exit, another page, closing the tab) locks first
    window.addEventListener('pagehide', function () {
      page.lock(true);
    });
    var exit = document.getElementById('quick-exit');
    if (exit) {
      exit.addEventListener('click', function () {
        page.lock(true);
      });
    }
  };

  JournalPage.prototype.touch = function () {
    var page = this;
    if (!this.journalKey) {
      return;
    }
    this.stopIdleClock();
    // a minute's notice, or half the idle time where that is shorter
    var notice = Math.min(LOCK_NOTICE_MS, this.idleMs / 2);
    this.warningTimer = setTimeout(function () {
      page.warn(notice);
    }, this.idleMs - notice);
    this.idleTimer = setTimeout(function () {
      page.lock();
    }, this.idleMs);
  };

  JournalPage.prototype.stopIdleClock = function () {
    clearTimeout(this.idleTimer);
    clearTimeout(this.warningTimer);
    show($('idle-warning'), false);
  };

  JournalPage.prototype.warn = function (notice) {
    this.focusBeforeWarning = document.activeElement;
    $('idle-warning-text').textContent = say('idleWarning',
      notice >= LOCK_NOTICE_MS ? say('idleMinute') : say('idleSeconds', Math.round(notice / 1000)));
    show($('idle-warning'), true);
  };

  /** "Stay open": the idle clock starts again, and the person is back where they were. */
  JournalPage.prototype.stayOpen = function () {
    var before = this.focusBeforeWarning;
    this.touch();
    if (before && before !== document.body && document.contains(before)) {
      before.focus();
    }
  };

  // creating

  JournalPage.prototype.create = function () {
    var page = this;
    var passphrase = $('create-passphrase').value;
    fieldError('create-passphrase', passphrase.length < MIN_PASSPHRASE ? say('passphraseShort', MIN_PASSPHRASE) : '');
    if (passphrase.length < MIN_PASSPHRASE) {
      return;
    }
    var mismatch = passphrase !== $('create-confirm').value;
    fieldError('create-confirm', mismatch ? say('passphraseMismatch') : '');
    if (mismatch) {
      return;
    }
    var understood = $('create-understood').checked;
    fieldError('create-understood', understood ? '' : say('notUnderstood'));
    if (!understood) {
      return;
    }
    var code = recoveryCode();
    var salt = random(16);
    var recoverySalt = random(16);
    var journalKey;
    var pair;
    subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'])
      .then(function (key) {
        journalKey = key;
        return subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]),
          hash: 'SHA-256' }, true, ['wrapKey', 'unwrapKey']);
      }).then(function (keys) {
        pair = keys;
        var iv = random(12);
        return Promise.all([
          wrapJournalKey(journalKey, passphrase, salt, page.iterations),
          wrapJournalKey(journalKey, code, recoverySalt, page.iterations),
          subtle.exportKey('spki', pair.publicKey),
          subtle.wrapKey('pkcs8', pair.privateKey, journalKey, { name: 'AES-GCM', iv: iv }).then(function (wrapped) {
            return toBase64(joined(iv, wrapped));
          })]);
      }).then(function (parts) {
        var keyring = { kdf: KDF, iterations: page.iterations, salt: toBase64(salt), wrappedKey: parts[0],
          recoverySalt: toBase64(recoverySalt), recoveryWrappedKey: parts[1], publicKey: toBase64(parts[2]),
          wrappedPrivateKey: parts[3] };
        return page.server.call('POST', '/keyring', keyring).then(function () {
          page.keyring = keyring;
        });
      }).then(function () {
        $('create-form').reset();
        // opened again from the stored keyring, so what is in memory is exactly what unlocking gives
        return page.open(passphrase, false);
      }).then(function () {
        $('recovery-code').textContent = code;
        page.showOnly('journal-recovery');
        $('recovery-done').focus();
      }).catch(function (failure) {
        fieldError('create-passphrase', serverMessage(failure));
      });
  };

  // opening and locking

  /** Opens the journal key and the private key with the passphrase (or, with recovery, the recovery code). */
  JournalPage.prototype.open = function (secret, recovery) {
    var page = this;
    var keyring = this.keyring;
    return unwrapJournalKey(recovery ? keyring.recoveryWrappedKey : keyring.wrappedKey, secret,
      recovery ? keyring.recoverySalt : keyring.salt, keyring.iterations, recovery).then(function (key) {
      var wrapped = fromBase64(keyring.wrappedPrivateKey);
      return subtle.unwrapKey('pkcs8', wrapped.slice(12), key, { name: 'AES-GCM', iv: wrapped.slice(0, 12) },
        { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['unwrapKey']).then(function (privateKey) {
        page.journalKey = key;
        page.privateKey = privateKey;
        return key;
      });
    });
  };

  JournalPage.prototype.unlock = function () {
    var page = this;
    var passphrase = $('unlock-passphrase').value;
    if (!passphrase) {
      fieldError('unlock-passphrase', say('required'));
      return;
    }
    this.open(passphrase, false).then(function () {
      $('unlock-form').reset();
      fieldError('unlock-passphrase', '');
      page.opened();
    }, function (failure) {
      fieldError('unlock-passphrase', failure === 'wrong' ? say('wrongPassphrase') : serverMessage(failure));
    });
  };

  /** The recovery code opens the journal; a new passphrase is set at once. */
  JournalPage.prototype.recover = function () {
    var page = this;
    var code = normaliseCode($('recover-code').value);
    var passphrase = $('recover-passphrase').value;
    this.status('');
    fieldError('recover-passphrase', passphrase.length < MIN_PASSPHRASE ? say('passphraseShort', MIN_PASSPHRASE) : '');
    if (passphrase.length < MIN_PASSPHRASE) {
      return;
    }
    this.open(code, true).then(function (key) {
      fieldError('recover-code', '');
      return page.rewrap(key, passphrase);
    }, function (failure) {
      fieldError('recover-code', failure === 'wrong' ? say('wrongRecoveryCode') : serverMessage(failure));
      return Promise.reject('shown');
    }).then(function () {
      $('recover-form').reset();
      page.opened();
      page.status(say('passphraseChanged'));
    }).catch(function (failure) {
      if (failure !== 'shown') {
        fieldError('recover-code', serverMessage(failure));
      }
    });
  };

  /** The journal key (extractable, just opened) wrapped for a new passphrase; entries are not touched. */
  JournalPage.prototype.rewrap = function (key, passphrase) {
    var page = this;
    var salt = random(16);
    return wrapJournalKey(key, passphrase, salt, this.iterations).then(function (wrapped) {
      var change = { kdf: KDF, iterations: page.iterations, salt: toBase64(salt), wrappedKey: wrapped };
      return page.server.call('PUT', '/keyring/passphrase', change).then(function () {
        page.keyring = Object.assign({}, page.keyring, change);
      });
    });
  };

  JournalPage.prototype.opened = function () {
    var page = this;
    this.showOnly('journal-open');
    this.status('');
    this.touch();
    return this.load().then(function () {
      return page.restoreDraft();
    });
  };

  /** Drops every key and every word from the page. {@code leaving}: the page is going away anyway. */
  JournalPage.prototype.lock = function (leaving) {
    this.stopIdleClock();
    this.journalKey = null;
    this.privateKey = null;
    this.entries = [];
    this.plain = {};
    this.witnesses = [];
    this.received = [];
    this.editing = null;
    this.editingAfter = null;
    $('timeline').textContent = '';
    $('received-list').textContent = '';
    $('share-list').textContent = '';
    $('entry-form').reset();
    $('witness-form').reset();
    show($('witness-panel'), false);
    show($('witness-link-box'), false);
    $('witness-link').textContent = '';
    Array.prototype.forEach.call(this.root.querySelectorAll('input[type=password], input[type=file]'), function (input) {
      input.value = '';
    });
    if (this.keyring) {
      // also when leaving: a page brought back from the browser's cache must ask for the passphrase again
      this.showOnly('journal-locked');
      if (!leaving) {
        this.status(say(this.drafting ? 'lockedWithDraft' : 'locked'));
        $('unlock-passphrase').focus();
      }
    }
  };

  // reading

  JournalPage.prototype.load = function () {
    var page = this;
    var key = this.journalKey;
    return Promise.all([this.server.call('GET', '/entries'), this.server.call('GET', '/witnesses'),
      this.server.call('GET', '/shares'), this.server.call('GET', '/reps'), this.server.call('GET', '/shared-with-me'),
      this.server.call('GET', '/receiving')])
      .then(function (answers) {
        var entries = answers[0];
        return Promise.all(entries.map(function (entry) {
          return Promise.all(entry.versions.map(function (version) {
            return decrypt(key, version.iv, version.data);
          }));
        })).then(function (plain) {
          return Promise.all(answers[1].map(function (witness) {
            return witness.confirmation ? unseal(page.privateKey, witness.confirmation) : Promise.resolve(null);
          })).then(function (confirmations) {
            return Promise.all(answers[4].map(function (share) {
              return Promise.all(share.entries.map(function (entry) {
                return unseal(page.privateKey, entry);
              }));
            })).then(function (received) {
              if (page.journalKey !== key) {
                return; // locked meanwhile
              }
              page.entries = entries;
              page.plain = {};
              entries.forEach(function (entry, i) {
                page.plain[entry.id] = plain[i];
              });
              page.witnesses = answers[1].map(function (witness, i) {
                return Object.assign({}, witness, { text: confirmations[i] && confirmations[i].text });
              });
              page.received = answers[4].map(function (share, i) {
                return { share: share, entries: received[i] };
              });
              page.reps = answers[3];
              // enabled only now: a tick before the server's answer arrived would be undone by it
              $('receive-shares').checked = answers[5].receivesShares;
              $('receive-shares').disabled = false;
              page.shares = answers[2];
              page.render();
              page.renderShares();
              page.renderReceived();
            });
          });
        });
      }).catch(function (failure) {
        page.status(serverMessage(failure));
      });
  };

  function latest(versions) {
    return versions[versions.length - 1];
  }

  function when(content) {
    return (content.date || '') + 'T' + (content.time || '00:00');
  }

  /** The timeline: entries by when things happened, filtered; every version with the date it was written. */
  JournalPage.prototype.render = function () {
    var page = this;
    var from = $('filter-from').value;
    var to = $('filter-to').value;
    var tag = $('filter-tag').value;
    var list = $('timeline');
    list.textContent = '';
    var shown = this.entries.filter(function (entry) {
      var content = latest(page.plain[entry.id]);
      return (!from || content.date >= from) && (!to || content.date <= to)
        && (!tag || (content.tags || []).indexOf(tag) >= 0);
    }).sort(function (a, b) {
      var x = when(latest(page.plain[a.id]));
      var y = when(latest(page.plain[b.id]));
      return x < y ? -1 : x > y ? 1 : 0;
    });
    shown.forEach(function (entry) {
      list.appendChild(page.entryView(entry));
    });
    show($('timeline-empty'), shown.length === 0);
    var range = $('timeline-range');
    range.textContent = from || to || tag ? say('range', from ? formatDate(from) : '…', to ? formatDate(to) : '…',
      tag ? $('filter-tag').selectedOptions[0].textContent : '') : '';
  };

  /** The labels of the entry form name the fields in the timeline too. */
  function label(field) {
    return document.querySelector('label[for="entry-' + field + '"]').textContent;
  }

  function tagLabel(tag) {
    var box = document.querySelector('label[for="tag-' + tag + '"]');
    return box ? box.textContent : tag;
  }

  var FIELDS = ['place', 'people', 'what', 'said', 'witnesses', 'effect', 'actions'];

  function contentView(content) {
    var list = element('dl', 'entry-fields');
    FIELDS.forEach(function (field) {
      if (content[field]) {
        list.appendChild(element('dt', null, label(field)));
        list.appendChild(element('dd', 'preserve-lines', content[field]));
      }
    });
    if (content.tags && content.tags.length) {
      list.appendChild(element('dt', null, document.querySelector('#entry-form legend').textContent));
      list.appendChild(element('dd', null, content.tags.map(tagLabel).join(', ')));
    }
    return list;
  }

  function heading(content, level) {
    return element(level, null, formatDate(content.date) + (content.time ? ', ' + content.time : '')
      + (content.place ? ' — ' + content.place : ''));
  }

  JournalPage.prototype.entryView = function (entry) {
    var page = this;
    var versions = this.plain[entry.id];
    var content = latest(versions);
    var item = element('li', 'timeline-entry');
    var article = element('article');
    item.appendChild(article);
    article.appendChild(heading(content, 'h3'));
    article.appendChild(contentView(content));
    var history = element('p', 'entry-history');
    history.textContent = say('written', formatDate(entry.versions[0].writtenAt, true))
      + (entry.versions.length > 1 ? ' ' + say('versionChanged', entry.versions.length,
        formatDate(latest(entry.versions).writtenAt, true)) : '')
      + (entry.importedAt ? ' ' + say('imported', formatDate(entry.importedAt, true)) : '');
    article.appendChild(history);
    if (versions.length > 1) {
      var details = element('details', 'entry-versions');
      details.appendChild(element('summary', null, say('earlier', versions.length - 1)));
      for (var i = versions.length - 2; i >= 0; i--) {
        var version = element('section', 'entry-version');
        version.appendChild(element('h4', null, say('written', formatDate(entry.versions[i].writtenAt, true))));
        version.appendChild(contentView(versions[i]));
        details.appendChild(version);
      }
      article.appendChild(details);
    }
    this.witnesses.filter(function (witness) {
      return witness.entryId === entry.id;
    }).forEach(function (witness) {
      var note = element('p', 'entry-witness');
      if (witness.confirmedAt) {
        note.textContent = say('confirmedBy', witness.witnessName || '?', formatDate(witness.confirmedAt, true),
          witness.text || '');
      } else {
        note.textContent = say('waitingWitness', formatDate(witness.requestedAt, true)) + ' ';
        var withdraw = element('button', 'link-button print-hidden', say('withdraw'));
        withdraw.type = 'button';
        withdraw.addEventListener('click', function () {
          page.server.call('DELETE', '/witnesses/' + witness.id).then(function () {
            return page.load();
          }, function (failure) {
            page.status(serverMessage(failure));
          });
        });
        note.appendChild(withdraw);
      }
      article.appendChild(note);
    });
    var actions = element('div', 'button-row print-hidden');
    var edit = element('button', 'button small secondary', say('edit'));
    edit.type = 'button';
    edit.addEventListener('click', function () {
      page.startEditing(entry);
    });
    var ask = element('button', 'button small secondary', say('askWitness'));
    ask.type = 'button';
    ask.addEventListener('click', function () {
      page.startWitness(entry);
    });
    actions.appendChild(edit);
    actions.appendChild(ask);
    var pick = element('label', 'entry-pick');
    var box = element('input');
    box.type = 'checkbox';
    box.className = 'share-pick';
    box.value = entry.id;
    pick.appendChild(box);
    pick.appendChild(document.createTextNode(' ' + say('include')));
    actions.appendChild(pick);
    article.appendChild(actions);
    return item;
  };

  // writing

  JournalPage.prototype.formContent = function () {
    var form = $('entry-form');
    var content = { date: form.elements.date.value, time: form.elements.time.value, tags: [] };
    FIELDS.forEach(function (field) {
      content[field] = form.elements[field].value.trim();
    });
    Array.prototype.forEach.call(form.querySelectorAll('input[name=tags]:checked'), function (box) {
      content.tags.push(box.value);
    });
    return content;
  };

  JournalPage.prototype.save = function () {
    var page = this;
    var content = this.formContent();
    fieldError('entry-date', content.date ? '' : say('required'));
    if (!content.date) {
      return;
    }
    fieldError('entry-what', content.what ? '' : say('required'));
    if (!content.what) {
      return;
    }
    var editing = this.editing;
    var after = this.editingAfter;
    encrypt(this.journalKey, content).then(function (ciphertext) {
      if (ciphertext.data.length > 60000) {
        return Promise.reject({ status: 0, problem: { detail: say('tooLong') } });
      }
      return editing
        ? page.server.call('PUT', '/entries/' + editing.id, { after: after, iv: ciphertext.iv, data: ciphertext.data })
        : page.server.call('POST', '/entries', ciphertext);
    }).then(function () {
      show($('entry-form-error'), false);
      page.stopEditing();
      page.status(say(editing ? 'changed' : 'saved'));
      return page.load();
    }).catch(function (failure) {
      // nothing is lost: what was typed stays in the form
      var error = $('entry-form-error');
      error.textContent = serverMessage(failure);
      show(error, true);
    });
  };

  JournalPage.prototype.fillForm = function (content) {
    var form = $('entry-form');
    form.reset();
    form.elements.date.value = content.date || '';
    form.elements.time.value = content.time || '';
    FIELDS.forEach(function (field) {
      form.elements[field].value = content[field] || '';
    });
    Array.prototype.forEach.call(form.querySelectorAll('input[name=tags]'), function (box) {
      box.checked = (content.tags || []).indexOf(box.value) >= 0;
    });
  };

  /** The form changes {@code entry}; {@code after} is the version the change started from. */
  JournalPage.prototype.markEditing = function (entry, after) {
    this.editing = entry;
    this.editingAfter = after;
    show($('entry-editing'), true);
    show($('entry-cancel'), true);
  };

  JournalPage.prototype.startEditing = function (entry) {
    this.forgetDraft();
    this.fillForm(latest(this.plain[entry.id]));
    this.markEditing(entry, latest(entry.versions).version);
    $('entry-form').elements.date.focus();
  };

  /** After saving, or "Stop changing": the form is empty again, and nothing of it is kept. */
  JournalPage.prototype.stopEditing = function () {
    this.editing = null;
    this.editingAfter = null;
    $('entry-form').reset();
    this.forgetDraft();
    show($('entry-editing'), false);
    show($('entry-cancel'), false);
  };

  // the entry being written, kept encrypted in this tab until it is saved

  function blank(content) {
    return !content.date && !content.time && content.tags.length === 0 && FIELDS.every(function (field) {
      return !content[field];
    });
  }

  /** Encrypts what the form holds with the journal key and keeps only that ciphertext, in this tab. */
  JournalPage.prototype.keepDraft = function () {
    var page = this;
    var key = this.journalKey;
    if (!key) {
      return;
    }
    var content = this.formContent();
    if (blank(content)) {
      this.forgetDraft();
      return;
    }
    var draft = { content: content, editing: this.editing ? { id: this.editing.id, after: this.editingAfter } : null };
    var kept = ++this.draftsKept;
    this.drafting = true;
    encrypt(key, draft).then(function (ciphertext) {
      // a later keystroke, a save or "Stop changing" has the last word
      if (kept === page.draftsKept) {
        window.sessionStorage.setItem(DRAFT_KEY, JSON.stringify(ciphertext));
      }
    }).catch(function () {
      // storage full or turned off: the journal works as before, without the safety net
      page.drafting = false;
    });
  };

  JournalPage.prototype.forgetDraft = function () {
    this.draftsKept++;
    this.drafting = false;
    window.sessionStorage.removeItem(DRAFT_KEY);
  };

  /** Puts a kept draft back into the form; one this journal's key cannot open is dropped without a word. */
  JournalPage.prototype.restoreDraft = function () {
    var page = this;
    var key = this.journalKey;
    var kept = window.sessionStorage.getItem(DRAFT_KEY);
    if (!kept || !key) {
      return Promise.resolve();
    }
    return Promise.resolve(kept).then(function (stored) {
      var ciphertext = JSON.parse(stored);
      return decrypt(key, ciphertext.iv, ciphertext.data);
    }).then(function (draft) {
      var edited = draft.editing && page.entries.filter(function (entry) {
        return entry.id === draft.editing.id;
      })[0];
      // locked meanwhile, or the entry it changes did not load: kept for the next time
      if (page.journalKey !== key || (draft.editing && !edited)) {
        return;
      }
      page.fillForm(draft.content);
      if (edited) {
        page.markEditing(edited, draft.editing.after);
      }
      page.drafting = true;
      page.status(say('draftBack'));
    }).catch(function () {
      // unless something newer was typed meanwhile
      if (window.sessionStorage.getItem(DRAFT_KEY) === kept) {
        page.forgetDraft();
      }
    });
  };

  // witnesses

  JournalPage.prototype.startWitness = function (entry) {
    var content = latest(this.plain[entry.id]);
    this.witnessEntry = entry;
    $('witness-form').reset();
    $('witness-date').value = content.date || '';
    $('witness-place').value = content.place || '';
    show($('witness-link-box'), false);
    show($('witness-form'), true);
    show($('witness-panel'), true);
    $('witness-summary').focus();
  };

  JournalPage.prototype.askWitness = function () {
    var page = this;
    var summary = $('witness-summary').value.trim();
    fieldError('witness-summary', summary ? '' : say('required'));
    if (!summary) {
      return;
    }
    var linkKey;
    subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']).then(function (key) {
      linkKey = key;
      return encrypt(key, { date: $('witness-date').value, place: $('witness-place').value.trim(), summary: summary });
    }).then(function (ciphertext) {
      return page.server.call('POST', '/witnesses', { entryId: page.witnessEntry.id, iv: ciphertext.iv,
        data: ciphertext.data });
    }).then(function (answer) {
      return subtle.exportKey('raw', linkKey).then(function (raw) {
        var fragment = toBase64(raw).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
        $('witness-link').textContent = window.location.origin + page.root.getAttribute('data-witness-base')
          + answer.token + '#' + fragment;
        show($('witness-form'), false);
        show($('witness-link-box'), true);
        return page.load();
      });
    }).catch(function (failure) {
      fieldError('witness-summary', serverMessage(failure));
    });
  };

  // sharing with a rep

  JournalPage.prototype.renderShares = function () {
    var page = this;
    var select = $('share-rep');
    select.textContent = '';
    (this.reps || []).forEach(function (rep) {
      var option = element('option', null, rep.name + ' (' + rep.groupName + ')');
      option.value = rep.accountId;
      select.appendChild(option);
    });
    show($('share-form'), (this.reps || []).length > 0);
    show($('share-none'), (this.reps || []).length === 0);
    var list = $('share-list');
    list.textContent = '';
    (this.shares || []).forEach(function (share) {
      var item = element('li', null, say('sharedWith', share.repName, formatDate(share.sharedAt, true),
        share.entryIds.length) + ' ');
      var revoke = element('button', 'button small danger', say('revoke'));
      revoke.type = 'button';
      revoke.addEventListener('click', function () {
        page.server.call('DELETE', '/shares/' + share.id).then(function () {
          page.status(say('revoked'));
          return page.load();
        }, function (failure) {
          page.status(serverMessage(failure));
        });
      });
      item.appendChild(revoke);
      list.appendChild(item);
    });
  };

  JournalPage.prototype.receiveShares = function () {
    var page = this;
    var box = $('receive-shares');
    page.server.call('PUT', '/receiving', { receivesShares: box.checked }).then(function (answer) {
      box.checked = answer.receivesShares;
      page.status(say(answer.receivesShares ? 'receiveOn' : 'receiveOff'));
    }, function (failure) {
      box.checked = !box.checked;
      page.status(serverMessage(failure));
    });
  };

  JournalPage.prototype.share = function () {
    var page = this;
    var repId = $('share-rep').value;
    var rep = (this.reps || []).filter(function (r) {
      return r.accountId === repId;
    })[0];
    var picked = Array.prototype.map.call(document.querySelectorAll('#timeline .share-pick:checked'), function (box) {
      return box.value;
    });
    var error = $('share-error');
    if (!rep || picked.length === 0) {
      error.textContent = say('chooseEntries');
      show(error, true);
      return;
    }
    Promise.all(picked.map(function (entryId) {
      var entry = page.entries.filter(function (e) {
        return e.id === entryId;
      })[0];
      // what the rep sees: the entry as it stands, and when each version was written
      return seal(rep.publicKey, { content: latest(page.plain[entryId]), importedAt: entry.importedAt,
        written: entry.versions.map(function (v) {
          return v.writtenAt;
        }) }).then(function (sealed) {
        return { entryId: entryId, key: sealed.key, iv: sealed.iv, data: sealed.data };
      });
    })).then(function (entries) {
      return page.server.call('POST', '/shares', { repId: repId, entries: entries });
    }).then(function () {
      show(error, false);
      page.status(say('shared', rep.name));
      return page.load();
    }).catch(function (failure) {
      error.textContent = serverMessage(failure);
      show(error, true);
    });
  };

  JournalPage.prototype.renderReceived = function () {
    var holder = $('received-list');
    holder.textContent = '';
    (this.received || []).forEach(function (received) {
      var section = element('section', 'received-share');
      section.appendChild(element('h3', null, say('sharedBy', received.share.authorName,
        formatDate(received.share.sharedAt, true))));
      var list = element('ol', 'timeline');
      received.entries.forEach(function (shared) {
        var item = element('li', 'timeline-entry');
        item.appendChild(heading(shared.content, 'h4'));
        item.appendChild(contentView(shared.content));
        item.appendChild(element('p', 'entry-history', shared.written.map(function (at, i) {
          return i === 0 ? say('written', formatDate(at, true)) : say('versionChanged', i + 1, formatDate(at, true));
        }).join(' ')));
        list.appendChild(item);
      });
      section.appendChild(list);
      holder.appendChild(section);
    });
    show($('received'), (this.received || []).length > 0);
  };

  // backup and restore

  JournalPage.prototype.backup = function () {
    var backup = { format: BACKUP_FORMAT, version: 1, exportedAt: new Date().toISOString(),
      keyring: { kdf: this.keyring.kdf, iterations: this.keyring.iterations, salt: this.keyring.salt,
        wrappedKey: this.keyring.wrappedKey },
      entries: this.entries.map(function (entry) {
        return { importedAt: entry.importedAt, versions: entry.versions.map(function (v) {
          return { writtenAt: v.writtenAt, iv: v.iv, data: v.data };
        }) };
      }) };
    var blob = new Blob([JSON.stringify(backup)], { type: 'application/json' });
    var link = element('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'journal-backup-' + new Date().toISOString().slice(0, 10) + '.json';
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 10000);
  };

  /** Each entry of a backup opened with the backup's passphrase and encrypted again with this journal's key. */
  JournalPage.prototype.restore = function () {
    var page = this;
    var file = $('restore-file').files[0];
    var passphrase = $('restore-passphrase').value;
    function problem(message) {
      var error = $('restore-error');
      error.textContent = message || '';
      show(error, !!message);
      fieldError('restore-passphrase', message);
    }
    if (!file || !passphrase) {
      problem(say('required'));
      return;
    }
    file.text().then(function (raw) {
      var backup;
      try {
        backup = JSON.parse(raw);
      } catch (e) {
        backup = null;
      }
      if (!backup || backup.format !== BACKUP_FORMAT || !backup.keyring || !Array.isArray(backup.entries)
        || backup.keyring.kdf !== KDF) {
        return Promise.reject('bad');
      }
      return unwrapJournalKey(backup.keyring.wrappedKey, passphrase, backup.keyring.salt, backup.keyring.iterations,
        false).then(function (backupKey) {
        return backup.entries.reduce(function (previous, entry) {
          return previous.then(function () {
            return Promise.all(entry.versions.map(function (version) {
              return decrypt(backupKey, version.iv, version.data).then(function (content) {
                return encrypt(page.journalKey, content);
              }).then(function (ciphertext) {
                return { writtenAt: version.writtenAt, iv: ciphertext.iv, data: ciphertext.data };
              });
            })).then(function (versions) {
              return page.server.call('POST', '/entries/restored', { versions: versions });
            });
          });
        }, Promise.resolve()).then(function () {
          return backup.entries.length;
        });
      });
    }).then(function (count) {
      $('restore-form').reset();
      problem('');
      page.status(say('restored', count));
      return page.load();
    }).catch(function (failure) {
      problem(failure === 'wrong' ? say('wrongPassphrase') : failure === 'bad' ? say('badBackup')
        : serverMessage(failure));
    });
  };

  JournalPage.prototype.changePassphrase = function () {
    var page = this;
    var current = $('passphrase-current').value;
    var next = $('passphrase-new').value;
    this.status('');
    fieldError('passphrase-new', next.length < MIN_PASSPHRASE ? say('passphraseShort', MIN_PASSPHRASE) : '');
    if (next.length < MIN_PASSPHRASE) {
      return;
    }
    unwrapJournalKey(this.keyring.wrappedKey, current, this.keyring.salt, this.keyring.iterations, true)
      .then(function (key) {
        fieldError('passphrase-current', '');
        return page.rewrap(key, next);
      }, function (failure) {
        fieldError('passphrase-current', failure === 'wrong' ? say('wrongPassphrase') : serverMessage(failure));
        return Promise.reject('shown');
      }).then(function () {
        $('passphrase-form').reset();
        page.status(say('passphraseChanged'));
      }).catch(function (failure) {
        if (failure !== 'shown') {
          fieldError('passphrase-current', serverMessage(failure));
        }
      });
  };

  // --- the witness page ---

  function WitnessPage(root) {
    this.root = root;
    this.server = new Server(root);
    this.token = root.getAttribute('data-token');
  }

  WitnessPage.prototype.problem = function (message) {
    var problem = $('witness-problem');
    problem.textContent = message;
    show(problem, true);
  };

  WitnessPage.prototype.start = function () {
    var page = this;
    show(this.root, true);
    // the key is in the fragment; signing in loses it, so this tab keeps it until the confirmation is sent
    this.stash = 'staffroom-witness-' + this.token;
    var fragment = window.location.hash.slice(1) || window.sessionStorage.getItem(this.stash) || '';
    if (!fragment) {
      this.problem(say('badLink'));
      return;
    }
    if (this.root.getAttribute('data-signed-in') !== 'true') {
      window.sessionStorage.setItem(this.stash, fragment);
      return;
    }
    fragment = fragment.replace(/-/g, '+').replace(/_/g, '/');
    var request;
    this.server.call('GET', '/witness-requests/' + encodeURIComponent(this.token)).then(function (answer) {
      request = answer;
      return subtle.importKey('raw', fromBase64(fragment), { name: 'AES-GCM' }, false, ['decrypt']).then(function (key) {
        return decrypt(key, answer.iv, answer.summary);
      }).catch(function () {
        return Promise.reject('badLink');
      });
    }).then(function (summary) {
      page.request = request;
      $('witness-from').textContent = say('askedBy', request.authorName, formatDate(request.requestedAt, true));
      $('witness-shown-date').textContent = formatDate(summary.date);
      $('witness-shown-place').textContent = summary.place || '';
      $('witness-shown-summary').textContent = summary.summary;
      show($('witness-request'), true);
      if (request.confirmed) {
        show($('confirm-form'), false);
        page.problem(say('alreadyConfirmed'));
      }
    }).catch(function (failure) {
      page.problem(failure === 'badLink' || (failure && failure.status === 404) ? say('badLink')
        : serverMessage(failure));
    });
    $('confirm-form').addEventListener('submit', function (event) {
      event.preventDefault();
      page.confirm();
    });
  };

  WitnessPage.prototype.confirm = function () {
    var page = this;
    var confirmation = $('confirm-text').value.trim();
    fieldError('confirm-text', confirmation ? '' : say('required'));
    if (!confirmation) {
      return;
    }
    seal(this.request.authorPublicKey, { text: confirmation }).then(function (sealed) {
      return page.server.call('POST', '/witness-requests/' + encodeURIComponent(page.token), sealed);
    }).then(function () {
      show($('witness-request'), false);
      show($('witness-done'), true);
      // the link's key is no longer needed on this page
      window.sessionStorage.removeItem(page.stash);
      history.replaceState(null, '', window.location.pathname);
    }).catch(function (failure) {
      fieldError('confirm-text', serverMessage(failure));
    });
  };

  // --- start ---

  var journal = $('journal-app');
  var witness = $('witness-app');
  var root = journal || witness;
  if (!root) {
    return;
  }
  if (!subtle || !window.fetch || !window.TextEncoder) {
    show(root, true);
    var status = $('journal-status') || $('witness-problem');
    status.textContent = say('noCrypto');
    show(status, true);
    return;
  }
  (journal ? new JournalPage(journal) : new WitnessPage(witness)).start();
}());
