// The delivery table of a message refreshes itself while deliveries are on their way (issue 13 item 8): every
// three seconds it asks for the table alone and replaces it, until the answer no longer asks to be refreshed.
(function () {
    function schedule() {
        var section = document.querySelector('[data-testid=deliveries][data-refresh-url]');
        if (!section || !section.dataset.refreshUrl) {
            return;
        }
        setTimeout(function () {
            fetch(section.dataset.refreshUrl, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
                .then(function (response) { return response.ok ? response.text() : null; })
                .then(function (html) {
                    if (html) {
                        var holder = document.createElement('div');
                        holder.innerHTML = html;
                        var fresh = holder.querySelector('[data-testid=deliveries]');
                        if (fresh) {
                            section.replaceWith(fresh);
                        }
                    }
                    schedule();
                })
                .catch(schedule);
        }, 3000);
    }
    schedule();
})();
