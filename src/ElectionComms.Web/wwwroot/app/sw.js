// The KQZ app's service worker (issue 20): shows a push as a notification and opens the inbox when it is tapped.
// Nothing is cached: every message is read fresh from the portal, so a recall or an ended mandate shows at once.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));

self.addEventListener('push', event => {
    let data = { title: 'KQZ', body: '', url: '/app' };
    try {
        data = Object.assign(data, event.data ? event.data.json() : {});
    } catch (e) {
        // Not our JSON: show the fixed title only.
    }
    event.waitUntil(self.registration.showNotification(data.title, {
        body: data.body,
        icon: '/img/logo.svg',
        tag: 'kqz-inbox',
        data: { url: data.url }
    }));
});

self.addEventListener('notificationclick', event => {
    event.notification.close();
    const url = (event.notification.data && event.notification.data.url) || '/app';
    event.waitUntil(self.clients.matchAll({ type: 'window' }).then(windows => {
        const open = windows.find(w => new URL(w.url).pathname.startsWith('/app'));
        return open ? open.focus().then(w => w.navigate(url)) : self.clients.openWindow(url);
    }));
});
