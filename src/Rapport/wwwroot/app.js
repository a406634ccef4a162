// Small browser helpers for the Blazor pages.
// "/" (outside a text field) or Ctrl+K / Cmd+K jumps to the global search box in the app bar.
document.addEventListener("keydown", function (event) {
    const box = document.getElementById("global-search");
    if (!box) return;
    const typing = event.target instanceof HTMLElement
        && (event.target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(event.target.tagName));
    if ((event.key === "k" && (event.ctrlKey || event.metaKey)) || (event.key === "/" && !typing)) {
        event.preventDefault();
        box.focus();
        box.select();
    }
});
