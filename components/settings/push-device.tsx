"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";

type State = "checking" | "unsupported" | "denied" | "off" | "on";

function supported(): boolean {
  return (
    typeof window !== "undefined" &&
    "serviceWorker" in navigator &&
    "PushManager" in window &&
    "Notification" in window
  );
}

/** The VAPID public key (base64url) as the bytes pushManager.subscribe wants. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration("/");
  return (await registration?.pushManager.getSubscription()) ?? null;
}

async function browserState(): Promise<State> {
  if (!supported()) return "unsupported";
  if (Notification.permission === "denied") return "denied";
  return (await currentSubscription()) ? "on" : "off";
}

/**
 * Push on this browser: asks for permission, subscribes with the server's
 * VAPID key through the service worker (public/sw.js), and hands the
 * subscription to the server; or the reverse. `devices` is the server's
 * count, already worded.
 */
export function PushDevice({ publicKey, devices }: { publicKey: string; devices: string }) {
  const t = useTranslations("notifications");
  const [state, setState] = useState<State>("checking");
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    browserState().then(setState, () => setState("off"));
  }, []);

  async function turnOn() {
    setBusy(true);
    setFailed(false);
    try {
      if ((await Notification.requestPermission()) !== "granted") {
        setState("denied");
        return;
      }
      const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      await navigator.serviceWorker.ready;
      const subscription =
        (await registration.pushManager.getSubscription()) ??
        (await registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: keyBytes(publicKey),
        }));
      const response = await fetch("/api/v1/me/push-subscriptions", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(subscription.toJSON()),
      });
      if (!response.ok) throw new Error(`push subscription refused: ${response.status}`);
      setState("on");
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  async function turnOff() {
    setBusy(true);
    setFailed(false);
    try {
      const subscription = await currentSubscription();
      if (subscription) {
        await fetch("/api/v1/me/push-subscriptions", {
          method: "DELETE",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ endpoint: subscription.endpoint }),
        });
        await subscription.unsubscribe();
      }
      setState("off");
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-2 text-sm text-slate-600 dark:text-slate-400" data-testid="push-device">
      <p>{devices}</p>
      {state === "unsupported" ? <p>{t("pushUnsupported")}</p> : null}
      {state === "denied" ? <p>{t("pushDenied")}</p> : null}
      {state === "on" ? <p data-testid="push-on-here">{t("pushOnHere")}</p> : null}
      {failed ? (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {t("pushFailed")}
        </p>
      ) : null}
      {state === "off" || state === "on" ? (
        <Button
          variant="secondary"
          disabled={busy}
          onClick={state === "on" ? turnOff : turnOn}
          data-testid="push-toggle"
        >
          {state === "on" ? t("pushTurnOff") : t("pushTurnOn")}
        </Button>
      ) : null}
    </div>
  );
}
