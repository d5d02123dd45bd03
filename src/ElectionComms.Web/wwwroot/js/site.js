// Forms that start long work show a busy state so a second click does not submit twice.
document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset.busyText) {
        var button = form.querySelector('button[type=submit]');
        if (button) {
            button.disabled = true;
            button.textContent = form.dataset.busyText;
        }
    }
});

// Print buttons (no inline script under the CSP): any element with data-print prints the page.
document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('[data-print]')) {
        window.print();
    }
});

// Closed <details> (audit details) would print as a bare summary: open them for printing, restore afterwards.
window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details:not([open])').forEach(function (d) {
        d.setAttribute('open', '');
        d.dataset.openedForPrint = '1';
    });
});
window.addEventListener('afterprint', function () {
    document.querySelectorAll('details[data-opened-for-print]').forEach(function (d) {
        d.removeAttribute('open');
        delete d.dataset.openedForPrint;
    });
});

// Copy buttons: data-copy names the element whose text is copied exactly as shown (the approved text, §4 c).
document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-copy]');
    if (!button || !navigator.clipboard) {
        return;
    }
    var source = document.getElementById(button.dataset.copy);
    if (source) {
        navigator.clipboard.writeText(source.textContent).then(function () {
            button.textContent = button.dataset.copiedText || button.textContent;
        });
    }
});
