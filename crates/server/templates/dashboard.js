"use strict";
// orbit dashboard: the little interaction the pages have. Every state (period, region, sort,
// evidence filters) lives in the query string, so a copied URL shows the same view; the
// server renders that view, and this script only changes it in place and keeps the URL in step.
(function () {
  function setParam(url, key, value) {
    if (value) { url.searchParams.set(key, value); } else { url.searchParams.delete(key); }
  }

  // Selects that change the page (the period): reload with the new value.
  document.querySelectorAll("select[data-nav]").forEach(function (sel) {
    sel.addEventListener("change", function () {
      var url = new URL(window.location.href);
      setParam(url, sel.name, sel.value);
      window.location.assign(url.toString());
    });
  });
  document.querySelectorAll("[data-js-hide]").forEach(function (el) { el.hidden = true; });

  // Map: the hovered (or focused) country's name, score, confidence and evidence.
  var info = document.getElementById("map-info");
  document.querySelectorAll("#map a.country").forEach(function (a) {
    function show() { if (info) { info.textContent = a.getAttribute("data-info"); } }
    a.addEventListener("mouseenter", show);
    a.addEventListener("focus", show);
  });

  // The country table: sortable columns and a region filter that also dims the map.
  var table = document.getElementById("countries");
  if (!table) { return; }
  var tbody = table.tBodies[0];
  var state = { sort: table.getAttribute("data-sort"), dir: table.getAttribute("data-dir") };

  function value(row, key) {
    var v = row.getAttribute("data-" + key);
    if (key === "country") { return v || ""; }
    return v === null || v === "" ? null : parseFloat(v);
  }

  function sortRows() {
    var rows = Array.prototype.slice.call(tbody.rows);
    var sign = state.dir === "asc" ? 1 : -1;
    rows.sort(function (a, b) {
      var x = value(a, state.sort), y = value(b, state.sort);
      if (x === null && y === null) {
        // Evidence without a value (no previous period to change from) before no evidence.
        var ea = value(a, "score") !== null, eb = value(b, "score") !== null;
        if (ea !== eb) { return ea ? -1 : 1; }
        return value(a, "country").localeCompare(value(b, "country"));
      }
      if (x === null) { return 1; }
      if (y === null) { return -1; }
      var c = typeof x === "string" ? x.localeCompare(y) : x - y;
      return c !== 0 ? sign * c : value(a, "country").localeCompare(value(b, "country"));
    });
    rows.forEach(function (r) { tbody.appendChild(r); });
    table.querySelectorAll("th[data-key]").forEach(function (th) {
      if (th.getAttribute("data-key") === state.sort) {
        th.setAttribute("aria-sort", state.dir === "asc" ? "ascending" : "descending");
      } else {
        th.removeAttribute("aria-sort");
      }
    });
  }

  function filterRegion(region) {
    Array.prototype.forEach.call(tbody.rows, function (r) {
      r.hidden = region !== "" && r.getAttribute("data-region") !== region;
    });
    document.querySelectorAll("#map a.country").forEach(function (a) {
      a.classList.toggle("dim", region !== "" && a.getAttribute("data-region") !== region);
    });
  }

  function remember(changes) {
    var url = new URL(window.location.href);
    Object.keys(changes).forEach(function (k) { setParam(url, k, changes[k]); });
    window.history.replaceState(null, "", url.toString());
    document.querySelectorAll("a[data-keep]").forEach(function (a) {
      var target = new URL(a.href);
      a.getAttribute("data-keep").split(" ").forEach(function (k) { setParam(target, k, url.searchParams.get(k)); });
      a.href = target.toString();
    });
  }

  table.querySelectorAll("th[data-key] button").forEach(function (button) {
    button.addEventListener("click", function () {
      var key = button.parentNode.getAttribute("data-key");
      if (state.sort === key) {
        state.dir = state.dir === "asc" ? "desc" : "asc";
      } else {
        state.sort = key;
        state.dir = key === "country" ? "asc" : "desc";
      }
      sortRows();
      remember({ sort: state.sort, dir: state.dir });
    });
  });

  var region = document.getElementById("region");
  if (region) {
    region.addEventListener("change", function () {
      filterRegion(region.value);
      remember({ region: region.value });
    });
  }
})();
