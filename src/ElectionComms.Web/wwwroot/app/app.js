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
        const send = subscription => fetch('/app?handler=Subscribe', {
            method: 'POST',
            headers: {
                'Content-Type': 'application/json',
                'RequestVerificationToken': document.querySelector('input[name=__RequestVerificationToken]').value
            },
            body: JSON.stringify(subscription)
        });

        // The browser may keep a subscription the portal no longer has (a device bound again, a subscription the
        // push service dropped): it is sent again on every visit, and only what the portal accepts counts as on.
        registration.pushManager.getSubscription().then(existing => {
            if (!existing) {
                button.hidden = false;
                return;
            }
            send(existing).then(response => {
                button.hidden = response.ok;
                if (response.ok) {
                    show(button.dataset.on);
                }
            });
        });

        button.addEventListener('click', () => {
            const bytes = Uint8Array.from(atob((key + '='.repeat((4 - key.length % 4) % 4)).replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0));
            registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytes })
                .then(send)
                .then(response => {
                    button.hidden = response.ok;
                    show(response.ok ? button.dataset.on : button.dataset.failed);
                })
                .catch(() => show(button.dataset.failed));
        });
    });
}());
