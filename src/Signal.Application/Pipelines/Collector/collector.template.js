/*! Signal collector v1 | generated from the pipeline's js_builder_config; do not edit */
(function (window, document) {
  "use strict";
  var config = /*CONFIG*/;
  var name = config.globalVariable;
  var pending = window[name];
  if (pending && pending.__signal) {
    return;
  }

  var ID_KEY = "_sg_aid";
  var LINK_PARAM = "_sgid";

  var storage = (function () {
    try {
      var s = window.localStorage;
      s.setItem("_sg_probe", "1");
      s.removeItem("_sg_probe");
      return s;
    } catch (e) {
      return null;
    }
  })();

  function uuid() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, function (c) {
      var r = (Math.random() * 16) | 0;
      return (c === "x" ? r : (r & 3) | 8).toString(16);
    });
  }

  // Cross-domain identity: an id handed over in the link wins over the one stored on this domain.
  function linkedId() {
    if (!config.crossDomain.enabled) {
      return null;
    }
    var match = new RegExp("[?&]" + LINK_PARAM + "=([A-Za-z0-9-]{8,64})").exec((window.location && window.location.search) || "");
    return match ? match[1] : null;
  }

  var anonymousId = linkedId() || (storage && storage.getItem(ID_KEY)) || uuid();
  if (storage) {
    storage.setItem(ID_KEY, anonymousId);
  }

  var userId = null;
  // Consent: null = not decided yet (events wait), true = send, false = drop.
  var consent = config.consent.required ? null : true;
  var waiting = [];

  function send(event) {
    var body = JSON.stringify(event);
    if (typeof window.fetch === "function") {
      return window.fetch(config.ingestUrl, {
        method: "POST",
        keepalive: true,
        headers: { "Content-Type": "application/json", "X-Pipeline-Key": config.pipelineKey },
        body: body
      });
    }
    if (window.navigator && window.navigator.sendBeacon) {
      window.navigator.sendBeacon(config.ingestUrl, body);
    }
    return undefined;
  }

  function emit(type, eventName, properties) {
    var location = window.location || {};
    var event = {
      pipeline_key: config.pipelineKey,
      type: type,
      event: eventName,
      properties: properties || {},
      anonymous_id: anonymousId,
      user_id: userId,
      timestamp: new Date().toISOString(),
      context: { url: location.href || null, referrer: document.referrer || null, title: document.title || null }
    };
    if (consent === true) {
      return send(event);
    }
    if (consent === null) {
      waiting.push(event);
    }
    return undefined;
  }

  function hostMatches(hostname) {
    var domains = config.crossDomain.domains;
    for (var i = 0; i < domains.length; i++) {
      var domain = domains[i];
      if (domain.indexOf("*.") === 0
        ? hostname.slice(-(domain.length - 1)) === domain.slice(1)
        : hostname === domain) {
        return true;
      }
    }
    return false;
  }

  var api = {
    __signal: true,
    page: function (properties) {
      return emit("page", document.title || null, properties);
    },
    track: function (eventName, properties) {
      return emit("track", String(eventName), properties);
    },
    identify: function (id, traits) {
      userId = id === undefined || id === null ? null : String(id);
      return emit("identify", null, traits);
    },
    consent: function (granted) {
      consent = granted === true;
      var queued = waiting;
      waiting = [];
      if (consent) {
        for (var i = 0; i < queued.length; i++) {
          send(queued[i]);
        }
      }
    },
    anonymousId: function () {
      return anonymousId;
    }
  };

  if (config.crossDomain.enabled && config.crossDomain.domains.length > 0 && document.addEventListener) {
    document.addEventListener("click", function (e) {
      var link = e.target && e.target.closest ? e.target.closest("a[href]") : null;
      if (!link) {
        return;
      }
      try {
        var url = new URL(link.href);
        if (hostMatches(url.hostname)) {
          url.searchParams.set(LINK_PARAM, anonymousId);
          link.href = url.toString();
        }
      } catch (err) {
        // Not a URL we can decorate.
      }
    }, true);
  }

  window[name] = api;

  // Calls made before the script loaded, by the snippet: window[name] = window[name] || []; window[name].push(["track", …]).
  if (Object.prototype.toString.call(pending) === "[object Array]") {
    for (var i = 0; i < pending.length; i++) {
      var call = pending[i];
      if (call && typeof api[call[0]] === "function") {
        api[call[0]].apply(api, Array.prototype.slice.call(call, 1));
      }
    }
  }
})(window, document);
