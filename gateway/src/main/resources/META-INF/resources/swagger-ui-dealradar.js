// Swagger UI plugin of the gateway (quarkus.swagger-ui.plugins): what the Keycloak "Authorize" dialog offers
// should be exactly what works for the public PKCE client dealradar-web.
(function () {
  // PKCE replaces the client secret: a public client has none, so the field would only invite pasting one.
  var style = document.createElement('style');
  style.textContent = '.auth-container *:has(> label[for^="client_secret_"]) { display: none !important; }';
  document.head.appendChild(style);

  function freshNonce() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  window.DealRadarSwaggerPlugin = function () {
    return {
      statePlugins: {
        auth: {
          wrapActions: {
            // A nonce binds one sign-in to its ID token: a new one for every sign-in, never one fixed in the page.
            authPopup: function (original) {
              return function (url, redirect) {
                var target = new URL(url, window.location.href);
                target.searchParams.set('nonce', freshNonce());
                return original(target.toString(), redirect);
              };
            }
          }
        }
      }
    };
  };
})();
