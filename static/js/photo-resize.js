// Activity form on a slow link: shrink the chosen photos in the browser before sending.
// A phone photo of 3-5 MB becomes a JPEG of ~200-400 KB (longest edge 1600 px), and the
// canvas drops EXIF (GPS) on the way. The server checks and resizes again
// (councils/images.py), so a browser without these APIs simply sends the originals.
(function () {
  "use strict";
  var form = document.querySelector("form[data-photo-resize]");
  if (!form) return;
  var input = form.querySelector("input[type=file][multiple]");
  var status = document.getElementById("photo-status");
  var button = form.querySelector("button[type=submit]");
  var MAX_EDGE = 1600, QUALITY = 0.85, SMALL_ENOUGH = 600 * 1024;
  var canShrink = !!(window.DataTransfer && window.createImageBitmap && HTMLCanvasElement.prototype.toBlob);
  var sending = false;

  function say(text, isError) {
    if (!status) return;
    status.textContent = text || "";
    status.className = isError ? "error" : "help";
  }

  function shrink(file) {
    if (!/^image\//.test(file.type) || file.size <= SMALL_ENOUGH) return Promise.resolve(file);
    return createImageBitmap(file, { imageOrientation: "from-image" }).then(function (bitmap) {
      var scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      if (bitmap.close) bitmap.close();
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) {
          if (!blob || blob.size >= file.size) return resolve(file);
          resolve(new File([blob], file.name.replace(/\.[^.]*$/, "") + ".jpg", { type: "image/jpeg" }));
        }, "image/jpeg", QUALITY);
      });
    }).catch(function () { return file; }); // not decodable here: let the server say why
  }

  if (input) {
    input.addEventListener("change", function () {
      var max = parseInt(form.getAttribute("data-max-photos"), 10);
      if (max && input.files.length > max) say(form.getAttribute("data-msg-too-many"), true);
      else say("");
    });
  }

  form.addEventListener("submit", function (event) {
    if (sending) { event.preventDefault(); return; } // a second tap while a slow upload runs
    sending = true;
    if (button) button.setAttribute("aria-disabled", "true");
    if (!canShrink || !input || !input.files.length) { say(form.getAttribute("data-msg-sending")); return; }
    event.preventDefault();
    say(form.getAttribute("data-msg-resizing"));
    Promise.all(Array.prototype.map.call(input.files, shrink)).then(function (files) {
      var transfer = new DataTransfer();
      files.forEach(function (file) { transfer.items.add(file); });
      input.files = transfer.files;
      say(form.getAttribute("data-msg-sending"));
      form.submit();
    });
  });
})();
