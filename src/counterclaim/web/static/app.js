/* counterclaim: the map, the timeline and the incident page's highlighting.
 * No inline scripts (the Content-Security-Policy forbids them): page data comes from the
 * <script type="application/json" id="page-data"> element, and every text is put in the page
 * with textContent, never as HTML. The same file runs in the self-contained report. */
(function () {
  "use strict";

  function pageData() {
    var el = document.getElementById("page-data");
    return el ? JSON.parse(el.textContent) : null;
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function svg(tag, attrs) {
    var e = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function when(i) {
    if (!i.time || !i.time.start) { return ""; }
    return i.time.start === i.time.end ? i.time.start : i.time.start + " – " + i.time.end;
  }

  function href(data, id) {
    return data.incident_url ? data.incident_url.replace("ID", id) : "#incident-" + id;
  }

  /* Incidents at one spot share a marker; its popup lists them. */
  function drawMap(container, basemap, data) {
    var map = L.map(container, { zoomSnap: 0.25, scrollWheelZoom: false });
    map.attributionControl.setPrefix("Leaflet");
    map.attributionControl.addAttribution("Boundaries: Natural Earth (public domain)");
    L.geoJSON(basemap.countries, {
      interactive: false,
      style: { color: "#9a968d", weight: 1, fillColor: "#ecebe6", fillOpacity: 1 }
    }).addTo(map);
    var gov = L.geoJSON(basemap.governorates, {
      style: { color: "#6b6760", weight: 1, fillColor: "#fbfaf6", fillOpacity: 1 },
      onEachFeature: function (f, layer) { layer.bindTooltip(f.properties.name, { sticky: true }); }
    }).addTo(map);
    map.fitBounds(gov.getBounds(), { padding: [10, 10] });

    var spots = {};
    data.incidents.forEach(function (i) {
      if (!i.location || i.location.lat === null || i.location.lon === null) { return; }
      var key = i.location.lat.toFixed(3) + "," + i.location.lon.toFixed(3);
      (spots[key] = spots[key] || []).push(i);
    });
    var most = Object.keys(spots).reduce(function (m, key) {
      return Math.max(m, spots[key].reduce(function (n, i) { return n + i.n_claims; }, 0));
    }, 1);
    Object.keys(spots).forEach(function (key) {
      var list = spots[key];
      var first = list[0];
      var claims = list.reduce(function (n, i) { return n + i.n_claims; }, 0);
      var contested = list.some(function (i) { return i.contested; });
      var coarse = first.location.precision === "country" || first.location.precision === "admin1";
      var marker = L.circleMarker([first.location.lat, first.location.lon], {
        /* area grows with the claims, relative to the busiest spot: 5 to 26 px */
        radius: 5 + 21 * Math.sqrt(claims / most),
        color: contested ? "#a3241b" : "#1f5f9e",
        fillColor: contested ? "#d9463b" : "#3a86cf",
        /* a governorate or a whole country: a hollow, dashed ring at its centre, not a point */
        fillOpacity: coarse ? 0.25 : 0.75, weight: 1.5, dashArray: coarse ? "4 3" : null,
        className: "incident-marker" + (contested ? " contested" : "")
      }).addTo(map);
      var box = el("div", { "class": "popup" });
      box.appendChild(el("strong", {}, first.location.name + (first.location.admin1 && first.location.admin1 !== first.location.name ? " [" + first.location.admin1 + "]" : "")));
      if (coarse) { box.appendChild(el("div", { "class": "coarse" }, first.location.precision === "country" ? "whole country: shown at its centre" : "governorate only: shown at its centre")); }
      var ul = el("ul");
      list.forEach(function (i) {
        var li = el("li");
        var a = el("a", { "href": href(data, i.incident_id), "class": "incident-link", "data-incident": i.incident_id },
          when(i) + " · " + i.event_type + " · " + i.n_claims + " claims");
        li.appendChild(a);
        if (i.contested) { li.appendChild(el("span", { "class": "tag contested" }, i.contradictions + " contradiction" + (i.contradictions > 1 ? "s" : ""))); }
        ul.appendChild(li);
      });
      box.appendChild(ul);
      marker.bindPopup(box);
      var path = marker.getElement && marker.getElement();
      if (path) {
        path.setAttribute("data-place", first.location.name);
        path.setAttribute("data-incidents", list.map(function (i) { return i.incident_id; }).join(" "));
      }
    });
    return map;
  }

  /* One row per governorate; a dot per incident at its start date, sized by its claims and
   * red when contested; bars below count the claims of each month. */
  function drawTimeline(container, data) {
    var items = data.incidents.filter(function (i) { return i.time && i.time.start; });
    if (!items.length) { container.appendChild(el("p", {}, "No dated incidents.")); return; }
    var t = function (s) { return Date.parse(s + "T00:00:00Z"); };
    var lo = Math.min.apply(null, items.map(function (i) { return t(i.time.start); }));
    var hi = Math.max.apply(null, items.map(function (i) { return t(i.time.end || i.time.start); }));
    if (hi === lo) { hi = lo + 86400000; }
    var rows = Array.from(new Set(items.map(function (i) { return (i.location && i.location.admin1) || "(other)"; }))).sort();
    var W = Math.max(container.clientWidth || 900, 600), left = 110, right = 16, rowH = 18, barH = 50;
    var H = rows.length * rowH + barH + 40;
    var root = svg("svg", { width: W, height: H, "class": "timeline-svg", role: "img" });
    var x = function (ms) { return left + (W - left - right) * (ms - lo) / (hi - lo); };
    rows.forEach(function (r, k) {
      var label = svg("text", { x: left - 6, y: 14 + k * rowH, "text-anchor": "end", "class": "row-label" });
      label.textContent = r;
      root.appendChild(label);
      root.appendChild(svg("line", { x1: left, x2: W - right, y1: 10 + k * rowH, y2: 10 + k * rowH, "class": "row-line" }));
    });
    var months = {};
    items.forEach(function (i) {
      var m = i.time.start.slice(0, 7);
      months[m] = (months[m] || 0) + i.n_claims;
      var k = rows.indexOf((i.location && i.location.admin1) || "(other)");
      var link = svg("a", { href: href(data, i.incident_id) });
      var dot = svg("circle", {
        cx: x(t(i.time.start)), cy: 10 + k * rowH, r: Math.min(8, 2.5 + Math.sqrt(i.n_claims)),
        "class": "tl-dot" + (i.contested ? " contested" : ""), "data-incident": i.incident_id
      });
      var title = svg("title");
      title.textContent = when(i) + " · " + i.event_type + " · " + ((i.location && i.location.name) || "") + " · " + i.n_claims + " claims";
      dot.appendChild(title);
      link.appendChild(dot);
      root.appendChild(link);
    });
    var base = rows.length * rowH + barH + 10;
    var maxM = Math.max.apply(null, Object.keys(months).map(function (m) { return months[m]; }));
    Object.keys(months).forEach(function (m) {
      var start = t(m + "-01");
      var h = barH * months[m] / maxM;
      var bar = svg("rect", { x: x(start), y: base - h, width: Math.max(2, (W - left - right) * 2.6e9 / (hi - lo + 2.6e9)), height: h, "class": "tl-bar" });
      var title = svg("title");
      title.textContent = m + ": " + months[m] + " claims";
      bar.appendChild(title);
      root.appendChild(bar);
    });
    [lo, hi].forEach(function (ms, k) {
      var label = svg("text", { x: x(ms), y: base + 16, "text-anchor": k ? "end" : "start", "class": "axis" });
      label.textContent = new Date(ms).toISOString().slice(0, 10);
      root.appendChild(label);
    });
    container.appendChild(root);
  }

  /* Incident page: a contradiction highlights both of its evidence sentences. */
  function wireContradictions() {
    var buttons = document.querySelectorAll("button.contradiction");
    Array.prototype.forEach.call(buttons, function (b) {
      b.addEventListener("click", function () {
        Array.prototype.forEach.call(document.querySelectorAll(".claim.is-highlighted"), function (c) { c.classList.remove("is-highlighted"); });
        Array.prototype.forEach.call(buttons, function (x) { x.classList.remove("is-active"); });
        b.classList.add("is-active");
        var first = null;
        b.getAttribute("data-claims").split(" ").forEach(function (id) {
          var c = document.getElementById("claim-" + id);
          if (c) { c.classList.add("is-highlighted"); first = first || c; }
        });
        if (first && first.scrollIntoView) { first.scrollIntoView({ block: "nearest" }); }
      });
    });
    var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
    if (target && target.classList.contains("contradiction")) { target.click(); }
  }

  function start() {
    var data = pageData();
    var mapEl = document.getElementById("map");
    if (data && mapEl && data.incidents) {
      if (data.basemap_data) {
        drawMap(mapEl, data.basemap_data, data);
      } else {
        fetch(data.basemap).then(function (r) { return r.json(); }).then(function (bm) { drawMap(mapEl, bm, data); });
      }
    }
    var tl = document.getElementById("timeline");
    if (data && tl && data.incidents) { drawTimeline(tl, data); }
    wireContradictions();
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
