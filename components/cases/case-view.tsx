import { Link } from "@/components/ui/link";
import { CaseActions } from "@/components/cases/case-actions";
import { CaseDetailsForm } from "@/components/cases/case-details-form";
import { CaseStateBadge } from "@/components/cases/state-badge";
import { Stepper } from "@/components/cases/stepper";
import { ReceiptList } from "@/components/receipts/receipt-list";
import { ReceiptUploader } from "@/components/receipts/receipt-uploader";
import { NewNotePanel } from "@/components/notes/new-note-panel";
import { Timeline } from "@/components/cases/timeline";
import { FollowUpLabel } from "@/components/cases/follow-up-label";
import { GuidanceText } from "@/components/cases/guidance-text";
import { CaseChecklist } from "@/components/cases/case-checklist";
import { NextChannelHint } from "@/components/cases/next-channel-hint";
import { Card, CardHeader } from "@/components/ui/card";
import { BackLink } from "@/components/ui/back-link";
import { CaseChargesCard } from "@/components/charges/case-charges-card";
import { CaseLetters } from "@/components/letters/case-letters";
import { PlaybookGuidance } from "@/components/playbooks/playbook-guidance";
import { uploadMaxBytes } from "@/lib/config";
import type { CaseChangeDto } from "@/lib/data/case-changes";
import type { CaseCheckDto } from "@/lib/data/case-checks";
import type { CasePageDetail } from "@/lib/data/case-record";
import type { CaseCharges } from "@/lib/data/charge-summaries";
import { CHECK_ITEMS, canTick } from "@/lib/domain/checklist";
import { isClosed, OPTIONAL_STEPS, stepStatuses, type CaseState } from "@/lib/domain/case-workflow";
import { formatDateOnly, todayIn } from "@/lib/domain/dates";
import { recentHistory } from "@/lib/domain/timeline";
import type { PageTranslator } from "@/lib/i18n/row-i18n";
import type { ResolvedPlaybook } from "@/lib/playbooks/resolve";
import type { getFormatter } from "next-intl/server";

// A long history shows its newest entries; the rest are one link away.
const HISTORY_SHOWN = 50;

