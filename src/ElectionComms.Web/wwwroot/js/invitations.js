// Bulk invitations: while the server saves the invitations and starts the sheet or ZIP, say so and stop double
// submits. The message names the number of groups counted on the page; the browser shows the download itself.
(function () {
    const form = document.querySelector('[data-bulk-form]');
    const progress = document.querySelector('[data-bulk-progress]');
    if (!form || !progress) {
        return;
    }

    form.addEventListener('submit', function (event) {
        const button = event.submitter;
        if (!button || !button.hasAttribute('data-bulk-submit')) {
            return;
        }

        const counted = document.querySelector('[data-bulk-count]');
        const count = counted ? counted.getAttribute('data-bulk-count') : null;
        progress.textContent = progress.textContent.trim() + (count ? ' (' + count + ')' : '');
        progress.classList.remove('d-none');
        window.setTimeout(function () {
            form.querySelectorAll('[data-bulk-submit]').forEach(function (b) { b.disabled = true; });
        }, 0);
        window.setTimeout(function () {
            form.querySelectorAll('[data-bulk-submit]').forEach(function (b) { b.disabled = false; });
        }, 15000);
    });
})();
