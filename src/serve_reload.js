// svdk serve: reload the page after a rebuild, show build errors in an overlay.
// The server sends its status ({generation, title, errors}) over a WebSocket after every
// build; the title and the errors are in the site's language.
(function () {
  "use strict";
  var generation = null;
  var overlay = null;

  function showErrors(title, errors) {
    if (!errors.length) {
      if (overlay) overlay.remove();
      overlay = null;
      return;
    }
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "svdk-fouten";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText =
        "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "background:#fff;color:#1b1b1b;border-top:6px solid #b00020;padding:1rem 1.5rem;" +
        "font:15px/1.5 ui-monospace,monospace;box-shadow:0 -4px 16px rgba(0,0,0,.3)";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    var heading = document.createElement("p");
    heading.style.cssText = "margin:0 0 .5rem;font-weight:700;font-family:system-ui,sans-serif";
    heading.textContent = title;
    overlay.appendChild(heading);
    var list = document.createElement("pre");
    list.style.cssText = "margin:0;white-space:pre-wrap";
    list.textContent = errors.join("\n");
    overlay.appendChild(list);
  }

  // One WebSocket per page: unlike an event stream it does not take one of the browser's six
  // HTTP/1.1 connections per host, so many preview tabs can stay open. After the server went
  // away (a restart), reconnect and reload if the site changed meanwhile.
  var delay = 500;
  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + "/__svdk/ws");
    socket.onopen = function () { delay = 500; };
    socket.onmessage = function (event) {
      var status = JSON.parse(event.data);
      if (generation !== null && status.generation !== generation) {
        window.location.reload();
        return;
      }
      generation = status.generation;
      showErrors(status.title || "", status.errors);
    };
    socket.onclose = function () {
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 5000);
    };
  }
  connect();
})();