/** The case page: where the case stands, what to do next, its proof, notes and history. */
export function CaseView({
  kase,
  stepHistory,
  changes,
  checks,
  charges,
  playbook,
  timeZone,
  showAllHistory,
  t,
  locale,
  format,
}: {
  kase: CasePageDetail;
  stepHistory: { to: CaseState; skipped: boolean }[];
  changes: CaseChangeDto[];
  /** The after-confirmation checklist's ticked items. */
  checks: CaseCheckDto[];
  charges: CaseCharges;
  /** The subscription's provider playbook; null: the generic guidance alone. */
  playbook: ResolvedPlaybook | null;
  timeZone: string;
  showAllHistory: boolean;
  t: PageTranslator;
  locale: string;
  format: Awaited<ReturnType<typeof getFormatter>>;
}) {
  const { subscription } = kase;
  const steps = stepStatuses(kase.state, stepHistory).map((s) => ({
    ...s,
    optional: OPTIONAL_STEPS.has(s.step),
  }));
  const history = recentHistory(kase, changes);
  const today = todayIn(timeZone);
  const chargesCard = (
    <CaseChargesCard
      caseId={kase.id}
      version={kase.version}
      currency={subscription.currency}
      confirmed={kase.state === "confirmation_received"}
      charges={charges}
      today={today}
    />
  );
  const confirming = kase.allowedMoves.some(
    (move) => move.kind === "advance" && move.to === "confirmation_received",
  );

  return (
    <>
      <BackLink href="/cases" label={t("cases.back")} />
      <header className="mb-6">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 text-2xl font-bold tracking-tight [overflow-wrap:anywhere] text-slate-900 dark:text-white">
            <Link href={`/subscriptions/${kase.subscription.id}`} className="hover:underline">
              {kase.subscription.provider}
            </Link>
            {kase.subscription.plan ? (
              <span className="font-normal text-slate-500"> · {kase.subscription.plan}</span>
            ) : null}
          </h1>
          <CaseStateBadge state={kase.state} t={t} />
          <Link
            href={`/cases/${kase.id}/evidence`}
            className="ml-auto text-sm font-semibold text-indigo-700 hover:underline dark:text-indigo-300"
          >
            {t("receipts.evidencePage")}
          </Link>
        </div>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {t(`domain.reason.${kase.reason}`)} · {t("cases.opened")}{" "}
          <span data-testid="case-opened-on">{formatDateOnly(kase.openedOn, locale)}</span>
          {todayIn(timeZone, kase.openedAt) === kase.openedOn
            ? ""
            : ` (${t("cases.recordedOn", { date: format.dateTime(kase.openedAt, { dateStyle: "medium" }) })})`}
          {kase.closedAt
            ? ` · ${t("cases.closed", { date: format.dateTime(kase.closedAt, { dateStyle: "medium" }) })}`
            : ""}
        </p>
        <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <div className="flex min-w-0 gap-2">
            <dt className="shrink-0 text-slate-500 dark:text-slate-400">
              {t("common.labelled", { label: t("cases.confirmationNumber") })}
            </dt>
            <dd
              className="min-w-0 font-mono font-semibold break-all"
              data-testid="confirmation-number"
            >
              {kase.confirmationNumber ?? "—"}
            </dd>
          </div>
          <div className="flex gap-2">
            <dt className="shrink-0 text-slate-500 dark:text-slate-400">
              {t("common.labelled", { label: t("cases.nextFollowUp") })}
            </dt>
            <dd className="font-medium" data-testid="next-follow-up">
              <FollowUpLabel
                kase={kase}
                today={today}
                i18n={{ t, locale }}
                none={isClosed(kase.state) ? t("cases.noFollowUpClosed") : t("cases.noFollowUp")}
              />
            </dd>
          </div>
        </dl>
      </header>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,17rem)_minmax(0,1fr)]">
        <div className="space-y-6 lg:col-start-2">
          <section
            aria-labelledby="guidance"
            className="rounded-2xl border border-indigo-200 bg-indigo-50 p-5 dark:border-indigo-900 dark:bg-indigo-950/40"
          >
            <h2
              id="guidance"
              className="text-sm font-semibold text-indigo-900 dark:text-indigo-200"
            >
              {t("cases.whatNow")}
            </h2>
            <p
              className="mt-2 text-sm leading-relaxed text-indigo-950 dark:text-indigo-100"
              data-testid="guidance"
            >
              <GuidanceText
                state={kase.state}
                charges={charges}
                today={today}
                i18n={{ t, locale }}
              />
            </p>
            {playbook ? (
              <PlaybookGuidance playbook={playbook} state={kase.state} t={t} locale={locale} />
            ) : null}
          </section>

          {kase.allowedMoves.length > 0 ? (
            <Card>
              <CardHeader title={t("cases.actions")} />
              <CaseActions
                caseId={kase.id}
                version={kase.version}
                moves={kase.allowedMoves}
                hasConfirmationNumber={Boolean(kase.confirmationNumber)}
                receiptCount={kase.receipts.length}
                today={today}
                lastOccurredOn={kase.events.at(-1)?.occurredOn ?? kase.openedOn}
              />
            </Card>
          ) : (
            <p className="text-sm text-slate-500">{t("cases.closedCase")}</p>
          )}
          {charges.watch ? chargesCard : null}
          {charges.flagged.length > 0 ? <CaseLetters caseId={kase.id} /> : null}
        </div>

        <Card className="self-start lg:col-start-1 lg:row-span-2 lg:row-start-1">
          <CardHeader title={t("cases.steps")} />
          <Stepper
            steps={steps}
            branch={
              kase.state === "rejected" || kase.state === "withdrawn"
                ? {
                    state: kase.state,
                    reason:
                      kase.state === "rejected"
                        ? (kase.events.findLast((e) => e.to === "rejected")?.rejectionReason ??
                          null)
                        : null,
                  }
                : undefined
            }
          />
        </Card>

        <div className="space-y-6 lg:col-start-2">
          <Card id="receipts" className="scroll-mt-4">
            <CardHeader title={t("receipts.title")} />
            <div className="space-y-5">
              <ReceiptList caseId={kase.id} receipts={kase.receipts} locale={locale} />
              <ReceiptUploader
                key={confirming ? "confirming" : "any"}
                caseId={kase.id}
                maxBytes={uploadMaxBytes()}
                // The one upload area: while the next move is the confirmation, that is what comes.
                defaultKind={confirming ? "confirmation" : ""}
                notes={kase.notes.map((note) => ({
                  id: note.id,
                  label: `${t(`domain.channel.${note.channel}`)} · ${format.dateTime(note.occurredAt, { dateStyle: "medium", timeStyle: "short" })}`,
                }))}
              />
            </div>
          </Card>

          {canTick(kase.state) || checks.length > 0 ? (
            <Card id="checklist" className="scroll-mt-4">
              <CardHeader title={t("cases.checklistTitle")} />
              <p className="-mt-2 mb-4 text-sm text-slate-600 dark:text-slate-400">
                {canTick(kase.state) ? t("cases.checklistHint") : t("cases.checklistReopened")}
              </p>
              <CaseChecklist
                caseId={kase.id}
                today={today}
                editable={canTick(kase.state)}
                rows={CHECK_ITEMS.map((item) => {
                  const check = checks.find((c) => c.item === item);
                  return {
                    item,
                    done: check
                      ? {
                          doneOn: check.doneOn,
                          dayLabel: formatDateOnly(check.doneOn, locale),
                          agent: check.agent,
                        }
                      : null,
                  };
                })}
              />
            </Card>
          ) : null}

          <Card>
            <CardHeader title={t("notes.title")} />
            {isClosed(kase.state) ? null : (
              <NextChannelHint
                notes={kase.notes}
                // With a playbook, only the ways it says this provider can be left.
                available={playbook ? playbook.channels.map((channel) => channel.kind) : null}
                t={t}
              />
            )}
            <NewNotePanel caseId={kase.id} timeZone={timeZone} />
          </Card>

          <Card>
            <CardHeader title={t("cases.details")} />
            <CaseDetailsForm
              caseId={kase.id}
              version={kase.version}
              method={kase.method}
              confirmationNumber={kase.confirmationNumber}
              nextFollowUpOn={kase.nextFollowUpOn}
              // While the move form asks for the number, it is asked there only.
              editsConfirmationNumber={!confirming}
            />
          </Card>

          {charges.watch ? null : chargesCard}

          <Card>
            <div id="history" className="scroll-mt-4">
              <CardHeader title={t("cases.history")} />
            </div>
            <Timeline
              caseId={kase.id}
              events={history.events}
              notes={history.notes}
              changes={history.changes}
              checks={checks}
              olderHref={history.truncated ? `/cases/${kase.id}/evidence` : undefined}
              timeZone={timeZone}
              limit={showAllHistory ? null : HISTORY_SHOWN}
              showAllHref={`/cases/${kase.id}?history=all#history`}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
