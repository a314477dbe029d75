// search serve: enhancements only. Every page works without this module; it adds
// the "/" shortcut to the search box and dragging a date range on the histogram.
// It reads article text from nowhere: it only moves focus and follows links the
// server wrote.

const root = document.documentElement;
root.classList.add("enhanced");

// "/" focuses the query box (or the quote box), unless typing in a field already.
document.addEventListener("keydown", (event) => {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) {
    return;
  }
  const target = event.target;
  if (target instanceof HTMLElement && target.closest("input, textarea, select, [contenteditable]")) {
    return;
  }
  const box = document.getElementById("q");
  if (box) {
    event.preventDefault();
    box.focus();
    if (typeof box.select === "function") {
      box.select();
    }
  }
});

// Dragging across histogram bars narrows the dates to the range dragged. Each bar is
// a link to its own period; a drag builds the link for the range from the first and
// last bar's links, so the URL stays the page's whole state.
for (const svg of document.querySelectorAll("figure.histogram svg")) {
  const bars = [...svg.querySelectorAll("a[data-period]")];
  let start = null;
  let last = null;

  const barAt = (event) => {
    const hit = document.elementFromPoint(event.clientX, event.clientY);
    const bar = hit && hit.closest("a[data-period]");
    return bar && svg.contains(bar) ? bar : null;
  };
  const mark = () => {
    if (start === null || last === null) {
      return;
    }
    const [a, b] = [bars.indexOf(start), bars.indexOf(last)].sort((x, y) => x - y);
    bars.forEach((bar, i) => bar.classList.toggle("dragging", i >= a && i <= b));
  };

  svg.addEventListener("pointerdown", (event) => {
    const bar = barAt(event);
    if (!bar || event.button !== 0) {
      return;
    }
    start = bar;
    last = bar;
    mark();
  });
  svg.addEventListener("pointermove", (event) => {
    if (start === null) {
      return;
    }
    const bar = barAt(event);
    if (bar) {
      last = bar;
      mark();
    }
  });
  svg.addEventListener("pointerup", (event) => {
    if (start === null || last === null || start === last) {
      start = null;
      return;
    }
    event.preventDefault();
    const [a, b] = [bars.indexOf(start), bars.indexOf(last)].sort((x, y) => x - y);
    const from = new URL(bars[a].getAttribute("href"), location.href);
    const to = new URL(bars[b].getAttribute("href"), location.href);
    from.searchParams.set("until", to.searchParams.get("until") || "");
    start = null;
    location.assign(from.toString());
  });
}
