/*
 * Dozor's own behaviour, attached here rather than in the markup: the pages run under a
 * Content-Security-Policy that allows no inline script or event handler.
 */
(function () {
  'use strict';

  // A thumbnail link (class dz-viewer-link) opens the full-size viewer dialog of the page;
  // without script, or without a viewer, the link opens the image itself.
  document.addEventListener('click', function (event) {
    var target = event.target;
    var link = target && target.closest ? target.closest('a.dz-viewer-link') : null;
    var image = document.getElementById('viewerImage');
    if (!link || !image || !window.PrimeFaces || !PrimeFaces.widgets.viewer) {
      return;
    }
    event.preventDefault();
    image.src = link.href;
    PrimeFaces.widgets.viewer.show();
  });
})();
