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

// Print buttons: the CSP forbids inline onclick, so they are marked with data-print instead.
document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('[data-print]')) {
        window.print();
    }
});
