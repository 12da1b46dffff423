/* Smartshare offline edition: lets the theme's search worker run when the site is opened from file://.
 *
 * Browsers refuse `new Worker(url)` for file:// pages. The theme's offline plugin fixes that with a shim
 * fetched from unpkg.com, which an intranet without internet cannot reach; this is our own, shipped with the
 * package. It runs the worker script in a hidden same-origin iframe and relays messages both ways. Loaded in
 * the page head (before the theme's bundle creates the worker); it does nothing when served over http(s).
 */
(function () {
  "use strict";
  if (location.protocol !== "file:" || window.IFrameWorker) return;

  function IFrameWorker(url) {
    var self = this;
    var target = document.createDocumentFragment();  // an EventTarget for the page's listeners
    var pending = [];
    var ready = false;
    self.onmessage = null;
    self.onerror = null;
    self.addEventListener = target.addEventListener.bind(target);
    self.removeEventListener = target.removeEventListener.bind(target);

    var iframe = document.createElement("iframe");
    iframe.hidden = true;
    iframe.setAttribute("aria-hidden", "true");
    document.documentElement.appendChild(iframe);
    var frame = iframe.contentWindow;
    var frameDocument = iframe.contentDocument;
    frameDocument.open();
    frameDocument.write("<!doctype html><html><head></head><body></body></html>");
    frameDocument.close();

    function deliver(name, init, handler) {
      var event = new MessageEvent(name, init);
      if (typeof handler === "function") handler.call(self, event);
      target.dispatchEvent(event);
    }

    // What the worker script calls: its `postMessage` goes to the page, `importScripts` loads in order.
    frame.postMessage = function (data) {
      setTimeout(function () { deliver("message", { data: data }, self.onmessage); }, 0);
    };
    // A worker's scripts imported while it starts are loaded before it gets a message, as in a real Worker.
    var imports = Promise.resolve();
    frame.importScripts = function () {
      var urls = Array.prototype.slice.call(arguments);
      var loaded = urls.reduce(function (chain, src) {
        return chain.then(function () { return load(src); });
      }, Promise.resolve());
      imports = imports.then(function () { return loaded; });
      return loaded;
    };
    frame.onerror = function (message) {
      deliver("error", { data: message }, self.onerror);
    };

    function load(src) {
      return new Promise(function (resolve, reject) {
        var script = frameDocument.createElement("script");
        script.src = src;
        script.onload = function () { resolve(); };
        script.onerror = function () { reject(new Error("cannot load " + src)); };
        frameDocument.head.appendChild(script);
      });
    }

    function post(data) {
      frame.dispatchEvent(new frame.MessageEvent("message", { data: data }));
    }

    self.postMessage = function (data) {
      if (ready) post(data);
      else pending.push(data);
    };
    self.terminate = function () { iframe.remove(); };

    load(new URL(url, location.href).href).then(function () { return imports; }).then(function () {
      ready = true;
      pending.splice(0).forEach(post);
    });
  }

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
