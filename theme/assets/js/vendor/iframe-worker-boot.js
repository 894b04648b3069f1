/* Runs first inside an iframe-worker (see iframe-worker-shim.js): makes the worker's
   postMessage and importScripts work in a frame, as the original's inline script did. It then
   removes its own element: the theme's search worker takes its base address from the first
   script with a src in the frame, which must be the worker itself. */
"use strict";(function(){var me=document.currentScript,w=me.getAttribute("data-worker");me.remove();
window.postMessage=function(s,n){parent.postMessage(s,n||"*")};
window.importScripts=function(){var s=Array.prototype.slice.call(arguments);return s.reduce(function(n,e){return n.then(function(){return new Promise(function(r){var t=document.createElement("script");t.src=e,t.onload=r,document.body.appendChild(t)})})},Promise.resolve())};
addEventListener("error",function(ev){parent.dispatchEvent(new ErrorEvent("error",{filename:w,error:ev.error}))})})();
