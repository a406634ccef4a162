// Small browser helpers the Blazor pages call through JS interop.
window.rapport = {
    // Saves text as a file the person downloads (a list's CSV export).
    download: function (fileName, contentType, text) {
        const url = URL.createObjectURL(new Blob([text], { type: contentType }));
        const link = document.createElement("a");
        link.href = url;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    }
};

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
