"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";

// The code that turns push on or off comes when the user points at the button.
const load = () => import("./push-subscription");

type State = "checking" | "unsupported" | "denied" | "off" | "on";

function supported(): boolean {
  return (
    typeof window !== "undefined" &&
    "serviceWorker" in navigator &&
    "PushManager" in window &&
    "Notification" in window
  );
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
 * VAPID key through the service worker, and hands the subscription to the
 * server (./push-subscription); or the reverse. `devices` is the server's
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
      await (await load()).subscribeHere(publicKey);
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
      if (subscription) await (await load()).unsubscribeHere(subscription);
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
          pending={busy}
          onClick={state === "on" ? turnOff : turnOn}
          onPointerEnter={load}
          onFocus={load}
          data-testid="push-toggle"
        >
          {state === "on" ? t("pushTurnOff") : t("pushTurnOn")}
        </Button>
      ) : null}
    </div>
  );
}
