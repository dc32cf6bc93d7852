/* Karya's embed helper for the page that holds Karya in an iframe (the ministry portal).
 * Include it once, next to the iframes: <script src="https://KARYA/karya-embed.js" async></script>
 * It needs no inline script, so it works under a strict Content-Security-Policy. It listens
 * for the height messages of Karya's frames, accepts them only from Karya's own origin (where
 * this file was loaded from) and only for the frame that sent them, and sets that height. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var karya = new URL(script.src, document.baseURI).origin;

  function heightOf(data) {
    if (typeof data === 'string') {
      try { data = JSON.parse(data); } catch (e) { return null; }
    }
    if (data && data.context === 'iframe.resize' && typeof data.height === 'number') return data.height;
    return null;
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== karya) return;
    var height = heightOf(event.data);
    if (height === null || !(height > 0) || height > 100000) return;
    var frames = document.querySelectorAll('iframe[data-karya-embed]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + 'px';
        frames[i].setAttribute('height', String(Math.ceil(height)));
      }
    }
  });
})();
