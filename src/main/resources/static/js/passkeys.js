/*
 * Staffroom: passkeys. Loaded only on the sign-in and account pages. Passkeys need JavaScript (the browser's
 * WebAuthn API); without it, or in a browser without passkeys, the passkey controls stay hidden and the
 * page says so. Talks to Spring Security's WebAuthn endpoints:
 *   POST /webauthn/register/options, POST /webauthn/register          (add a passkey, signed in)
 *   POST /webauthn/authenticate/options, POST /login/webauthn         (sign in with a passkey)
 */
(function () {
  'use strict';

  if (!window.PublicKeyCredential || !window.fetch) {
    return;
  }

  function toBytes(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) {
      base64 += '=';
    }
    var text = window.atob(base64);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) {
      bytes[i] = text.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = '';
    for (var i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return window.btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function descriptors(list) {
    return (list || []).map(function (d) {
      return { type: d.type, id: toBytes(d.id), transports: d.transports };
    });
  }

  function post(control, path, body) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    headers[control.getAttribute('data-csrf-header')] = control.getAttribute('data-csrf-token');
    return fetch(control.getAttribute('data-context').replace(/\/$/, '') + path, {
      method: 'POST',
      headers: headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () {
        return {};
      }).then(function (json) {
        if (!response.ok) {
          var error = new Error(json.detail || ('HTTP ' + response.status));
          error.detail = json.detail;
          throw error;
        }
        return json;
      });
    });
  }

  function say(control, text) {
    var status = document.getElementById(control.getAttribute('data-status'));
    if (status) {
      status.textContent = text;
      status.hidden = false;
    }
  }

  function signIn(button) {
    button.disabled = true;
    post(button, '/webauthn/authenticate/options').then(function (options) {
      options.challenge = toBytes(options.challenge);
      options.allowCredentials = descriptors(options.allowCredentials);
      return navigator.credentials.get({ publicKey: options });
    }).then(function (credential) {
      var response = credential.response;
      return post(button, '/login/webauthn', {
        id: credential.id,
        rawId: toBase64url(credential.rawId),
        response: {
          authenticatorData: toBase64url(response.authenticatorData),
          clientDataJSON: toBase64url(response.clientDataJSON),
          signature: toBase64url(response.signature),
          userHandle: response.userHandle ? toBase64url(response.userHandle) : undefined
        },
        credType: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      });
    }).then(function (result) {
      window.location.assign(result.redirectUrl);
    }).catch(function () {
      button.disabled = false;
      say(button, button.getAttribute('data-failed'));
    });
  }

  function register(form) {
    var button = form.querySelector('button');
    var label = form.querySelector('input[name="label"]').value.trim();
    if (!label) {
      say(button, button.getAttribute('data-label-missing'));
      return;
    }
    button.disabled = true;
    post(button, '/webauthn/register/options').then(function (options) {
      options.challenge = toBytes(options.challenge);
      options.user.id = toBytes(options.user.id);
      options.excludeCredentials = descriptors(options.excludeCredentials);
      return navigator.credentials.create({ publicKey: options });
    }).then(function (credential) {
      var response = credential.response;
      return post(button, '/webauthn/register', {
        publicKey: {
          label: label,
          credential: {
            id: credential.id,
            rawId: toBase64url(credential.rawId),
            type: credential.type,
            response: {
              attestationObject: toBase64url(response.attestationObject),
              clientDataJSON: toBase64url(response.clientDataJSON),
              transports: response.getTransports ? response.getTransports() : []
            },
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment
          }
        }
      });
    }).then(function () {
      window.location.assign(button.getAttribute('data-context').replace(/\/$/, '') + '/account?passkeyAdded');
    }).catch(function (error) {
      button.disabled = false;
      say(button, error.detail || button.getAttribute('data-failed'));
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-passkey-only]'), function (element) {
    element.hidden = false;
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-passkey-unsupported]'), function (element) {
    element.hidden = true;
  });

  var signInButton = document.getElementById('passkey-sign-in');
  if (signInButton) {
    signInButton.addEventListener('click', function () {
      signIn(signInButton);
    });
  }

  var addForm = document.getElementById('passkey-add');
  if (addForm) {
    addForm.addEventListener('submit', function (event) {
      event.preventDefault();
      register(addForm);
    });
  }
}());
