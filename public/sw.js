// CancelCase's service worker: push messages and the share target. It caches
// no pages: what a user sees is always the server's current record.
const SHARE_CACHE = "cancelcase-share";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

// A reminder (lib/notifications/senders.ts: {title, body, url, tag}).
self.addEventListener("push", (event) => {
  let message = { title: "CancelCase", body: "", url: "/notifications", tag: "cancelcase" };
  try {
    message = { ...message, ...event.data.json() };
  } catch {
    // Not ours or not JSON: show the plain default rather than nothing.
  }
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      tag: message.tag,
      icon: "/icons/icon-192.png",
      badge: "/icons/icon-192.png",
      data: { url: message.url },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL(event.notification.data?.url ?? "/notifications", self.location.origin);
  // Only this app's own pages open from a notification.
  const url = target.origin === self.location.origin ? target.href : "/notifications";
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (open) {
        await open.focus();
        return open.navigate(url);
      }
      return self.clients.openWindow(url);
    })(),
  );
});

// The share sheet posts the files here (manifest share_target). They are
// kept in a cache until /share has asked which case they belong to.
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "POST" || url.origin !== self.location.origin) return;
  if (url.pathname !== "/share") return;
  event.respondWith(
    (async () => {
      const form = await event.request.formData();
      const files = form.getAll("file").filter((entry) => typeof entry !== "string");
      const cache = await caches.open(SHARE_CACHE);
      for (const key of await cache.keys()) await cache.delete(key);
      let index = 0;
      for (const file of files.slice(0, 10)) {
        await cache.put(
          `/share/file/${index++}`,
          new Response(file, {
            headers: {
              "Content-Type": file.type || "application/octet-stream",
              "X-File-Name": encodeURIComponent(file.name || "shared-file"),
            },
          }),
        );
      }
      return Response.redirect(`/share?files=${index}`, 303);
    })(),
  );
});
