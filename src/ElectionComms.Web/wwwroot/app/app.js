// The KQZ app (issue 20): registers the service worker, and offers notifications where the browser has them.
(function () {
    'use strict';
    if (!('serviceWorker' in navigator)) {
        return;
    }

    navigator.serviceWorker.register('/app/sw.js', { scope: '/app' }).then(registration => {
        const button = document.getElementById('push-enable');
        const state = document.getElementById('push-state');
        const key = button && button.dataset.key;
        if (!button || !key || !('PushManager' in window) || !('Notification' in window)) {
            return;
        }

        const show = text => { state.textContent = text; state.hidden = false; };
        registration.pushManager.getSubscription().then(existing => {
            if (existing) {
                show(state.dataset.on || button.dataset.on);
                return;
            }
            button.hidden = false;
        });

        button.addEventListener('click', () => {
            const bytes = Uint8Array.from(atob((key + '='.repeat((4 - key.length % 4) % 4)).replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0));
            registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytes })
                .then(subscription => fetch('/app?handler=Subscribe', {
                    method: 'POST',
                    headers: {
                        'Content-Type': 'application/json',
                        'RequestVerificationToken': document.querySelector('input[name=__RequestVerificationToken]').value
                    },
                    body: JSON.stringify(subscription)
                }))
                .then(response => {
                    button.hidden = response.ok;
                    show(response.ok ? button.dataset.on : button.dataset.failed);
                })
                .catch(() => show(button.dataset.failed));
        });
    });
}());
